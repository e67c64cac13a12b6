"""Builds the Teams bot: the SDK's App, embedded (it serves nothing itself), and its handlers.

A request is authenticated by the SDK's validation of the Bot Connector's token, which is never
skipped outside the local test mode (`TeamsSettings.unauthenticated`, which only the devtools set).
The handlers are in bot.teams.handlers.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from microsoft_teams.apps import App
from microsoft_teams.apps.http.adapter import HttpMethod, HttpRouteHandler

from bot.flows.services import Services
from bot.logs import pin_libraries
from bot.teams.handlers import register_all
from bot.teams.ids import MESSAGES_PATH
from bot.work import Work

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class TeamsSettings:
    app_id: str
    app_password: str | None  # None only in the local test mode
    tenant_id: str | None = None  # the school's (or board's) Entra tenant: a single-tenant bot
    unauthenticated: bool = False  # the local test mode: no token asked for or checked


class _Embedded:
    """The SDK's HTTP server adapter, doing nothing: bot.server serves, and calls the SDK per request."""

    def register_route(self, method: HttpMethod, path: str, handler: HttpRouteHandler) -> None:
        pass

    def serve_static(self, path: str, directory: str) -> None:
        pass

    async def start(self, port: int) -> None:
        pass

    async def stop(self) -> None:
        pass


@dataclass
class TeamsBot:
    app: App
    services: Services
    work: Work = field(default_factory=Work)
    loop: asyncio.AbstractEventLoop | None = field(default=None, init=False)

    async def start(self) -> None:
        self.loop = asyncio.get_running_loop()
        pin_libraries()  # after the SDK made its loggers
        await self.app.initialize()

    def call(self, work: Callable[[], Coroutine[Any, Any, T]], timeout: float = 60) -> T:
        """Run a coroutine on the serving loop from another thread and wait for it (tests)."""
        assert self.loop is not None, "the bot has not started"
        return asyncio.run_coroutine_threadsafe(work(), self.loop).result(timeout)

    async def stop(self) -> None:
        pass

    async def handle(self, body: dict[str, Any], headers: dict[str, str]) -> tuple[int, Any]:
        answer = await self.app.server.handle_request({"body": body, "headers": headers})
        return answer["status"], answer.get("body")


def build_teams_app(services: Services, teams: TeamsSettings) -> TeamsBot:
    pin_libraries()
    options: dict[str, Any] = {
        "client_id": teams.app_id,
        "tenant_id": teams.tenant_id,
        "http_server_adapter": _Embedded(),
        "messaging_endpoint": MESSAGES_PATH,
        # Passed, never read from the SDK's own environment variable.
        "dangerously_allow_unauthenticated_requests": teams.unauthenticated,
    }
    if teams.unauthenticated:
        options["token"] = lambda _scope, _tenant=None: None  # the local fake connector asks for none
    else:
        options["client_secret"] = teams.app_password
    app = App(**options)
    bot = TeamsBot(app, services)

    register_all(app, services, bot.work)
    return bot
