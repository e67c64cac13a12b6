"""People by name in Teams. A card or a dialog shows no name for an id by itself (Slack's mentions
do), and asking Teams for one would keep an answer waiting; but Teams gives each person's display
name on every activity they send. The bot keeps it, sealed, beside their conversation reference,
and draws cards, dialogs and the PDF with the names it knows; someone it has not met yet shows as
their id.

A name is personal data: it is never logged. Each process holds the names for `LIFETIME` at most
before reading them again, so one noted by another process (or renamed) shows soon after.
"""

from __future__ import annotations

import contextvars
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from types import MappingProxyType

from sqlalchemy.exc import SQLAlchemyError

from bot.flows.services import Services
from bot.teams.ids import PLATFORM
from storage import repositories as repo
from storage.crypto import DecryptionError, KeyConfigError
from storage.models import ConversationReference, purpose

log = logging.getLogger(__name__)

LIFETIME = 60.0  # seconds
LONGEST = 256  # characters of a name kept: Entra's display names are at most 256

_PURPOSE = purpose(ConversationReference, "name")
_NONE: Mapping[str, str] = MappingProxyType({})
_drawing: contextvars.ContextVar[Mapping[str, str]] = contextvars.ContextVar("teams_names", default=_NONE)


class TeamsNames:
    def __init__(self, services: Services, clock: Callable[[], float] = time.monotonic) -> None:
        self._services, self._clock = services, clock
        self._known: dict[str, str] = {}
        self._read_at: float | None = None
        self._unkept: set[str] = set()  # noted without a conversation reference, since the last read
        self._lock = threading.Lock()

    def known(self) -> Mapping[str, str]:
        """The names as last read (on the event loop, which never waits for storage)."""
        return self._known

    def fresh(self) -> Mapping[str, str]:
        """The names, read again when older than LIFETIME (on a thread). Names are a courtesy: when
        storage cannot be read, or a name cannot be opened, people show by their ids instead."""
        with self._lock:
            now = self._clock()
            if self._read_at is None or now - self._read_at >= LIFETIME:
                self._read_at, self._unkept = now, set()
                try:
                    with self._services.db.reading() as session:
                        sealed = repo.sealed_names(session, PLATFORM)
                except SQLAlchemyError as error:
                    log.warning("Teams: names could not be read (%s)", type(error).__name__)
                    return self._known
                self._known = dict(self._opened(sealed))
            return self._known

    def _opened(self, sealed: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
        for user_id, name in sealed:
            try:
                yield user_id, self._services.cipher.open(name, _PURPOSE)
            except (DecryptionError, KeyConfigError):
                log.warning("Teams: a stored name could not be opened")

    def note(self, user_id: str, name: str | None) -> None:
        """Keep the name Teams gave for this person, when it is new or changed (on a thread); tried
        once a LIFETIME for someone the bot cannot write to yet (nowhere to keep it)."""
        name = (name or "").strip()[:LONGEST]
        if not user_id or not name or self.fresh().get(user_id) == name or user_id in self._unkept:
            return
        try:
            with self._services.db.transaction() as session:
                kept = repo.keep_name(session, PLATFORM, user_id, self._services.cipher.seal(name, _PURPOSE))
        except SQLAlchemyError as error:
            log.warning("Teams: a name could not be kept (%s)", type(error).__name__)
            return
        with self._lock:
            if kept:
                self._known = {**self._known, user_id: name}
            else:
                self._unkept.add(user_id)


@contextmanager
def naming(names: Mapping[str, str]) -> Iterator[None]:
    """Everything drawn inside the block names people by `names`."""
    token = _drawing.set(names)
    try:
        yield
    finally:
        _drawing.reset(token)


def name_of(user_id: str) -> str:
    """How a person shows where the bot draws them: by name, or by id when it knows none."""
    return _drawing.get().get(user_id, user_id)
