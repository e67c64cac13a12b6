"""*Mijn casussen* in Teams: the counterpart of Slack's App Home, opened from the chat's greeting
and paged from its own buttons (bot.interactions.home decides what it lists); where a person
chooses their own language, as in the App Home; and the interne evaluatie its counts lead to."""

from __future__ import annotations

from bot.documents.desk import HomePlace
from bot.documents.evaluation import chosen_evaluation, evaluation_dialog
from bot.documents.my_cases import EVERY, my_cases
from bot.flows.errors import UnknownRequest
from bot.flows.services import Services
from bot.flows.steps.language import choose_language
from bot.flows.vocabulary import Language
from bot.forms import Field
from bot.interactions.evaluation import evaluation_of
from bot.interactions.home import home_of, place_of
from bot.teams.handlers.answer import Asked, Shown
from bot.teams.ids import PLATFORM


def overview(services: Services, asked: Asked) -> Shown:
    return Shown(my_cases(home_of(services, asked.user_id, place_of(asked.data.get("value")))))


def choose(services: Services, asked: Asked) -> Shown:
    """The person's own language, kept; the overview is drawn again in it (the request's first
    sentence is made after the choice, so it reads the new one)."""
    language = next((lang for lang in Language if lang.value == asked.data.get("value")), None)
    if language is None:  # a crafted value: nothing to keep
        raise UnknownRequest()
    choose_language(services, PLATFORM, asked.user_id, language)
    return Shown(my_cases(home_of(services, asked.user_id, HomePlace())))


def evaluation(services: Services, asked: Asked) -> Shown:
    """The interne evaluatie, from the overview's counts; its buttons choose another year or school."""
    school_id, year = chosen_evaluation(asked.data.get("value"))
    shown = evaluation_of(services, asked.user_id, school_id, year)
    return Shown(evaluation_dialog(shown.evaluation, shown.schools, shown.years))


def filtered(services: Services, asked: Asked) -> Shown:
    """The desk as its filters are set, on its first page; the other lists stay where they were."""
    chosen = {}
    for name, field in (("due", Field.DESK_DUE), ("school", Field.DESK_SCHOOL)):
        value = asked.values.choice(field)
        chosen[name] = "" if value == EVERY else value
    place = place_of(place_of(asked.data.get("value")).value(**chosen, overseen=0))
    return Shown(my_cases(home_of(services, asked.user_id, place)))
