"""The personal chat with the bot: where the bot may write to each person (a conversation
reference, kept from every personal activity, with the person's name), and its greeting with the start button on
installation and in answer to anything written. Free text is never stored, as in Slack's DM."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bot.flows.services import Services
from bot.flows.steps.welcome import welcome
from bot.teams.ids import DISPLAY_NAME, PLATFORM
from bot.teams.names import TeamsNames
from storage import repositories as repo

log = logging.getLogger(__name__)


async def remember(services: Services, names: TeamsNames, activity: Any, *, greet: bool, file: bool = False) -> None:
    """Keep where the bot may write to the sender of a personal activity, and their name, and greet
    them (`greet`). On a thread: the event loop answers every request and never waits for the database."""
    user_id = activity.from_.aad_object_id
    if activity.conversation.conversation_type != "personal" or not user_id:
        return
    conversation = (activity.conversation.id, activity.service_url)
    greeting = activity.id if greet else None
    await asyncio.to_thread(_remember, services, names, user_id, activity.from_.name, conversation, greeting, file)


def _remember(services: Services, names: TeamsNames, user_id: str, name: str | None, conversation: tuple[str, str],
              greeting: str | None, file: bool = False) -> None:  # fmt: skip
    with services.db.transaction() as session:
        moved = repo.remember_conversation(session, PLATFORM, user_id, *conversation, services.clock.now())
    if moved:
        log.info("Teams: a personal conversation is known for a user")
    names.note(user_id, name)
    if greeting is not None:
        welcome(services, DISPLAY_NAME, user_id, greeting, cases=True, file=file)  # Teams has no page for the bot
