"""Acting from a reminder message: "not yet", "the family started", "remind me on …".

Button values carry the reminder id only; the flow re-reads it and checks the user's right to
the reminder's step. When it worked, the reminder message itself says what was decided.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.documents.dialogs import Form
from bot.documents.notices import Does
from bot.flows.errors import MeldcodeError
from bot.flows.services import Services
from bot.interactions import reminders
from bot.slack.handlers import forms
from bot.slack.handlers.errors import guarded
from bot.slack.handlers.respond import ack_refusal, error_modal, show, shown
from bot.slack.ids import Action
from bot.slack.views.buttons import ACTIONS
from bot.slack.views.dialogs import modal_of
from bot.slack.views.messages import Message, message_of
from bot.work import Work, caught

# The buttons whose click is the whole act, by their action id.
IN_PLACE = {ACTIONS[does]: does for does in reminders.IN_PLACE}


def _place(body: dict[str, Any]) -> dict[str, str]:
    """Where the clicked message is (channel and ts), or nothing when the click came from elsewhere."""
    channel, message = body.get("channel") or {}, body.get("message") or {}
    if channel.get("id") and message.get("ts"):
        return {"channel": str(channel["id"]), "ts": str(message["ts"])}
    return {}


async def _replace(client: AsyncWebClient, place: dict[str, Any], message: Message) -> None:
    channel, ts = place.get("channel"), place.get("ts")
    if isinstance(channel, str) and isinstance(ts, str):
        await client.chat_update(
            channel=channel, ts=ts, text=message.text, blocks=[b.to_dict() for b in message.blocks]
        )


def _decide(services: Services, user_id: str, reminder_id: int, does: Does) -> Message | View:
    done = caught(reminders.act)(services, user_id, reminder_id, does)
    return error_modal(done) if isinstance(done, MeldcodeError) else message_of(done)


async def handle_in_place(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    await ack()
    does = IN_PLACE[Action(body["actions"][0]["action_id"])]
    answer = await work.after_ack(_decide, services, body["user"]["id"], forms.button_id(body), does)
    if isinstance(answer, Message):
        await _replace(client, _place(body), answer)
    else:
        await show(client, body, answer)


@shown
def _postpone_form(services: Services, user_id: str, reminder_id: int, place: dict[str, str]) -> View:
    return modal_of(reminders.postpone_dialog(services, user_id, reminder_id, place))


async def handle_postpone_button(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    await ack()
    view = await work.after_ack(_postpone_form, services, body["user"]["id"], forms.button_id(body), _place(body))
    await show(client, body, view)


@caught
def _postponed(services: Services, user_id: str, view: dict[str, Any]) -> Message:
    values, meta = forms.ModalValues(view), forms.metadata(view)
    return message_of(reminders.after_postpone(services, user_id, values, meta, view["id"]))


async def handle_postpone_submission(
    ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    outcome = await work.before_ack(_postponed, services, body["user"]["id"], view)
    if isinstance(outcome, MeldcodeError):
        await ack_refusal(ack, view, outcome)
        return
    await ack()
    await _replace(client, forms.metadata(view), outcome)


def _new_signal(services: Services, user_id: str, reminder_id: int) -> tuple[Message | None, View]:
    """Nazorg found new worries: the signal form for the same pupil, and what the reminder now says."""
    found = caught(reminders.new_signal)(services, user_id, reminder_id)
    if isinstance(found, MeldcodeError):
        return None, error_modal(found)
    said, form = found
    return message_of(said), modal_of(form)


async def handle_follow_up_signal(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    await ack()
    said, form = await work.after_ack(_new_signal, services, body["user"]["id"], forms.button_id(body))
    await show(client, body, form)  # first, while the click's trigger is fresh
    if said is not None:
        await _replace(client, _place(body), said)


def register(app: AsyncApp) -> None:
    for action in IN_PLACE:
        app.action(action)(guarded(handle_in_place))
    app.action(Action.FOLLOW_UP_SIGNAL)(guarded(handle_follow_up_signal))
    app.action(Action.POSTPONE_REMINDER)(guarded(handle_postpone_button))
    app.view_submission(Form.POSTPONE)(guarded(handle_postpone_submission))
