"""Builds the running Slack bot: the Bolt app (context, retry deduplication, one error handler, the
listeners), its Web API client over one pooled connection, and the outbox worker.

The app is Bolt's AsyncApp: every request is acknowledged on the event loop, which never waits for
a Web API call, a delivery or another request's work; flows run on threads (bot.handlers.work).
Why this design, and its figures: docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import aiohttp
from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.flows.services import Services
from bot.logs import library_logger, pin_libraries
from bot.outbox.delivery import SEND_TIMEOUT_SECONDS, Outbox
from bot.outbox.transport import Transport
from bot.outbox.worker import DeliveryWorker
from bot.slack.handlers import register_all
from bot.slack.ids import PLATFORM
from bot.slack.member_groups import GroupReader
from bot.slack.names import StaffNames
from bot.slack.transport import SlackTransport
from bot.work import Work
from storage.models import OutboxMessage
from storage.repositories import record_event_receipt

T = TypeVar("T")
log = logging.getLogger(__name__)


# Connections kept open to Slack's Web API, shared by every listener and the outbox.
CONNECTIONS = 256


@dataclass(frozen=True)
class SlackSettings:
    bot_token: str
    signing_secret: str | None  # None in Socket Mode, where requests are not signed
    api_url: str | None = None
    send_timeout: float = SEND_TIMEOUT_SECONDS


def web_client(slack: SlackSettings, *, with_token: bool = True) -> AsyncWebClient:
    """The client for every Web API call. It never retries on its own (slack_sdk's default retries
    a dropped connection): a post Slack took before the connection dropped would then arrive
    twice, before the outbox could look it up. The outbox owns retries; a click fails visibly.

    Bolt's copy carries no token (`with_token=False`): the token of each request comes from
    `SlackIdentity`, and a token given twice makes Bolt warn at every start."""
    return AsyncWebClient(
        token=slack.bot_token if with_token else None,
        base_url=slack.api_url or AsyncWebClient.BASE_URL,
        logger=library_logger("bot.slack_api"),
        timeout=int(slack.send_timeout),
        retry_handlers=[],
    )


class SlackIdentity:
    """Who the bot is in this workspace (Slack's auth.test), asked once: at start, so that the first
    click after a restart does not wait for it, or at the first request if Slack was away then."""

    def __init__(self, client: AsyncWebClient, token: str) -> None:
        self._client = client
        self._token = token
        self._known: AuthorizeResult | None = None

    async def authorize(self) -> AuthorizeResult:
        if self._known is None:
            response = await self._client.auth_test()
            self._known = AuthorizeResult.from_auth_test_response(bot_token=self._token, auth_test_response=response)
        return self._known

    async def learn(self) -> None:
        try:
            await self.authorize()
        except (SlackClientError, aiohttp.ClientError, TimeoutError) as error:
            log.warning("Slack did not say who the bot is at start (%s); it is asked again at the first request",
                        type(error).__name__)  # fmt: skip


@dataclass
class SlackBot:
    app: AsyncApp
    client: AsyncWebClient
    outbox: Outbox
    worker: DeliveryWorker  # woken by every commit that queues a message
    work: Work
    identity: SlackIdentity
    groups: GroupReader
    send_timeout: float
    loop: asyncio.AbstractEventLoop | None = field(default=None, init=False)
    _reading_groups: asyncio.Task[None] | None = field(default=None, init=False)

    async def start(self) -> None:
        """On the loop that serves: open the connection pool, start the worker, and send what was
        left unsent when the bot last stopped."""
        self.loop = asyncio.get_running_loop()
        session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=CONNECTIONS),
            timeout=aiohttp.ClientTimeout(total=self.send_timeout),
        )
        self.client.session = self.app.client.session = session  # Bolt copies its client's per request
        self.worker.start()
        self.worker.wake()
        await self.identity.learn()
        self._reading_groups = asyncio.create_task(self.groups.run())

    async def stop(self) -> None:
        if self._reading_groups is not None:
            self._reading_groups.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reading_groups
        await self.worker.stop()
        if self.client.session is not None:
            await self.client.session.close()
        self.work.shutdown()
        self.outbox.close()

    def call(self, work: Callable[..., Coroutine[Any, Any, T]], *args: Any, timeout: float = 60) -> T:
        """Run a coroutine on the serving loop from another thread and wait for it (tests, demo)."""
        assert self.loop is not None, "the bot has not started"
        return asyncio.run_coroutine_threadsafe(work(*args), self.loop).result(timeout)


def build_app(services: Services, slack: SlackSettings, others: Mapping[str, Transport] | None = None) -> SlackBot:
    """`others`: the transports of the platforms served beside Slack, whose messages this bot's
    outbox worker delivers too (one worker, one scheduler per process)."""
    pin_libraries()
    client = web_client(slack)
    transports = {PLATFORM: SlackTransport(client), **(others or {})}
    outbox = Outbox(services, transports, send_timeout=slack.send_timeout)
    worker = DeliveryWorker(outbox)
    services.db.after_commit_adding(OutboxMessage, worker.wake)
    work = Work()
    staff_names = StaffNames()
    identity = SlackIdentity(client, slack.bot_token)
    groups = GroupReader(services, client, work)

    async def authorize() -> AuthorizeResult:  # a plain function: Bolt injects arguments by name
        return await identity.authorize()

    app = AsyncApp(
        name="meldbot",
        client=web_client(slack, with_token=False),
        authorize=authorize,
        # The HTTP server admits a request (size, signature over the raw bytes, payload shape)
        # before Bolt sees it (bot.inbound); Bolt's own check would log the whole body of every
        # request it refuses. Socket Mode needs none: Slack itself is on the other end.
        request_verification_enabled=False,
        logger=library_logger("bot.bolt"),
        # A request no listener takes goes to our error handler, which logs its kind only; Bolt's
        # own warning would log parts of it (a dialog's submission, a search's typed text).
        raise_error_for_unhandled_request=True,
    )

    @app.middleware
    async def provide_services(context: AsyncBoltContext, next: Callable[[], Awaitable[None]]) -> None:
        # One look at meldbot.yml and the user groups per request: a removal counts at once. On a
        # thread: where the file names groups, that look is a read of the database.
        await work.before_ack(services.directory.refresh)
        context["services"] = services
        context["work"] = work
        context["staff_names"] = staff_names
        context["groups"] = groups
        await next()

    @app.middleware
    async def drop_event_retries(body: dict[str, Any], next: Callable[[], Awaitable[None]]) -> BoltResponse | None:
        # Slack re-sends an event it thinks went unanswered; every process shares one receipt table.
        event_id = body.get("event_id")
        an_event = body.get("type") == "event_callback" and event_id
        if an_event and not await work.before_ack(_first_receipt, services, str(event_id)):
            return BoltResponse(status=200, body="")
        await next()
        return None

    register_all(app)
    return SlackBot(app, client, outbox, worker, work, identity, groups, slack.send_timeout)


def _first_receipt(services: Services, event_id: str) -> bool:
    with services.db.transaction() as session:
        return record_event_receipt(session, PLATFORM, event_id, services.clock.now())
