"""`meldbot audit verify`: walk the whole audit chain and name the first broken link."""

from __future__ import annotations

from typing import TextIO

from bot.commands import existing_database
from bot.config import Settings
from storage import audit_chain
from storage.audit_chain import Anchor

EXIT_BROKEN = 1

_REASONS = {
    "changed": "its content no longer matches its hash: the row was changed, or written outside the bot",
    "link": "it does not follow on from the event before it: an event was deleted or inserted just before it",
    "anchor": "it is not the event of the head you noted: the chain was rebuilt from here",
}


def verify(settings: Settings, out: TextIO, anchor: Anchor | None = None) -> int:
    with existing_database(settings) as db:
        if db is None:
            print("meldbot audit verify: no database yet, so no audit trail to verify", file=out)
            return 0
        with db.transaction() as session:
            result = audit_chain.verify(session, anchor)
    broken = result.broken
    if broken is None:
        print(f"meldbot audit verify: intact, {result.head.count} events. Head: {result.head}", file=out)
        print("Note the head elsewhere: `meldbot audit verify --head <head>` checks that the chain holds it.", file=out)
        return 0
    if broken.id is None:
        print(
            f"meldbot audit verify: BROKEN: the chain ends after {result.head.count} events, but the head you "
            f"noted had {anchor.count if anchor else '?'}: the newest events were deleted",
            file=out,
        )
        return EXIT_BROKEN
    when = broken.at.isoformat() if broken.at else "?"
    print(
        f"meldbot audit verify: BROKEN at event {broken.id} ({broken.action}, {when}): {_REASONS[broken.reason]}. "
        f"The {result.head.count} events before it are intact.",
        file=out,
    )
    return EXIT_BROKEN
