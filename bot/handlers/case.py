"""The case view: opening it, taking the case, paging through its sections, weighing again.

Every click re-reads the case and decides access anew; button values carry ids only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.delivery import OutboxDelivery
from bot.flows.dossier import DossierView, open_case
from bot.flows.errors import MeldcodeError
from bot.flows.services import Services
from bot.flows.taking import take_case
from bot.flows.weighing import start_new_weighing
from bot.handlers import forms
from bot.handlers.errors import guarded
from bot.handlers.respond import case_view, error_modal, from_modal, show
from bot.ids import Action, Section
from bot.views.case import section_modal

MAX_PAGE = 10_000


def _show_case(client: WebClient, body: dict[str, Any], services: Services, case_id: int) -> None:
    """The case view, in place of the modal clicked in, or newly opened from a message."""
    view = case_view(services, body["user"]["id"], case_id)
    if from_modal(body):
        client.views_update(view_id=body["view"]["id"], view=view)
    else:
        client.views_open(trigger_id=body["trigger_id"], view=view)


def handle_open_case(ack: Ack, body: dict[str, Any], client: WebClient, services: Services) -> None:
    ack()
    _show_case(client, body, services, forms.button_id(body))


def _step_then_show(step: Callable[[Services, str, int], object]) -> Callable[..., None]:
    """A button that takes a step without a form, then shows the case as it now stands."""

    def handle(ack: Ack, body: dict[str, Any], client: WebClient, services: Services, delivery: OutboxDelivery) -> None:
        ack()
        case_id = forms.button_id(body)
        try:
            step(services, body["user"]["id"], case_id)
        except MeldcodeError as error:
            show(client, body, error_modal(error))
            return
        _show_case(client, body, services, case_id)
        delivery.flush()

    return handle


def handle_show_section(ack: Ack, body: dict[str, Any], client: WebClient, services: Services) -> None:
    """A part of the dossier, pushed over the case view; its page buttons redraw it in place."""
    ack()
    parts = [*forms.button_parts(body), "", ""]
    section = next((s for s in Section if s.value == parts[1]), None)
    # A garbled section names no case: the flow refuses it, on record, like any crafted id.
    case_id = forms.button_id(body) if section is not None else 0
    try:
        found = open_case(services, body["user"]["id"], case_id, section=section.value if section else None)
        assert isinstance(found, DossierView) and section is not None, "open_case refuses status-only viewers"
        view = section_modal(found, section, forms.small_number(parts[2], MAX_PAGE))
    except MeldcodeError as error:
        view = error_modal(error)
    paging = body["actions"][0]["action_id"] in (Action.PAGE_NEWER, Action.PAGE_OLDER)
    if paging and from_modal(body):
        client.views_update(view_id=body["view"]["id"], view=view)
    else:
        show(client, body, view)


def register(app: App) -> None:
    app.action(Action.OPEN_CASE)(guarded(handle_open_case))
    app.action(Action.TAKE_CASE)(guarded(_step_then_show(take_case)))
    app.action(Action.NEW_WEIGHING)(guarded(_step_then_show(start_new_weighing)))
    for section in Section:
        app.action(section.action)(guarded(handle_show_section))
    app.action(Action.PAGE_NEWER)(guarded(handle_show_section))
    app.action(Action.PAGE_OLDER)(guarded(handle_show_section))
