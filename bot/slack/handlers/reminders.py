"""Acting from a reminder message: "not yet", "the family started", "remind me on …".

Button values carry the reminder id only; the flow re-reads it and checks the user's right to
the reminder's step. When it worked, the reminder message itself says what was decided.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.documents import dialogs
from bot.flows.errors import MeldcodeError
from bot.flows.ports import local_today
from bot.flows.services import Services
from bot.flows.steps.reminder_actions import (
    Rescheduled,
    brief,
    confirm_referral,
    follow_up_good,
    follow_up_signal,
    not_yet,
    postpone,
)
from bot.flows.vocabulary import FollowUp
from bot.forms import postpone_form
from bot.slack.handlers import forms
from bot.slack.handlers.errors import guarded
from bot.slack.handlers.respond import ack_refusal, error_modal, show, shown
from bot.slack.ids import Action, Callback
from bot.slack.views.dialogs import modal_of
from bot.slack.views.messages import Message
from bot.slack.views.reminders import (
    follow_up_message,
    postpone_modal,
    referral_confirmed_message,
    rescheduled_message,
)
from bot.work import Work, caught


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


def _reminder_button(
    act: Callable[[Services, str, int], Rescheduled], reply: Callable[[Rescheduled], Message]
) -> Callable[..., Awaitable[None]]:
    def decide(services: Services, user_id: str, reminder_id: int) -> Message | View:
        done = caught(act)(services, user_id, reminder_id)
        return error_modal(done) if isinstance(done, MeldcodeError) else reply(done)

    async def handle(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
    ) -> None:
        await ack()
        answer = await work.after_ack(decide, services, body["user"]["id"], forms.button_id(body))
        if isinstance(answer, Message):
            await _replace(client, _place(body), answer)
        else:
            await show(client, body, answer)

    return handle


@shown
def _postpone_form(services: Services, user_id: str, reminder_id: int, place: dict[str, str]) -> View:
    return postpone_modal(brief(services, user_id, reminder_id), local_today(services.clock).date(), place)


async def handle_postpone_button(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    await ack()
    view = await work.after_ack(_postpone_form, services, body["user"]["id"], forms.button_id(body), _place(body))
    await show(client, body, view)


@caught
def _postponed(services: Services, user_id: str, view: dict[str, Any]) -> Message:
    form = postpone_form(forms.ModalValues(view), local_today(services.clock).date())
    done = postpone(services, user_id, forms.metadata_id(view, "reminder"), form, view["id"])
    return rescheduled_message(done.reference, done.case_id, done.due_at)


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
    found = caught(follow_up_signal)(services, user_id, reminder_id)
    if isinstance(found, MeldcodeError):
        return None, error_modal(found)
    form = modal_of(dialogs.signal(found.school_id, False, local_today(services.clock).date(), pupil=found))
    return follow_up_message(found.reference, found.case_id, FollowUp.NEW_SIGNAL), form


async def handle_follow_up_signal(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    await ack()
    said, form = await work.after_ack(_new_signal, services, body["user"]["id"], forms.button_id(body))
    await show(client, body, form)  # first, while the click's trigger is fresh
    if said is not None:
        await _replace(client, _place(body), said)


def register(app: AsyncApp) -> None:
    app.action(Action.REMINDER_NOT_YET)(
        guarded(_reminder_button(not_yet, lambda r: rescheduled_message(r.reference, r.case_id, r.due_at)))
    )
    app.action(Action.CONFIRM_REFERRAL)(
        guarded(_reminder_button(confirm_referral, lambda r: referral_confirmed_message(r.reference, r.case_id)))
    )
    app.action(Action.FOLLOW_UP_GOOD)(
        guarded(_reminder_button(follow_up_good, lambda r: follow_up_message(r.reference, r.case_id, FollowUp.GOOD)))
    )
    app.action(Action.FOLLOW_UP_SIGNAL)(guarded(handle_follow_up_signal))
    app.action(Action.POSTPONE_REMINDER)(guarded(handle_postpone_button))
    app.view_submission(Callback.POSTPONE)(guarded(handle_postpone_submission))
