"""Builds the Teams bot: the SDK's App, embedded (it serves nothing itself), and its handlers.

A request is authenticated by the SDK's validation of the Bot Connector's token, which is never
skipped outside the local test mode (`TeamsSettings.unauthenticated`, which only the devtools set).
Every personal activity keeps where the bot may write to its sender (a conversation reference);
free text in the chat is never stored, as in Slack's DM.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from microsoft_teams.api.activities import ConversationUpdateActivity
from microsoft_teams.api.activities.install_update import InstalledActivity
from microsoft_teams.api.activities.message import MessageActivity
from microsoft_teams.apps import ActivityContext, App
from microsoft_teams.apps.http.adapter import HttpMethod, HttpRouteHandler

from bot.flows.services import Services
from bot.logs import pin_libraries
from bot.teams.ids import MESSAGES_PATH, PLATFORM
from storage import repositories as repo

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

    @app.on_install_add
    async def installed(ctx: ActivityContext[InstalledActivity]) -> None:
        await remember(bot, ctx)

    @app.on_conversation_update
    async def conversation_updated(ctx: ActivityContext[ConversationUpdateActivity]) -> None:
        await remember(bot, ctx)

    @app.on_message
    async def message(ctx: ActivityContext[MessageActivity]) -> None:
        # Free text is never taken as a signal, nor stored: Teams keeps it in the chat's history.
        await remember(bot, ctx)

    return bot


async def remember(bot: TeamsBot, ctx: ActivityContext[Any]) -> None:
    """Keep where the bot may write to the sender of a personal activity (for reminders later).
    On a thread: the event loop answers every request and never waits for the database."""
    activity = ctx.activity
    user_id = activity.from_.aad_object_id
    if activity.conversation.conversation_type != "personal" or not user_id:
        return
    await asyncio.to_thread(_remember, bot.services, user_id, activity.conversation.id, activity.service_url)


def _remember(services: Services, user_id: str, conversation_id: str, service_url: str) -> None:
    with services.db.transaction() as session:
        moved = repo.remember_conversation(
            session, PLATFORM, user_id, conversation_id, service_url, services.clock.now()
        )
    if moved:
        log.info("Teams: a personal conversation is known for a user")
