"""The App Home tab, published whenever a user opens it."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.flows.access import Permission, schools_where
from bot.flows.dossier import cases_for_home
from bot.flows.services import Services
from bot.flows.statistics import statistics_for
from bot.handlers.errors import guarded
from bot.handlers.work import Work
from bot.views.home import home_view


def _home(services: Services, user_id: str) -> View:
    statistics = statistics_for(services, user_id)
    if not schools_where(services.directory, user_id, Permission.REGISTER):  # opening the Home asks for nothing
        return home_view(False, None, [], statistics)
    overseen, reported = cases_for_home(services, user_id)
    return home_view(True, overseen, reported, statistics)


async def handle_home_opened(event: dict[str, Any], client: AsyncWebClient, services: Services, work: Work) -> None:
    if event.get("tab") != "home":
        return
    user_id = event["user"]
    await client.views_publish(user_id=user_id, view=await work.after_ack(_home, services, user_id))


def register(app: AsyncApp) -> None:
    app.event("app_home_opened")(guarded(handle_home_opened))
