"""Builds the Bolt app: context middleware, retry deduplication, one error handler, the listeners."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any

from slack_bolt import App, BoltContext
from slack_bolt.response import BoltResponse
from slack_sdk import WebClient

from bot.delivery import SEND_TIMEOUT_SECONDS, OutboxDelivery
from bot.flows.services import Services
from bot.handlers import register_all
from bot.logs import library_logger, pin_libraries
from storage.repositories import record_event_receipt


@dataclass(frozen=True)
class SlackSettings:
    bot_token: str
    signing_secret: str | None  # None in Socket Mode, where requests are not signed
    api_url: str | None = None
    send_timeout: float = SEND_TIMEOUT_SECONDS


def web_client(slack: SlackSettings) -> WebClient:
    """The client for every Web API call. It never retries on its own (slack_sdk's default retries
    a dropped connection): a post Slack took before the connection dropped would then arrive
    twice, before the outbox could look it up. The outbox owns retries; a click fails visibly."""
    logger = library_logger("bot.slack_api")
    return WebClient(
        token=slack.bot_token,
        base_url=slack.api_url or WebClient.BASE_URL,
        logger=logger,
        timeout=int(slack.send_timeout),
        retry_handlers=[],
    )


def build_app(
    services: Services, slack: SlackSettings, *, listener_executor: Executor | None = None
) -> tuple[App, OutboxDelivery]:
    pin_libraries()
    client = web_client(slack)
    delivery = OutboxDelivery(services, client, send_timeout=slack.send_timeout)
    app = App(
        name="meldbot",
        client=client,
        # The HTTP server admits a request (size, signature over the raw bytes, payload shape)
        # before Bolt sees it (bot.inbound); Bolt's own check would log the whole body of every
        # request it refuses. Socket Mode needs none: Slack itself is on the other end.
        request_verification_enabled=False,
        listener_executor=listener_executor,
        logger=library_logger("bot.bolt"),
        # A request no listener takes goes to our error handler, which logs its kind only; Bolt's
        # own warning would log parts of it (a dialog's submission, a search's typed text).
        raise_error_for_unhandled_request=True,
    )

    @app.middleware
    def provide_services(context: BoltContext, next: Callable[[], None]) -> None:
        context["services"] = services
        context["delivery"] = delivery
        next()

    @app.middleware
    def drop_event_retries(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:
        # Slack re-sends an event it thinks went unanswered; every process shares one receipt table.
        event_id = body.get("event_id")
        if body.get("type") == "event_callback" and event_id:
            with services.db.transaction() as session:
                first_time = record_event_receipt(session, str(event_id), services.clock.now())
            if not first_time:
                return BoltResponse(status=200, body="")
        next()
        return None

    register_all(app)
    return app, delivery
