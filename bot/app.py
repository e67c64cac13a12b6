"""Builds the Bolt app: context middleware, retry deduplication, one error handler, the listeners."""

from __future__ import annotations

import logging
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
from storage.repositories import record_event_receipt


@dataclass(frozen=True)
class SlackSettings:
    bot_token: str
    signing_secret: str | None  # None in Socket Mode, where requests are not signed
    api_url: str | None = None
    send_timeout: float = SEND_TIMEOUT_SECONDS


def _quiet_logger(name: str) -> logging.Logger:
    """A logger that never emits DEBUG, whatever the root level.

    At DEBUG, slack_sdk logs whole request bodies and Bolt whole payloads: the dossier modal
    and the signal form would end up in log files. Their level is pinned here on purpose.
    """
    logger = logging.getLogger(name)
    logger.setLevel(logging.INFO)
    return logger


def web_client(slack: SlackSettings) -> WebClient:
    """The client for every Web API call. It never retries on its own (slack_sdk's default retries
    a dropped connection): a post Slack took before the connection dropped would then arrive
    twice, before the outbox could look it up. The outbox owns retries; a click fails visibly."""
    logger = _quiet_logger("bot.slack_api")
    options = {"base_url": slack.api_url} if slack.api_url else {}
    return WebClient(
        token=slack.bot_token, logger=logger, timeout=int(slack.send_timeout), retry_handlers=[], **options
    )


def build_app(
    services: Services, slack: SlackSettings, *, listener_executor: Executor | None = None
) -> tuple[App, OutboxDelivery]:
    client = web_client(slack)
    delivery = OutboxDelivery(services, client, send_timeout=slack.send_timeout)
    app = App(
        client=client,
        signing_secret=slack.signing_secret or "",
        request_verification_enabled=slack.signing_secret is not None,
        listener_executor=listener_executor,
        logger=_quiet_logger("bot.bolt"),
        # Bolt's own default handler would log whole payloads; ours never does.
        raise_error_for_unhandled_request=False,
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
