"""Opening a case from any button that carries its id: access is decided anew on every click."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.flows.dossier import open_case
from bot.flows.errors import CaseNotFound, MeldcodeError
from bot.flows.services import Services
from bot.handlers.respond import error_modal
from bot.ids import Action
from bot.views.case import case_modal


def handle_open_case(ack: Ack, body: dict[str, Any], client: WebClient, services: Services) -> None:
    ack()
    try:
        case_id = int(str(body["actions"][0].get("value")))
    except ValueError:
        client.views_open(trigger_id=body["trigger_id"], view=error_modal(CaseNotFound()))
        return
    try:
        view = case_modal(open_case(services, body["user"]["id"], case_id))
    except MeldcodeError as error:
        view = error_modal(error)
    client.views_open(trigger_id=body["trigger_id"], view=view)


def register(app: App) -> None:
    app.action(Action.OPEN_CASE)(handle_open_case)
