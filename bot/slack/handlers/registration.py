"""Registering a concern: /meldcode, the shortcut, the DM and App Home buttons, and the modals.

View submissions store before they ack: the modal closes only once the data is safe, and a
refused or failed submission keeps every typed word in the modal. A local transaction is far
inside Slack's three seconds; a repeat submission of the same modal finds the stored result.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncSay
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.documents.dialogs import Form
from bot.flows.errors import MeldcodeError
from bot.flows.services import Services
from bot.flows.steps import registration
from bot.flows.steps.staff_route import remind_unrecorded
from bot.interactions import registration as registering
from bot.slack.handlers import forms
from bot.slack.handlers.errors import guarded
from bot.slack.handlers.respond import ack_refusal, shown
from bot.slack.ids import CONTACTS_WORDS, GUIDE_WORDS, Action, Command, Shortcut
from bot.slack.views.contacts import contacts_modal
from bot.slack.views.dialogs import modal_of
from bot.slack.views.guide import guide_modal
from bot.slack.views.messages import start_message
from bot.work import Work, caught


@shown
def _intake(services: Services, user_id: str) -> View:
    return modal_of(registering.intake(services, user_id))


async def handle_start(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    """/meldcode, the global shortcut and the start buttons all open the intake modal;
    `/meldcode contacten` (or `contacts`) opens the sociale kaart."""
    await ack()
    user_id = body["user_id"] if "user_id" in body else body["user"]["id"]
    asked = str(body.get("text") or "").strip().casefold()
    draw = _contacts if asked in CONTACTS_WORDS else _guide if asked in GUIDE_WORDS else _intake
    await client.views_open(trigger_id=body["trigger_id"], view=await work.after_ack(draw, services, user_id))


def _guide(services: Services, user_id: str) -> View:
    return guide_modal()


def _contacts(services: Services, user_id: str) -> View:
    directory = services.directory
    schools = directory.schools_naming(user_id) or directory.schools_of(user_id)
    return contacts_modal([(s.name, s.social_map) for s in schools])


async def handle_direct_message(event: dict[str, Any], say: AsyncSay) -> None:
    """Free text in the DM is never taken as a signal: Slack keeps it in its history."""
    if event.get("subtype") or event.get("bot_id"):
        return
    message = start_message()
    await say(text=message.text, blocks=[b.to_dict() for b in message.blocks])


@caught
def _after_intake(services: Services, user_id: str, view: dict[str, Any]) -> View:
    meta, values = forms.metadata(view), forms.ModalValues(view)
    return modal_of(registering.after_intake(services, user_id, values, meta, f"{view['id']}:intake"))


async def handle_intake_submission(
    ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], services: Services, work: Work
) -> None:
    await _ack_with(ack, view, await work.before_ack(_after_intake, services, body["user"]["id"], view))


@caught
def _record_board_choice(services: Services, user_id: str, view: dict[str, Any]) -> View:
    meta, values = forms.metadata(view), forms.ModalValues(view)
    return modal_of(registering.after_board_choice(services, user_id, values, meta, f"{view['id']}:board"))


async def handle_board_choice_submission(
    ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], services: Services, work: Work
) -> None:
    await _ack_with(ack, view, await work.before_ack(_record_board_choice, services, body["user"]["id"], view))


@caught
def _record_signal(services: Services, user_id: str, view: dict[str, Any]) -> View:
    meta, values = forms.metadata(view), forms.ModalValues(view)
    return modal_of(registering.after_signal(services, user_id, values, meta, f"{view['id']}:signal"))


async def handle_signal_submission(
    ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], services: Services, work: Work
) -> None:
    await _ack_with(ack, view, await work.before_ack(_record_signal, services, body["user"]["id"], view))


@shown
def _resolve_choice(services: Services, user_id: str, view: dict[str, Any]) -> View:
    return modal_of(registering.after_choice(services, user_id, forms.ModalValues(view), forms.metadata(view)))


async def handle_choice_submission(
    ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], services: Services, work: Work
) -> None:
    await ack(response_action="update", view=await work.before_ack(_resolve_choice, services, body["user"]["id"], view))


async def _ack_with(ack: AsyncAck, view: dict[str, Any], outcome: View | MeldcodeError) -> None:
    """The modal that follows a stored submission, or the refusal's answer."""
    if isinstance(outcome, MeldcodeError):
        await ack_refusal(ack, view, outcome)
    else:
        await ack(response_action="update", view=outcome)


async def handle_board_choice_closed(
    ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], services: Services, work: Work
) -> None:
    """Closing the board route's choice records nothing: the reporter is reminded of the duty."""
    await ack()
    meta = forms.metadata(view)
    school, acute = str(meta.get("school", "")), bool(meta.get("acute"))
    await work.after_ack(remind_unrecorded, services, body["user"]["id"], school, acute, f"{view['id']}:board")


async def handle_choice_closed(
    ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], services: Services, work: Work
) -> None:
    """Closing the choice is no answer: the signal is kept and the reporter is asked again."""
    await ack()
    await work.after_ack(
        registration.remind_pending_draft, services, body["user"]["id"], forms.metadata_id(view, "draft")
    )


@shown
def _draft_choice(services: Services, user_id: str, draft_id: int) -> View:
    return modal_of(registering.draft_choice(services, user_id, draft_id))


async def handle_finish_draft(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    await ack()
    view = await work.after_ack(_draft_choice, services, body["user"]["id"], forms.button_id(body))
    await client.views_open(trigger_id=body["trigger_id"], view=view)


def register(app: AsyncApp) -> None:
    app.command(Command.MELDCODE)(guarded(handle_start))
    app.shortcut(Shortcut.REGISTER_CONCERN)(guarded(handle_start))
    app.action(Action.START_REGISTRATION)(guarded(handle_start))
    app.event({"type": "message", "channel_type": "im"})(guarded(handle_direct_message))
    app.view_submission(Form.INTAKE)(guarded(handle_intake_submission))
    app.view_submission(Form.BOARD_CHOICE)(guarded(handle_board_choice_submission))
    app.view_closed(Form.BOARD_CHOICE)(guarded(handle_board_choice_closed))
    app.view_submission(Form.SIGNAL)(guarded(handle_signal_submission))
    app.view_submission(Form.OPEN_CASE_CHOICE)(guarded(handle_choice_submission))
    app.view_closed(Form.OPEN_CASE_CHOICE)(guarded(handle_choice_closed))
    app.action(Action.FINISH_DRAFT)(guarded(handle_finish_draft))
