"""Teams' endpoint of the HTTP server (bot.server): the Bot Connector posts its activities here."""

from __future__ import annotations

import json

from bot.server import Headers, NotAdmitted, Reply
from bot.teams.app import TeamsBot
from bot.teams.ids import MESSAGES_PATH


class TeamsEndpoint:
    path = MESSAGES_PATH

    def __init__(self, bot: TeamsBot) -> None:
        self._bot = bot

    async def start(self) -> None:
        await self._bot.start()

    async def stop(self) -> None:
        await self._bot.stop()

    async def handle(self, body: bytes, query: str, headers: Headers) -> Reply:
        try:
            activity = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise NotAdmitted(400, "the body is not JSON") from None
        if not isinstance(activity, dict):
            raise NotAdmitted(400, "the body is not an activity")
        status, answer = await self._bot.handle(activity, {name: values[0] for name, values in headers.items()})
        if answer is None:
            return Reply(status)
        return Reply(status, json.dumps(answer), {"content-type": "application/json"})
