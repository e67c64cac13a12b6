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
from bot.outbox.delivery import Outbox
from bot.outbox.worker import DeliveryWorker
from bot.teams.handlers import register_all
from bot.teams.handlers.answer import Serving
from bot.teams.ids import MESSAGES_PATH, PLATFORM
from bot.teams.names import TeamsNames
from bot.teams.transport import TeamsTransport
from bot.work import Work
from storage.models import OutboxMessage

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
    names: TeamsNames
    transport: TeamsTransport  # for the outbox, whichever worker delivers
    work: Work = field(default_factory=Work)
    # The outbox's worker, when this bot delivers on its own (served without Slack; beside Slack,
    # Slack's worker delivers to both).
    outbox: Outbox | None = None
    worker: DeliveryWorker | None = None
    loop: asyncio.AbstractEventLoop | None = field(default=None, init=False)

    async def start(self) -> None:
        self.loop = asyncio.get_running_loop()
        pin_libraries()  # after the SDK made its loggers
        await asyncio.to_thread(self.names.fresh)  # so that the first notices name people too
        await self.app.initialize()
        if self.worker is not None:
            self.worker.start()
            self.worker.wake()

    def call(self, work: Callable[[], Coroutine[Any, Any, T]], timeout: float = 60) -> T:
        """Run a coroutine on the serving loop from another thread and wait for it (tests)."""
        assert self.loop is not None, "the bot has not started"
        return asyncio.run_coroutine_threadsafe(work(), self.loop).result(timeout)

    async def stop(self) -> None:
        if self.worker is not None:
            await self.worker.stop()
        if self.outbox is not None:
            self.outbox.close()
        self.work.shutdown()

    async def handle(self, body: dict[str, Any], headers: dict[str, str]) -> tuple[int, Any]:
        answer = await self.app.server.handle_request({"body": body, "headers": headers})
        return answer["status"], answer.get("body")


def build_teams_app(services: Services, teams: TeamsSettings, *, delivering: bool = False) -> TeamsBot:
    """`delivering`: this bot runs the outbox (for Teams only); else another's worker does."""
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
    names = TeamsNames(services)
    bot = TeamsBot(app, services, names, TeamsTransport(app, services, names))
    if delivering:
        bot.outbox = Outbox(services, {PLATFORM: bot.transport})
        bot.worker = DeliveryWorker(bot.outbox)
        services.db.after_commit_adding(OutboxMessage, bot.worker.wake)

    register_all(app, Serving(services, bot.work, names, local=teams.unauthenticated), bot.transport)
    return bot
