"""Answers shared by the listeners: why a modal was refused, and what a field got wrong."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.views import View

from bot.flows.errors import InvalidInput, MeldcodeError
from bot.flows.registration import LIMITS
from bot.handlers import forms
from bot.ids import Block, Callback
from bot.texts import t
from bot.views.common import modal, mrkdwn


def error_modal(error: MeldcodeError) -> View:
    return modal(Callback.INFO, t("error_title"), [mrkdwn(t(error.text_key))])


def field_errors(error: InvalidInput, view: dict[str, Any]) -> dict[str, str]:
    """Slack's `response_action: errors` map: block id to the sentence shown under the field."""
    errors = {}
    for field, key in error.problems.items():
        if key == "error_too_long":
            length = len(forms.text(view, Block(field)))
            errors[field] = t(key, length=length, limit=LIMITS[field])
        else:
            errors[field] = t(key)
    return errors
