"""Serving the app: an ASGI app for HTTP mode (with /healthz), or a Socket Mode connection."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.request.async_request import AsyncBoltRequest
from sqlalchemy import text

from bot.logs import library_logger
from bot.slack import inbound
from bot.slack.app import SlackBot
from storage.db import Database

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class SlackAsgi:
    """A minimal ASGI app around the bot: Bolt's AsyncApp on the server's event loop, and /healthz.

    A request reaches Bolt only once bot.inbound admitted it: within the size limit, signed, and
    well-formed. The lifespan starts and stops the bot (its connection pool, its outbox worker).
    """

    def __init__(self, bot: SlackBot, db: Database, signing_secret: str | None) -> None:
        self._bot = bot
        self._db = db
        self._signing_secret = signing_secret

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        method, path = scope["method"], scope["path"]
        if method == "POST" and path == EVENTS_PATH:
            headers = _headers(scope)
            try:
                inbound.check_declared_length(headers)
                request = self._admit(await _read_body(receive), scope, headers)
            except inbound.NotAdmitted as refused:
                log.warning("refused a request to %s (%s): %s", path, refused.status, refused.reason)
                await _respond(send, refused.status, "", {"content-type": ["text/plain; charset=utf-8"]})
                return
            response = await self._bot.app.async_dispatch(request)
            await _respond(send, response.status, response.body, response.headers)
        elif method == "GET" and path == HEALTH_PATH:
            healthy = await asyncio.to_thread(self._database_answers)
            status = 200 if healthy else 503
            body_text = json.dumps({"status": "ok" if healthy else "database unavailable"})
            await _respond(send, status, body_text, {"content-type": ["application/json"]})
        else:
            await _respond(send, 404, "Not Found", {"content-type": ["text/plain; charset=utf-8"]})

    def _admit(self, body: bytes, scope: Scope, headers: dict[str, list[str]]) -> AsyncBoltRequest:
        if self._signing_secret is not None:
            inbound.verify_signature(self._signing_secret, body, headers, time.time())
        query = scope.get("query_string", b"").decode("latin-1")
        return inbound.bolt_request(body, query, headers)

    def _database_answers(self) -> bool:
        try:
            with self._db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except Exception:
            log.exception("health check: database did not answer")
            return False

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await self._bot.start()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self._bot.stop()
                await send({"type": "lifespan.shutdown.complete"})
                return


def _headers(scope: Scope) -> dict[str, list[str]]:
    headers: dict[str, list[str]] = {}
    for name, value in scope.get("headers", []):
        headers.setdefault(name.decode("latin-1").lower(), []).append(value.decode("latin-1"))
    return headers


async def _read_body(receive: Receive) -> bytes:
    """The body, read only as far as the limit allows (also when no Content-Length announced it)."""
    chunks, size = [], 0
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > inbound.MAX_BODY_BYTES:
            raise inbound.NotAdmitted(413, f"body of more than {inbound.MAX_BODY_BYTES} bytes")
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


async def _respond(send: Send, status: int, body: str, headers: dict[str, Any]) -> None:
    raw_headers = []
    for name, values in headers.items():
        for value in values if isinstance(values, list) else [values]:
            raw_headers.append((name.encode("latin-1"), str(value).encode("latin-1")))
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body.encode("utf-8")})


def serve_http(bot: SlackBot, db: Database, signing_secret: str, host: str, port: int) -> None:
    import uvicorn

    log.info("HTTP mode: listening on %s:%s (events at %s)", host, port, EVENTS_PATH)
    uvicorn.run(SlackAsgi(bot, db, signing_secret), host=host, port=port, log_level="info", access_log=False)


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
