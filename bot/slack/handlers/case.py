"""The case view: opening it, taking the case, paging through its sections, weighing again.

Every click re-reads the case and decides access anew; button values carry ids only.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.documents.notices import Does
from bot.flows.errors import MeldcodeError
from bot.flows.services import Services
from bot.flows.vocabulary import DossierPart
from bot.interactions import casework
from bot.slack.handlers import forms
from bot.slack.handlers.errors import guarded
from bot.slack.handlers.home import refresh_home
from bot.slack.handlers.respond import case_view, error_modal, from_modal, show, shown
from bot.slack.ids import Action, show_action
from bot.slack.views.dialogs import modal_of
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


def _take_step(services: Services, user_id: str, case_id: int, does: Does) -> tuple[bool, View]:
    """A button that takes a step without a form, then the case as it now stands (or why not)."""
    taken = caught(casework.act)(services, user_id, case_id, does)
    if isinstance(taken, MeldcodeError):
        return False, error_modal(taken)
    return True, modal_of(taken)


async def handle_act(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    await ack()
    does = ACTED[Action(body["actions"][0]["action_id"])]
    taken, view = await work.after_ack(_take_step, services, body["user"]["id"], forms.button_id(body), does)
    await (_show_case(client, body, view) if taken else show(client, body, view))
    if taken:
        await refresh_home(client, body, services, work)


ACTED = {Action.TAKE_CASE: Does.TAKE_CASE, Action.NEW_WEIGHING: Does.NEW_WEIGHING}


@shown
def _section_view(services: Services, user_id: str, value: str, newer: bool) -> View:
    return modal_of(casework.section(services, user_id, value, newer))


async def handle_show_section(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    """A part of the dossier, pushed over the case view; its page buttons redraw it in place."""
    await ack()
    action = body["actions"][0]["action_id"]
    value = str(body["actions"][0].get("value") or "")
    view = await work.after_ack(_section_view, services, body["user"]["id"], value, action == Action.PAGE_NEWER)
    if action in (Action.PAGE_NEWER, Action.PAGE_OLDER) and from_modal(body):
        await client.views_update(view_id=body["view"]["id"], view=view)
    else:
        await show(client, body, view)


def register(app: AsyncApp) -> None:
    app.action(Action.OPEN_CASE)(guarded(handle_open_case))
    for action in ACTED:
        app.action(action)(guarded(handle_act))
    for part in DossierPart:
        app.action(show_action(part))(guarded(handle_show_section))
    app.action(Action.PAGE_NEWER)(guarded(handle_show_section))
    app.action(Action.PAGE_OLDER)(guarded(handle_show_section))
