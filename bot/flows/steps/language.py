"""The language each person reads: their own choice (from the App Home), else their school's.

A request's language is looked up once, when its first sentence is made (`Reader`), so that a
request that says nothing reads nothing.
"""

from __future__ import annotations

import threading

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.flows.rules.directory import Directory
from bot.flows.services import Services
from bot.flows.vocabulary import Language
from storage.models import Person


def language_of(session: Session, directory: Directory, platform: str, user_id: str) -> Language:
    chosen = session.get(Person, (platform, user_id))
    if chosen is not None and chosen.language in set(Language):
        return Language(chosen.language)
    return directory.language_of(user_id)


def choose_language(services: Services, platform: str, user_id: str, language: Language) -> None:
    """Keep a person's own choice; it holds for everything they see and are sent from now on."""
    now = services.clock.now()
    with services.db.transaction() as session:
        person = session.get(Person, (platform, user_id))
        if person is None:
            session.add(Person(platform=platform, user_id=user_id, language=language.value, updated_at=now))
        else:
            person.language, person.updated_at = language.value, now


class Reader:
    """One person's language, read from storage the first time a sentence asks for it."""

    def __init__(self, services: Services, platform: str, user_id: str) -> None:
        self._services, self._platform, self._user_id = services, platform, user_id
        self._language: Language | None = None
        self._lock = threading.Lock()

    def __call__(self) -> Language:
        with self._lock:
            if self._language is None:
                try:
                    with self._services.db.reading() as session:
                        language = language_of(session, self._services.directory, self._platform, self._user_id)
                except SQLAlchemyError:  # storage is down: say what went wrong in the school's language
                    language = self._services.directory.language_of(self._user_id)
                self._language = language
            return self._language
