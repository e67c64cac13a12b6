"""What reached each person's Slack, read back as (case, notice kind, recipient): the ledger the
school-year tests compare with what the flows promise."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from bot.devtools.local import LocalSlack
from storage.models import Case, OutboxMessage


@dataclass(frozen=True, order=True)
class Notice:
    reference: str  # "school/MC-2026-0001" (each school numbers its own), or "" for a message about no case
    kind: str
    recipient: str


def _rows(slack: LocalSlack) -> tuple[dict[int, OutboxMessage], dict[int, str]]:
    with slack.services.db.transaction() as session:
        rows = {m.id: m for m in session.scalars(select(OutboxMessage))}
        references = {c.id: f"{c.school_id}/{c.reference}" for c in session.scalars(select(Case))}
    return rows, references


def posted(slack: LocalSlack) -> Counter[Notice]:
    """Every message the bot posted, by its outbox row (the id it carries in its metadata)."""
    rows, references = _rows(slack)
    seen: Counter[Notice] = Counter()
    for call in slack.fake.calls_to("chat.postMessage"):
        metadata = call.params.get("metadata") or {}
        outbox_id = (metadata.get("event_payload") or {}).get("outbox_id")
        if outbox_id is None:
            continue  # an answer in a DM (the intro, an incident), not an outbox message
        row = rows[int(outbox_id)]
        reference = references.get(row.case_id, "") if row.case_id else ""
        seen[Notice(reference, row.kind, row.recipient_id)] += 1
    return seen


def posted_per_cause(slack: LocalSlack) -> Counter[str]:
    """How often each outbox cause (its key: kind, case, cause, recipient) reached Slack."""
    counted: Counter[str] = Counter()
    rows, _ = _rows(slack)
    for call in slack.fake.calls_to("chat.postMessage"):
        outbox_id = ((call.params.get("metadata") or {}).get("event_payload") or {}).get("outbox_id")
        if outbox_id is not None:
            counted[rows[int(outbox_id)].dedupe_key] += 1
    return counted


def rewritten(slack: LocalSlack) -> Counter[Notice]:
    """Every message changed in place afterwards (chat.update), by the outbox row it first was."""
    rows, references = _rows(slack)
    # A rewrite row records the place of the message it changed; the original is the row without one.
    by_place = {m.address: m for m in rows.values() if m.address and m.replaces_id is None}
    seen: Counter[Notice] = Counter()
    for call in slack.fake.calls_to("chat.update"):
        original = by_place.get(f"{call.params.get('channel')}:{call.params.get('ts')}")
        if original is not None:
            reference = references.get(original.case_id, "") if original.case_id else ""
            seen[Notice(reference, original.kind, original.recipient_id)] += 1
    return seen
