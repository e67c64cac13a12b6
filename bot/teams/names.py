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
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from types import MappingProxyType

from bot.flows.services import Services
from bot.teams.ids import PLATFORM
from storage import repositories as repo
from storage.models import ConversationReference, purpose

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
        self._lock = threading.Lock()

    def known(self) -> Mapping[str, str]:
        """The names as last read (on the event loop, which never waits for storage)."""
        return self._known

    def fresh(self) -> Mapping[str, str]:
        """The names, read again when older than LIFETIME (on a thread)."""
        with self._lock:
            now = self._clock()
            if self._read_at is None or now - self._read_at >= LIFETIME:
                cipher = self._services.cipher
                with self._services.db.reading() as session:
                    sealed = repo.sealed_names(session, PLATFORM)
                self._known = {user_id: cipher.open(name, _PURPOSE) for user_id, name in sealed}
                self._read_at = now
            return self._known

    def note(self, user_id: str, name: str | None) -> None:
        """Keep the name Teams gave for this person, when it is new or changed (on a thread)."""
        name = (name or "").strip()[:LONGEST]
        if not user_id or not name or self.fresh().get(user_id) == name:
            return
        with self._services.db.transaction() as session:
            kept = repo.keep_name(session, PLATFORM, user_id, self._services.cipher.seal(name, _PURPOSE))
        if kept:
            with self._lock:
                self._known = {**self._known, user_id: name}


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
