"""Slack's endpoint of the HTTP server (bot.server), or a Socket Mode connection."""

from __future__ import annotations

import asyncio
import logging
import time

from bot.logs import library_logger
from bot.server import Headers, Reply
from bot.slack import inbound
from bot.slack.app import SlackBot

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


class SlackEndpoint:
    """Bolt's AsyncApp on the server's event loop. A request reaches Bolt only once bot.inbound
    admitted it: signed, and well-formed."""

    path = EVENTS_PATH

    def __init__(self, bot: SlackBot, signing_secret: str | None) -> None:
        self._bot = bot
        self._signing_secret = signing_secret

    async def start(self) -> None:
        await self._bot.start()

    async def stop(self) -> None:
        await self._bot.stop()

    async def handle(self, body: bytes, query: str, headers: Headers) -> Reply:
        if self._signing_secret is not None:
            inbound.verify_signature(self._signing_secret, body, headers, time.time())
        response = await self._bot.app.async_dispatch(inbound.bolt_request(body, query, headers))
        return Reply(response.status, response.body, response.headers)


def serve_socket_mode(bot: SlackBot, app_token: str) -> None:
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    async def serve() -> None:
        await bot.start()
        log.info("Socket Mode: connecting to Slack")
        # At DEBUG its own logger would write every frame Slack sends (submissions included).
        handler = AsyncSocketModeHandler(
            bot.app, app_token, logger=library_logger("bot.socket_mode"), web_client=bot.client
        )
        try:
            await handler.start_async()
        finally:
            await bot.stop()

    asyncio.run(serve())
