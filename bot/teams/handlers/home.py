"""*Mijn casussen* in Teams: the counterpart of Slack's App Home, opened from the chat's greeting
and paged from its own buttons (bot.interactions.home decides what it lists)."""

from __future__ import annotations

from bot.documents.my_cases import my_cases
from bot.flows.services import Services
from bot.interactions.home import home_of, place_of
from bot.teams.handlers.answer import Asked, Shown


def overview(services: Services, asked: Asked) -> Shown:
    return Shown(my_cases(home_of(services, asked.user_id, place_of(asked.data.get("value")))))
