"""The case view: opening it, taking the case, paging through its sections, weighing again.

Every click re-reads the case and decides access anew; button values carry ids only.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.flows.errors import MeldcodeError
from bot.flows.services import Services
from bot.flows.steps.dossier import open_part
from bot.flows.steps.taking import take_case
from bot.flows.steps.weighing import start_new_weighing
from bot.flows.vocabulary import DossierPart
from bot.forms import MAX_ID, record_id, small_number
from bot.slack.handlers import forms
from bot.slack.handlers.errors import guarded
from bot.slack.handlers.home import refresh_home
from bot.slack.handlers.respond import case_view, error_modal, from_modal, show, shown
from bot.slack.ids import Action, show_action
from bot.slack.views.case import page_rows, section_modal
from bot.work import Work, caught


async def _show_case(client: AsyncWebClient, body: dict[str, Any], view: View) -> None:
    """The case view, in place of the modal clicked in, or newly opened from a message."""
    if from_modal(body):
        await client.views_update(view_id=body["view"]["id"], view=view)
    else:
        await client.views_open(trigger_id=body["trigger_id"], view=view)


async def handle_open_case(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    await ack()
    view = await work.after_ack(case_view, services, body["user"]["id"], forms.button_id(body))
    await _show_case(client, body, view)


def _step_then_show(step: Callable[[Services, str, int], object]) -> Callable[..., Awaitable[None]]:
    """A button that takes a step without a form, then shows the case as it now stands."""

    def take_step(services: Services, user_id: str, case_id: int) -> tuple[bool, View]:
        refusal = caught(step)(services, user_id, case_id)
        if isinstance(refusal, MeldcodeError):
            return False, error_modal(refusal)
        return True, case_view(services, user_id, case_id)

    async def handle(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
    ) -> None:
        await ack()
        taken, view = await work.after_ack(take_step, services, body["user"]["id"], forms.button_id(body))
        await (_show_case(client, body, view) if taken else show(client, body, view))
        if taken:
            await refresh_home(client, body, services, work)

    return handle


@shown
def _section_view(services: Services, user_id: str, parts: list[str], newer: bool) -> View:
    """A page of one part of the dossier: from an offset on, or (going back to newer items) up to one."""
    part = next((p for p in DossierPart if p.value == parts[1]), None)
    # A garbled part names no case: the flow refuses it, on record, like any crafted id.
    case_id = record_id(parts[0]) if part is not None else 0
    part = part or DossierPart.SIGNALS
    mark = small_number(parts[2], MAX_ID)
    rows = page_rows(part)
    offset, limit = (max(0, mark - rows), min(rows, mark)) if newer else (mark, rows)
    return section_modal(open_part(services, user_id, case_id, part, offset, limit), from_end=newer)


async def handle_show_section(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    """A part of the dossier, pushed over the case view; its page buttons redraw it in place."""
    await ack()
    action = body["actions"][0]["action_id"]
    parts = [*forms.button_parts(body), "", ""]
    view = await work.after_ack(_section_view, services, body["user"]["id"], parts, action == Action.PAGE_NEWER)
    if action in (Action.PAGE_NEWER, Action.PAGE_OLDER) and from_modal(body):
        await client.views_update(view_id=body["view"]["id"], view=view)
    else:
        await show(client, body, view)


def register(app: AsyncApp) -> None:
    app.action(Action.OPEN_CASE)(guarded(handle_open_case))
    app.action(Action.TAKE_CASE)(guarded(_step_then_show(take_case)))
    app.action(Action.NEW_WEIGHING)(guarded(_step_then_show(start_new_weighing)))
    for part in DossierPart:
        app.action(show_action(part))(guarded(handle_show_section))
    app.action(Action.PAGE_NEWER)(guarded(handle_show_section))
    app.action(Action.PAGE_OLDER)(guarded(handle_show_section))
