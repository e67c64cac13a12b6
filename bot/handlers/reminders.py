"""Acting from a reminder message: "not yet", "the family started", "remind me on …".

Button values carry the reminder id only; the flow re-reads it and checks the user's right to
the reminder's step. When it worked, the reminder message itself says what was decided.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.flows.errors import MeldcodeError
from bot.flows.ports import local_today
from bot.flows.reminder_actions import Rescheduled, brief, confirm_referral, not_yet, postpone
from bot.flows.services import Services
from bot.handlers import forms
from bot.handlers.errors import guarded
from bot.handlers.respond import ack_refusal, error_modal, show
from bot.ids import Action, Callback
from bot.views.messages import Message
from bot.views.reminders import postpone_modal, referral_confirmed_message, rescheduled_message


def _place(body: dict[str, Any]) -> dict[str, str]:
    """Where the clicked message is (channel and ts), or nothing when the click came from elsewhere."""
    channel, message = body.get("channel") or {}, body.get("message") or {}
    if channel.get("id") and message.get("ts"):
        return {"channel": str(channel["id"]), "ts": str(message["ts"])}
    return {}


def _replace(client: WebClient, place: dict[str, Any], message: Message) -> None:
    channel, ts = place.get("channel"), place.get("ts")
    if isinstance(channel, str) and isinstance(ts, str):
        client.chat_update(channel=channel, ts=ts, text=message.text, blocks=[b.to_dict() for b in message.blocks])


def _reminder_button(
    act: Callable[[Services, str, int], Rescheduled], reply: Callable[[Rescheduled], Message]
) -> Callable[..., None]:
    def handle(ack: Ack, body: dict[str, Any], client: WebClient, services: Services) -> None:
        ack()
        try:
            done = act(services, body["user"]["id"], forms.button_id(body))
        except MeldcodeError as error:
            show(client, body, error_modal(error))
            return
        _replace(client, _place(body), reply(done))

    return handle


def handle_postpone_button(ack: Ack, body: dict[str, Any], client: WebClient, services: Services) -> None:
    ack()
    try:
        found = brief(services, body["user"]["id"], forms.button_id(body))
        view = postpone_modal(found, local_today(services.clock).date(), _place(body))
    except MeldcodeError as error:
        view = error_modal(error)
    show(client, body, view)


def handle_postpone_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, services: Services
) -> None:
    meta = forms.metadata(view)
    try:
        form = forms.postpone_form(view, local_today(services.clock).date())
        done = postpone(services, body["user"]["id"], forms.metadata_id(view, "reminder"), form, view["id"])
    except MeldcodeError as error:
        ack_refusal(ack, view, error)
        return
    ack()
    _replace(client, meta, rescheduled_message(done.reference, done.case_id, done.due_at))


def register(app: App) -> None:
    app.action(Action.REMINDER_NOT_YET)(
        guarded(_reminder_button(not_yet, lambda r: rescheduled_message(r.reference, r.case_id, r.due_at)))
    )
    app.action(Action.CONFIRM_REFERRAL)(
        guarded(_reminder_button(confirm_referral, lambda r: referral_confirmed_message(r.reference, r.case_id)))
    )
    app.action(Action.POSTPONE_REMINDER)(guarded(handle_postpone_button))
    app.view_submission(Callback.POSTPONE)(guarded(handle_postpone_submission))
