"""Steps 2 to 5 from the case view: a button opens the step's form, the submitted form records it.

A button first asks the flow whether this user may take the step now, so nobody fills in a form
that would be refused. The submission stores before it acks, like registration: the modal closes
only once the record is safe, and the case view underneath is redrawn with the step now due.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.flows.errors import MeldcodeError
from bot.flows.services import Services
from bot.forms import small_number
from bot.interactions import casework
from bot.interactions.casework import Record
from bot.slack.handlers import forms
from bot.slack.handlers.errors import guarded
from bot.slack.handlers.respond import ack_refusal, refresh_case, show, shown
from bot.slack.ids import Action
from bot.slack.views.buttons import ACTIONS, ANSWER_OF_ACTION
from bot.slack.views.dialogs import modal_of
from bot.work import Work, caught

# The buttons that open a step's form, by their action id.
OPENS = {ACTIONS[does]: does for does in casework.FORMS}


@shown
def _step_form(services: Services, user_id: str, case_id: int, action: Action) -> View:
    return modal_of(casework.step_form(services, user_id, case_id, OPENS[action]))


async def handle_open_step(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    await ack()
    action = Action(body["actions"][0]["action_id"])
    view = await work.after_ack(_step_form, services, body["user"]["id"], forms.button_id(body), action)
    await show(client, body, view)


@shown
def _answer_form(services: Services, user_id: str, case_id: int, question: int, action: Action) -> View:
    return modal_of(casework.answer_form(services, user_id, case_id, question, ANSWER_OF_ACTION[action]))


async def handle_answer_button(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    """Ja / Nee / Twijfel on a question: the rationale modal, unless someone answered first."""
    await ack()
    action = Action(body["actions"][0]["action_id"])
    question = small_number([*forms.button_parts(body), ""][1], 5)
    view = await work.after_ack(_answer_form, services, body["user"]["id"], forms.button_id(body), question, action)
    await show(client, body, view)


# --- submissions -----------------------------------------------------------------------------


@caught
def _recorded(record: Record, services: Services, user_id: str, case_id: int, view: dict[str, Any]) -> View | None:
    """What `record` answers: a modal to show instead, or None."""
    key = f"{view['id']}:{view.get('callback_id')}"
    shown = record(services, user_id, case_id, forms.ModalValues(view), forms.metadata(view), key)
    return modal_of(shown) if shown is not None else None


def _submission(record: Record) -> Callable[..., Awaitable[None]]:
    """A view_submission listener around `record`, which returns a dialog to show instead, or None."""

    async def handle(
        ack: AsyncAck,
        body: dict[str, Any],
        view: dict[str, Any],
        client: AsyncWebClient,
        services: Services,
        work: Work,
    ) -> None:
        user_id, case_id = body["user"]["id"], forms.case_id(view)
        outcome = await work.before_ack(_recorded, record, services, user_id, case_id, view)
        if isinstance(outcome, MeldcodeError):
            await ack_refusal(ack, view, outcome)
            return
        if outcome is None:
            await ack()
        else:
            await ack(response_action="update", view=outcome)
        await refresh_case(client, work, services, user_id, case_id, view.get("previous_view_id"))

    return handle


def register(app: AsyncApp) -> None:
    for action in OPENS:
        app.action(action)(guarded(handle_open_step))
    for action in ANSWER_OF_ACTION:
        app.action(action)(guarded(handle_answer_button))
    for form, record in casework.RECORDS.items():
        app.view_submission(form)(guarded(_submission(record)))
