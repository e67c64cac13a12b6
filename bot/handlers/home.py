"""The App Home tab, published whenever a user opens it."""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.flows.access import Permission, schools_where
from bot.flows.dossier import cases_for_home
from bot.flows.services import Services
from bot.flows.statistics import statistics_for
from bot.handlers.errors import guarded
from bot.views.home import home_view


def handle_home_opened(event: dict[str, Any], client: WebClient, services: Services) -> None:
    if event.get("tab") != "home":
        return
    user_id = event["user"]
    statistics = statistics_for(services, user_id)
    if not schools_where(services.directory, user_id, Permission.REGISTER):  # opening the Home asks for nothing
        client.views_publish(user_id=user_id, view=home_view(False, None, [], statistics))
        return
    overseen, reported = cases_for_home(services, user_id)
    client.views_publish(user_id=user_id, view=home_view(True, overseen, reported, statistics))


def register(app: App) -> None:
    app.event("app_home_opened")(guarded(handle_home_opened))
