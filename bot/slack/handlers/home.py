"""The App Home tab, published whenever a user opens it or pages through one of its lists."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.catalogue import speaking
from bot.flows.rules.access import Permission, schools_where
from bot.flows.services import Services
from bot.flows.steps.dossier import CasePage, cases_for_home
from bot.flows.steps.language import choose_language
from bot.flows.steps.statistics import statistics_for
from bot.flows.vocabulary import Language
from bot.slack.handlers import forms
from bot.slack.handlers.errors import guarded
from bot.slack.handlers.work import Work
from bot.slack.ids import PLATFORM, Action
from bot.slack.views.home import HomePlace, home_view


def draw_home(services: Services, user_id: str, place: HomePlace) -> View:
    """The Home as this user may see it, at this place in its lists (blocking: run it as a listener's work)."""
    statistics = statistics_for(services, user_id)
    if not schools_where(services.directory, user_id, Permission.REGISTER):  # opening the Home asks for nothing
        return home_view(False, None, CasePage((), 0, 0), statistics, place)
    overseen, reported = cases_for_home(
        services, user_id, overseen_offset=place.overseen, reported_offset=place.reported
    )
    return home_view(True, overseen, reported, statistics, place)


async def handle_home_opened(event: dict[str, Any], client: AsyncWebClient, services: Services, work: Work) -> None:
    if event.get("tab") != "home":
        return
    user_id = event["user"]
    await client.views_publish(user_id=user_id, view=await work.after_ack(draw_home, services, user_id, HomePlace()))


async def handle_home_page(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    """A paging button in the Home: the same Home, at the page it asks for (any number is just an offset)."""
    await ack()
    overseen, reported, schools = ([forms.small_number(n, forms.MAX_ID) for n in forms.button_parts(body)] + [0] * 3)[
        :3
    ]
    place = HomePlace(overseen, reported, schools)
    user_id = body["user"]["id"]
    await client.views_publish(user_id=user_id, view=await work.after_ack(draw_home, services, user_id, place))


async def handle_choose_language(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    """The person's own language: kept, and the Home drawn again in it at once."""
    await ack()
    language = forms.selected(body, Language)
    if language is None:  # a crafted value: nothing to keep
        return
    user_id = body["user"]["id"]
    await work.after_ack(choose_language, services, PLATFORM, user_id, language)
    with speaking(language):
        view = await work.after_ack(draw_home, services, user_id, HomePlace())
    await client.views_publish(user_id=user_id, view=view)


def register(app: AsyncApp) -> None:
    app.event("app_home_opened")(guarded(handle_home_opened))
    app.action(Action.HOME_PAGE)(guarded(handle_home_page))
    app.action(Action.CHOOSE_LANGUAGE)(guarded(handle_choose_language))
