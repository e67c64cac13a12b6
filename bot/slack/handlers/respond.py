"""Answers shared by the listeners: refusals, field errors, and showing or refreshing a case modal."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from slack_bolt.async_app import AsyncAck
from slack_sdk.errors import SlackApiError
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.documents.dialogs import problem_text, refusal_text
from bot.flows.errors import InvalidInput, MeldcodeError
from bot.flows.services import Services
from bot.interactions import casework
from bot.slack.handlers import forms
from bot.slack.ids import Block
from bot.slack.views.common import error_view, slack_plain
from bot.slack.views.dialogs import modal_of
from bot.work import Work, caught

log = logging.getLogger(__name__)


P = ParamSpec("P")
T = TypeVar("T")


def shown(draw: Callable[P, View]) -> Callable[P, View]:
    """`draw`, with a refusal drawn as the modal that says why."""

    @functools.wraps(draw)
    def run(*args: P.args, **kwargs: P.kwargs) -> View:
        drawn = caught(draw)(*args, **kwargs)
        return error_modal(drawn) if isinstance(drawn, MeldcodeError) else drawn

    return run


def error_modal(error: MeldcodeError) -> View:
    return error_view(refusal_text(error))


def field_errors(error: InvalidInput, view: dict[str, Any]) -> dict[str, str]:
    """Slack's `response_action: errors` map: block id to the sentence shown under the field.

    A problem with a field this modal does not show (the case moved on while it was open) goes
    under its first field, so that Slack shows it at all and the form stays as typed.
    """
    shown = forms.input_blocks(view)
    errors: dict[str, str] = {}
    for field, key in error.problems.items():
        sentence = slack_plain(problem_text(key, field, forms.text(view, Block(field))))
        where = field if field in shown or not shown else shown[0]
        errors[where] = f"{errors[where]} {sentence}" if where in errors else sentence
    return errors


async def ack_refusal(ack: AsyncAck, view: dict[str, Any], error: MeldcodeError) -> None:
    """Answer a submission the flow refused: input problems under their fields (the form stays as
    typed), any other refusal in place of the form."""
    if isinstance(error, InvalidInput):
        await ack(response_action="errors", errors=field_errors(error, view))
    else:
        await ack(response_action="update", view=error_modal(error))


def from_modal(body: dict[str, Any]) -> bool:
    """Whether a click came from a modal (not a message, and not the App Home, which is a view too)."""
    return (body.get("view") or {}).get("type") == "modal"


async def show(client: AsyncWebClient, body: dict[str, Any], view: View) -> None:
    """Open a modal, or push it onto the one the click came from (Slack keeps up to three)."""
    if from_modal(body):
        await client.views_push(trigger_id=body["trigger_id"], view=view)
    else:
        await client.views_open(trigger_id=body["trigger_id"], view=view)


@shown
def case_view(services: Services, user_id: str, case_id: int) -> View:
    """The case as this user may see it: dossier, status, or the reason they may not (blocking: run it
    as a listener's work)."""
    return modal_of(casework.case(services, user_id, case_id))


async def refresh_case(
    client: AsyncWebClient, work: Work, services: Services, user_id: str, case_id: int, view_id: str | None
) -> None:
    """Redraw the case view under a form that was just saved, so it shows the step now due.

    What was recorded is safe already; a redraw that fails (the modal was closed) only costs
    the user a click, so it is logged, not reported.
    """
    if not view_id:
        return
    view = await work.after_ack(case_view, services, user_id, case_id)
    try:
        await client.views_update(view_id=view_id, view=view)
    except SlackApiError as error:
        log.warning("case view not redrawn: %s", error.response.get("error", "unknown"))
