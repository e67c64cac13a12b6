"""The operator's commands beside `meldbot run`: each opens what it needs and prints one line per finding."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from bot.config import Settings
from storage.db import Database


@contextmanager
def existing_database(settings: Settings) -> Iterator[Database | None]:
    """The configured database, migrated to the current schema; None when nothing was ever stored."""
    if not settings.database_may_exist:
        yield None
        return
    db = Database.from_url(settings.effective_database_url)
    try:
        with db.startup_lock():
            db.migrate()
        yield db
    finally:
        db.dispose()
