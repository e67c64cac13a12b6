"""Upgrades move the data a previous release stored, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text

from bot.flows.notices import dedupe_key
from storage.db import Database

NOW = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


def test_outbox_keys_are_scoped_to_their_case_when_upgrading_from_0004(database_url: str) -> None:
    db = Database.from_url(database_url)
    try:
        db.migrate("0004")
        with db.engine.begin() as connection:
            connection.execute(text("INSERT INTO school (id, name) VALUES ('linde', 'De Linde')"))
            connection.execute(
                text(
                    "INSERT INTO meldcase (id, school_id, reference, route, state, reporter_id, submission_key,"
                    " acute, created_at, updated_at) VALUES (7, 'linde', 'MC-2026-0007', 'home', 'closed', 'UT1',"
                    " 'V1:signal', false, :now, :now)"
                ),
                {"now": NOW},
            )
            for row_id, key, kind, recipient, case_id, replaces_id in [
                (1, "case_closed:closed:UT1", "case_closed", "UT1", 7, None),
                (2, "case_registered:signal-3:UC1", "case_registered", "UC1", 7, None),
                (3, "case_registered:taken:UC1", "case_registered", "UC1", 7, 2),
                (4, "acute_alert:V9:intake:UC1", "acute_alert", "UC1", None, None),
            ]:
                connection.execute(
                    text(
                        "INSERT INTO outbox_message (id, dedupe_key, recipient_id, kind, case_id, payload, state,"
                        " attempts, created_at, maybe_sent, replaces_id) VALUES (:id, :key, :recipient, :kind,"
                        " :case_id, '{}', 'sent', 1, :now, false, :replaces_id)"
                    ),
                    {
                        "id": row_id,
                        "key": key,
                        "recipient": recipient,
                        "kind": kind,
                        "case_id": case_id,
                        "now": NOW,
                        "replaces_id": replaces_id,
                    },
                )

        db.migrate()

        with db.engine.connect() as connection:
            keys = dict(connection.execute(text("SELECT id, dedupe_key FROM outbox_message")).all())
    finally:
        db.dispose()
    assert keys == {
        1: "case_closed:case-7:closed:UT1",
        2: "case_registered:case-7:signal-3:UC1",
        3: "case_registered:rewrite-2:taken:UC1",
        4: "acute_alert:none:V9:intake:UC1",
    }
    # The same keys the running bot computes, so a cause sent before the upgrade is not sent again.
    assert keys[1] == dedupe_key("case_closed", "UT1", "closed", case_id=7)
    assert keys[3] == dedupe_key("case_registered", "UC1", "taken", case_id=7, replaces_id=2)
