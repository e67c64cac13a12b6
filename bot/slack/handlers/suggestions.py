"""The options of a select that searches as the user types (over Slack's 100 options: bot.views.common.choice).

Slack sends what was typed; the answer lists the matching options the user may choose from, read
afresh from the flows (never from what the payload claims), at most 100.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.models.blocks import Option

from bot.documents.dialogs import school_options
from bot.flows.errors import MeldcodeError
from bot.flows.rules.access import Permission, schools_where
from bot.flows.services import Services
from bot.flows.steps import registration
from bot.flows.steps.export import exportable
from bot.interactions.home import place_of
from bot.slack.handlers import forms
from bot.slack.handlers.errors import guarded
from bot.slack.ids import INPUT, Action, Block
from bot.slack.views.common import matching
from bot.slack.views.desk import desk_school_options
from bot.slack.views.dialogs import slack_options
from bot.slack.views.export import document_options
from bot.work import Work


def _schools(services: Services, user_id: str, body: dict[str, Any]) -> list[Option]:
    return slack_options(school_options(registration.schools_for(services, user_id)))


def _documents(services: Services, user_id: str, body: dict[str, Any]) -> list[Option]:
    return document_options(exportable(services, user_id, forms.case_id(body.get("view") or {})))


def _desk_schools(services: Services, user_id: str, body: dict[str, Any]) -> list[Option]:
    """The schools this user oversees, each leading to the desk at the place the Home was at."""
    place = place_of((body.get("view") or {}).get("private_metadata"))
    overseen = schools_where(services.directory, user_id, Permission.OVERSEE)
    return desk_school_options([(s.id, s.name) for s in overseen], place.value)


OPTIONS = {Block.SCHOOL: _schools, Block.EXPORT_DOCUMENT: _documents, Block.DESK_FILTERS: _desk_schools}


def _suggested(services: Services, body: dict[str, Any]) -> list[dict[str, Any]]:
    offer = next((found for block, found in OPTIONS.items() if block.value == body["block_id"]), None)
    if offer is None:  # no select of ours searches there
        return []
    try:
        options = offer(services, body["user"]["id"], body)
    except MeldcodeError:  # refused (and audited by the flow): nothing to choose from
        return []
    return [o.to_dict() for o in matching(options, str(body.get("value") or ""))]


async def handle_suggestion(ack: AsyncAck, body: dict[str, Any], services: Services, work: Work) -> None:
    await ack(options=await work.before_ack(_suggested, services, body))


def register(app: AsyncApp) -> None:
    # Every input's element has the same action id; the block says which list is searched.
    app.options(INPUT)(guarded(handle_suggestion))
    app.options(Action.HOME_FILTER_SCHOOL)(guarded(handle_suggestion))
