"""Registering a concern: /meldcode, the shortcut, the DM and App Home buttons, and the modals.

View submissions store before they ack: the modal closes only once the data is safe, and a
refused or failed submission keeps every typed word in the modal. A local transaction is far
inside Slack's three seconds; a repeat submission of the same modal finds the stored result.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Say
from slack_sdk import WebClient

from bot.delivery import OutboxDelivery
from bot.flows import registration
from bot.flows.errors import MeldcodeError
from bot.flows.ports import local_today
from bot.flows.registration import OpenCaseFound, Registered
from bot.flows.services import Services
from bot.flows.staff_route import alert_options, record_staff_suspicion, remind_unrecorded
from bot.flows.vocabulary import BoardAlert, Route
from bot.handlers import forms
from bot.handlers.errors import guarded
from bot.handlers.respond import ack_refusal, error_modal
from bot.ids import Action, Block, Callback, Command, Shortcut
from bot.texts import t
from bot.views.messages import start_message
from bot.views.registration import (
    board_choice_modal,
    board_route_modal,
    intake_modal,
    open_case_choice_modal,
    registered_modal,
    safety_plan_modal,
    signal_modal,
)


def handle_start(ack: Ack, body: dict[str, Any], client: WebClient, services: Services) -> None:
    """/meldcode, the global shortcut and the start buttons all open the intake modal."""
    ack()
    user_id = body["user_id"] if "user_id" in body else body["user"]["id"]
    try:
        view = intake_modal(registration.schools_for(services, user_id))
    except MeldcodeError as error:
        view = error_modal(error)
    client.views_open(trigger_id=body["trigger_id"], view=view)


def handle_direct_message(event: dict[str, Any], say: Say) -> None:
    """Free text in the DM is never taken as a signal: Slack keeps it in its history."""
    if event.get("subtype") or event.get("bot_id"):
        return
    message = start_message()
    say(text=message.text, blocks=[b.to_dict() for b in message.blocks])


def handle_intake_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services, delivery: OutboxDelivery
) -> None:
    user_id = body["user"]["id"]
    school_id = forms.metadata(view).get("school") or forms.choice(view, Block.SCHOOL)
    try:
        route = Route(forms.choice(view, Block.ROUTE))
    except ValueError:
        ack(response_action="errors", errors={Block.ROUTE: t("error_required")})
        return
    acute = forms.choice(view, Block.ACUTE) == "yes"
    try:
        result = registration.choose_route(services, user_id, str(school_id), route, acute, f"{view['id']}:intake")
    except MeldcodeError as error:
        ack(response_action="update", view=error_modal(error))
        return
    if route is Route.HOME:
        ack(response_action="update", view=signal_modal(result.school_id, acute, local_today(services.clock).date()))
    elif route is Route.STAFF_MEMBER:
        school = services.directory.school(result.school_id)
        assert school is not None, "choose_route only answers for a school in the configuration"
        ack(
            response_action="update",
            view=board_choice_modal(school.id, acute, alert_options(services.directory, school)),
        )
    else:
        ack(response_action="update", view=safety_plan_modal(acute))
    delivery.flush()


def handle_board_choice_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services, delivery: OutboxDelivery
) -> None:
    meta = forms.metadata(view)
    alert = next((a for a in BoardAlert if a.value == forms.choice(view, Block.BOARD_ALERT)), None)
    try:
        recorded = record_staff_suspicion(
            services,
            body["user"]["id"],
            str(meta.get("school", "")),
            alert,
            bool(meta.get("acute")),
            f"{view['id']}:board",
        )
    except MeldcodeError as error:
        ack_refusal(ack, view, error)
        return
    ack(response_action="update", view=board_route_modal(recorded, bool(meta.get("acute"))))
    delivery.flush()


def handle_signal_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services, delivery: OutboxDelivery
) -> None:
    user_id = body["user"]["id"]
    meta = forms.metadata(view)
    try:
        form = forms.signal_form(view, local_today(services.clock).date())
        result = registration.register_signal(
            services, user_id, str(meta.get("school", "")), bool(meta.get("acute")), form, f"{view['id']}:signal"
        )
    except MeldcodeError as error:
        ack_refusal(ack, view, error)
        return
    if isinstance(result, OpenCaseFound):
        ack(response_action="update", view=open_case_choice_modal(result))
        return
    ack(response_action="update", view=registered_modal(result))
    delivery.flush()


def handle_choice_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services, delivery: OutboxDelivery
) -> None:
    add = forms.choice(view, Block.CHOICE) != "new"
    try:
        result: Registered = registration.resolve_draft(
            services, body["user"]["id"], forms.metadata_id(view, "draft"), add
        )
    except MeldcodeError as error:
        ack(response_action="update", view=error_modal(error))
        return
    ack(response_action="update", view=registered_modal(result))
    delivery.flush()


def handle_board_choice_closed(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services, delivery: OutboxDelivery
) -> None:
    """Closing the board route's choice records nothing: the reporter is reminded of the duty."""
    ack()
    meta = forms.metadata(view)
    remind_unrecorded(
        services, body["user"]["id"], str(meta.get("school", "")), bool(meta.get("acute")), f"{view['id']}:board"
    )
    delivery.flush()


def handle_choice_closed(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services, delivery: OutboxDelivery
) -> None:
    """Closing the choice is no answer: the signal is kept and the reporter is asked again."""
    ack()
    registration.remind_pending_draft(services, body["user"]["id"], forms.metadata_id(view, "draft"))
    delivery.flush()


def handle_finish_draft(ack: Ack, body: dict[str, Any], client: WebClient, services: Services) -> None:
    ack()
    try:
        found = registration.pending_draft(services, body["user"]["id"], forms.button_id(body))
        view = open_case_choice_modal(found)
    except MeldcodeError as error:
        view = error_modal(error)
    client.views_open(trigger_id=body["trigger_id"], view=view)


def register(app: App) -> None:
    app.command(Command.MELDCODE)(guarded(handle_start))
    app.shortcut(Shortcut.REGISTER_CONCERN)(guarded(handle_start))
    app.action(Action.START_REGISTRATION)(guarded(handle_start))
    app.event({"type": "message", "channel_type": "im"})(guarded(handle_direct_message))
    app.view_submission(Callback.INTAKE)(guarded(handle_intake_submission))
    app.view_submission(Callback.BOARD_CHOICE)(guarded(handle_board_choice_submission))
    app.view_closed(Callback.BOARD_CHOICE)(guarded(handle_board_choice_closed))
    app.view_submission(Callback.SIGNAL)(guarded(handle_signal_submission))
    app.view_submission(Callback.OPEN_CASE_CHOICE)(guarded(handle_choice_submission))
    app.view_closed(Callback.OPEN_CASE_CHOICE)(guarded(handle_choice_closed))
    app.action(Action.FINISH_DRAFT)(guarded(handle_finish_draft))
