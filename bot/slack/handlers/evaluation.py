"""The interne evaluatie: opened from the Home's statistics, redrawn for another school or school year."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.flows.services import Services
from bot.forms import small_number
from bot.interactions.evaluation import evaluation_of
from bot.slack.handlers import forms
from bot.slack.handlers.errors import guarded
from bot.slack.handlers.respond import from_modal, shown
from bot.slack.ids import Action
from bot.slack.views.evaluation import evaluation_modal
from bot.work import Work


@shown
def evaluation_screen(services: Services, user_id: str, school_id: str | None, year: int) -> View:
    """One school's evaluation for one school year (by the year it starts; this one when it is not offered)."""
    shown = evaluation_of(services, user_id, school_id, year)
    return evaluation_modal(shown.evaluation, shown.schools, shown.years)


async def handle_open_evaluation(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    await ack()
    view = await work.after_ack(evaluation_screen, services, body["user"]["id"], None, 0)
    await client.views_open(trigger_id=body["trigger_id"], view=view)


async def handle_choose(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    """Another school or school year: the same modal, redrawn in place."""
    await ack()
    modal = body.get("view") or {}  # a crafted click may come from no modal at all
    chosen = forms.metadata(modal)
    option = body["actions"][0].get("selected_option")
    value = option.get("value") if isinstance(option, dict) else None
    school, year = chosen.get("school"), small_number(chosen.get("year"), 9999)
    if body["actions"][0]["action_id"] == Action.EVALUATION_SCHOOL:
        school = value
    else:
        year = small_number(value, 9999)
    school_id = school if isinstance(school, str) else ""
    view = await work.after_ack(evaluation_screen, services, body["user"]["id"], school_id, year)
    if from_modal(body):
        await client.views_update(view_id=modal["id"], view=view)
    else:
        await client.views_open(trigger_id=body["trigger_id"], view=view)


def register(app: AsyncApp) -> None:
    app.action(Action.OPEN_EVALUATION)(guarded(handle_open_evaluation))
    app.action(Action.EVALUATION_SCHOOL)(guarded(handle_choose))
    app.action(Action.EVALUATION_PERIOD)(guarded(handle_choose))
