"""The one error handler: a log line with an incident code and no personal data, and a word to the user."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from slack_bolt import App
from slack_bolt.response import BoltResponse
from slack_sdk import WebClient

from bot.texts import t

log = logging.getLogger("bot.errors")


def _acting_user(body: dict[str, Any]) -> str | None:
    user = body.get("user")
    if isinstance(user, dict):
        return user.get("id")
    return body.get("user_id") or (body.get("event") or {}).get("user")


def handle_error(error: Exception, body: dict[str, Any], client: WebClient, response: BoltResponse | None) -> None:
    incident = uuid.uuid4().hex[:8]
    # The payload may hold what a user typed: log its kind and the exception, never its content.
    log.error(
        "incident %s: %s while handling %s",
        incident,
        type(error).__name__,
        body.get("type", "request"),
        exc_info=(type(error), error, error.__traceback__),
    )
    user_id = _acting_user(body)
    if user_id:
        try:
            client.chat_postMessage(channel=user_id, text=t("error_generic", incident=incident))
        except Exception:  # the error may be that Slack is unreachable; the log line stands
            log.warning("incident %s: could not tell the user", incident)


def register(app: App) -> None:
    app.error(handle_error)
