"""`meldbot outbox retry` and `meldbot reminders retry`: another go for what failed, once its cause is mended."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TextIO

from sqlalchemy.orm import Session

from bot.commands import existing_database
from bot.config import Settings
from storage import repositories as repo

# What each command gives another go, and what the running bot then does with it.
_RETRIES: dict[str, tuple[Callable[[Session], int], str]] = {
    "outbox": (repo.retry_failed_outbox, "message(s) will be tried again by the running bot"),
    "reminders": (
        lambda session: repo.retry_parked_reminders(session, datetime.now(UTC)),
        "reminder(s) will be handled again by the running bot",
    ),
}


def retry(settings: Settings, out: TextIO, what: str) -> int:
    again, outcome = _RETRIES[what]
    with existing_database(settings) as db:
        if db is None:
            print(f"meldbot {what} retry: no database yet, so nothing to retry", file=out)
            return 0
        with db.transaction() as session:
            count = again(session)
    print(f"meldbot {what} retry: {count} {outcome}", file=out)
    return 0
