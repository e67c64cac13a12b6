"""Greeting someone who installed the app: the start message, sent by the outbox like every other."""

from __future__ import annotations

from bot.flows import notices
from bot.flows.services import Services
from bot.flows.vocabulary import NoticeKind


def welcome(services: Services, platform: str, user_id: str, installed: str, *, cases: bool = False,
            file: bool = False) -> None:  # fmt: skip
    """`platform` as its users name it (the greeting says where the chat's history stays).
    `installed` names the installation (its activity), so that a repeated one greets once.
    `cases`: the greeting also opens *Mijn casussen* (a platform without a page for the bot).
    `file`: what was sent holds a file, which the greeting says the bot does not take."""
    with services.db.transaction() as session:
        notices.enqueue(
            session, services.clock.now(), NoticeKind.WELCOME, [user_id], cause=f"installed-{installed}",
            platform=platform, cases=cases, file=file,
        )  # fmt: skip
