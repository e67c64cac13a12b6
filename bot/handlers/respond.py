"""Answers shared by the listeners: open a modal or say why not, and deliver queued notices."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.models.views import View

from bot.delivery import OutboxDelivery
from bot.flows.errors import InvalidInput, MeldcodeError
from bot.flows.registration import LIMITS
from bot.ids import Callback
from bot.texts import t
from bot.views.common import modal, mrkdwn


def error_modal(error: MeldcodeError) -> View:
    return modal(Callback.INFO, t("error_title"), [mrkdwn(t(error.text_key))])


def field_errors(error: InvalidInput, view: dict[str, Any]) -> dict[str, str]:
    """Slack's `response_action: errors` map: block id to the sentence shown under the field."""
    errors = {}
    for field, key in error.problems.items():
        if key == "error_too_long":
            length = len(view["state"]["values"][field]["value"]["value"])
            errors[field] = t(key, length=length, limit=LIMITS[field])
        else:
            errors[field] = t(key)
    return errors


def open_modal(client: WebClient, trigger_id: str, view: View) -> None:
    client.views_open(trigger_id=trigger_id, view=view)


def deliver(delivery: OutboxDelivery) -> None:
    """Send what the flow queued, now. What fails stays queued for the next attempt."""
    delivery.flush()
