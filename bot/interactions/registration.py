"""Registering a concern, dialog by dialog: the intake, then the signal form, the board route's
choice or the safety plan, then the outcome (or the choice for a pupil with an open case).

Each function runs the flow (which checks who may, and audits a refusal) and returns the dialog
to show next; a refusal is raised as the flow's error, for the adapter to show. `key` makes a
repeated submission of the same dialog find its stored result.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.documents import dialogs
from bot.documents.dialogs import Dialog
from bot.flows.errors import InvalidInput
from bot.flows.ports import local_today
from bot.flows.rules.social_map import NATIONAL, for_acute_danger
from bot.flows.services import Services
from bot.flows.steps import registration
from bot.flows.steps.registration import OpenCaseFound
from bot.flows.steps.staff_route import alert_options, record_staff_suspicion
from bot.flows.vocabulary import BoardAlert, Route
from bot.forms import Field, Values, record_id, signal_form


def intake(services: Services, user_id: str) -> Dialog:
    return dialogs.intake(registration.schools_for(services, user_id))


def after_intake(services: Services, user_id: str, values: Values, meta: Mapping[str, Any], key: str) -> Dialog:
    """The dialog that follows the intake: the signal form, the board route's choice, or the safety plan."""
    try:
        route = Route(values.choice(Field.ROUTE))
    except ValueError:
        raise InvalidInput({Field.ROUTE: "error_required"}) from None
    school_id = str(meta.get("school") or values.choice(Field.SCHOOL))
    acute = values.choice(Field.ACUTE) == "yes"
    result = registration.choose_route(services, user_id, school_id, route, acute, key)
    if route is Route.HOME:
        return signal(services, result.school_id, acute)
    if route is Route.STAFF_MEMBER:
        school = services.directory.school(result.school_id)
        assert school is not None, "choose_route only answers for a school in the configuration"
        return dialogs.board_choice(school.id, acute, alert_options(services.directory, school))
    return dialogs.safety_plan(acute)


def signal(services: Services, school_id: str, acute: bool) -> Dialog:
    """The signal form; with acute danger, the school's numbers to call first."""
    school = services.directory.school(school_id)
    contacts = for_acute_danger(school.social_map if school else NATIONAL) if acute else ()
    return dialogs.signal(school_id, acute, local_today(services.clock).date(), contacts)


def signal_again(services: Services, meta: Mapping[str, Any]) -> Dialog:
    """The signal form as it was opened, to show a refused submission's problems in."""
    return signal(services, str(meta.get("school", "")), bool(meta.get("acute")))


def after_signal(services: Services, user_id: str, values: Values, meta: Mapping[str, Any], key: str) -> Dialog:
    form = signal_form(values, local_today(services.clock).date())
    result = registration.register_signal(
        services, user_id, str(meta.get("school", "")), bool(meta.get("acute")), form, key
    )
    if isinstance(result, OpenCaseFound):
        return dialogs.open_case_choice(result)
    return dialogs.registered(result)


def after_board_choice(services: Services, user_id: str, values: Values, meta: Mapping[str, Any], key: str) -> Dialog:
    alert = next((a for a in BoardAlert if a.value == values.choice(Field.BOARD_ALERT)), None)
    acute = bool(meta.get("acute"))
    recorded = record_staff_suspicion(services, user_id, str(meta.get("school", "")), alert, acute, key)
    return dialogs.board_route(recorded, acute)


def after_choice(services: Services, user_id: str, values: Values, meta: Mapping[str, Any]) -> Dialog:
    """The reporter's answer for a held signal: add it to the open case, or start a new one."""
    add = values.choice(Field.CHOICE) != "new"
    return dialogs.registered(registration.resolve_draft(services, user_id, record_id(meta.get("draft")), add))


def draft_choice(services: Services, user_id: str, draft_id: int) -> Dialog:
    """The choice again, for a held signal (from the message that says it waits)."""
    return dialogs.open_case_choice(registration.pending_draft(services, user_id, draft_id))
