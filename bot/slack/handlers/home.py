"""The App Home tab, published whenever a user opens it or pages through one of its lists."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.catalogue import speaking
from bot.documents.desk import HomePlace
from bot.flows.services import Services
from bot.flows.steps.language import choose_language
from bot.flows.vocabulary import Language
from bot.interactions.home import home_of, place_of
from bot.slack.handlers import forms
from bot.slack.handlers.errors import guarded
from bot.slack.ids import PLATFORM, Action
from bot.slack.views.home import home_view
from bot.work import Work


def draw_home(services: Services, user_id: str, place: HomePlace) -> View:
    """The Home as this user may see it, at this place in its lists (blocking: run it as a listener's work)."""
    return home_view(home_of(services, user_id, place))


async def refresh_home(client: AsyncWebClient, body: dict[str, Any], services: Services, work: Work) -> None:
    """After a click in the Home changed what it lists (a case taken), draw it again at its place."""
    home = body.get("view") or {}
    if home.get("type") != "home":
        return
    user_id = body["user"]["id"]
    view = await work.after_ack(draw_home, services, user_id, place_of(home.get("private_metadata")))
    await client.views_publish(user_id=user_id, view=view)


async def handle_home_opened(event: dict[str, Any], client: AsyncWebClient, services: Services, work: Work) -> None:
    if event.get("tab") != "home":
        return
    user_id = event["user"]
    await client.views_publish(user_id=user_id, view=await work.after_ack(draw_home, services, user_id, HomePlace()))


async def handle_home_page(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    """A paging button or a filter in the Home: the same Home, at the page and with the filters it asks
    for (any number is just an offset, an unknown school or group no filter)."""
    await ack()
    action = body["actions"][0]
    option = action.get("selected_option")
    place = place_of(option.get("value") if isinstance(option, dict) else action.get("value"))
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
    app.action(Action.HOME_FILTER_DUE)(guarded(handle_home_page))
    app.action(Action.HOME_FILTER_SCHOOL)(guarded(handle_home_page))
    app.action(Action.CHOOSE_LANGUAGE)(guarded(handle_choose_language))
