"""Upgrades move the data a previous release stored, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import inspect, select, text

from bot.flows.notices import dedupe_key
from bot.flows.services import Services
from bot.flows.steps.registration import Registered, register_signal
from bot.flows.steps.taking import take_case
from storage import audit_chain
from storage import repositories as repo
from storage.db import Database
from storage.models import OutboxMessage
from tests.conftest import COORDINATOR, TEACHER
from tests.flows.forms import steps_two_and_three, valid_form

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


def test_live_cases_are_counted_once_and_purged_ones_kept_when_upgrading_from_0005(database_url: str) -> None:
    db = Database.from_url(database_url)
    try:
        db.migrate("0005")
        with db.engine.begin() as connection:
            connection.execute(text("INSERT INTO school (id, name) VALUES ('linde', 'De Linde')"))
            for case_id, route, state, acute, close_reason, purged in [
                (1, "home", "closed", False, "help_succeeded", None),
                (2, "home", "reported", True, None, None),
                (3, "staff_member", "referred_to_board", False, None, None),
                (4, "home", "closed", False, "no_suspicion", NOW),  # purged: already in the counts
            ]:
                connection.execute(
                    text(
                        "INSERT INTO meldcase (id, school_id, reference, route, state, reporter_id, submission_key,"
                        " acute, created_at, updated_at, close_reason, purged_at) VALUES (:id, 'linde', :ref, :route,"
                        " :state, 'UT1', :key, :acute, :now, :now, :reason, :purged)"
                    ),
                    {
                        "id": case_id,
                        "ref": f"MC-2026-000{case_id}",
                        "route": route,
                        "state": state,
                        "key": f"V{case_id}:signal",
                        "acute": acute,
                        "now": NOW,
                        "reason": close_reason,
                        "purged": purged,
                    },
                )
            connection.execute(
                text(
                    "INSERT INTO weighing (id, case_id, round, framework_version, stage, reported, with_veilig_thuis,"
                    " help_running, started_by, started_at) VALUES (5, 2, 1, '2019', 'finished', true, false, false,"
                    " 'UC1', :now)"
                ),
                {"now": NOW},
            )
            connection.execute(
                text(
                    "INSERT INTO report (case_id, weighing_id, meldnorm, reported_on, reported_by, channel, own_facts,"
                    " parents_informed, pupil_informed, recorded_by, recorded_at, submission_key) VALUES"
                    " (2, 5, 1, :day, 'UC1', 'phone', 'sealed', 'yes', 'yes', 'UC1', :now, 'V9:report')"
                ),
                {"day": NOW.date(), "now": NOW},
            )
            for measure in ("registered", "route:home", "closed", "closed:no_suspicion"):
                connection.execute(
                    text("INSERT INTO statistic_count (school_id, year, measure, count) VALUES ('linde', 2026, :m, 1)"),
                    {"m": measure},
                )

        db.migrate()
        after = _counts(db)
        with db.engine.connect() as connection:
            counted = dict(connection.execute(text("SELECT id, counted FROM meldcase WHERE id = 2")).all())
        db.downgrade("0005")  # back to the previous release (a rollback of the upgrade)
        before_again = _counts(db)
    finally:
        db.dispose()
    assert after == {
        "registered": 4,
        "route:home": 3,
        "route:staff_member": 1,
        "acute": 1,
        "reported": 1,
        "closed": 2,
        "closed:help_succeeded": 1,
        "closed:no_suspicion": 1,
    }
    assert sorted(counted[2] if isinstance(counted[2], list) else json.loads(counted[2])) == [
        "acute",
        "registered",
        "reported",
        "route:home",
    ]
    # Downgraded, the counts hold the purged case only again: the older release counts live cases itself.
    assert before_again == {"registered": 1, "route:home": 1, "closed": 1, "closed:no_suspicion": 1}


def _counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT measure, SUM(count) FROM statistic_count WHERE year = 2026 GROUP BY measure")
        ).all()
    return {measure: count for measure, count in rows}


def test_every_row_survives_the_move_to_platform_neutral_storage_and_back(services: Services) -> None:
    """Cases, signals, steps, reminders, outbox rows and the audit chain a school holds, taken back
    to the previous release's schema (0006) and upgraded again: nothing lost, nothing changed."""
    db = services.db
    result = register_signal(services, TEACHER, "linde", False, valid_form(), "sub-1")
    assert isinstance(result, Registered)
    take_case(services, COORDINATOR, result.case_id)
    steps_two_and_three(services, COORDINATOR, result.case_id)
    register_signal(services, TEACHER, "linde", True, valid_form(pupil_name="Tweede Verzonnen"), "sub-2")
    with db.transaction() as session:
        first = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).first()
        assert first is not None
        first.state, first.address = "sent", "DUTEACH001:1700000000.000100"  # where Slack put it
        assert repo.record_event_receipt(session, "slack", "Ev0001", NOW)

    db.downgrade("0006")  # the schema the previous release made, holding this school's data
    before = _dump(db)
    assert ("DUTEACH001", "1700000000.000100") in {(r["channel_id"], r["message_ts"]) for r in before["outbox_message"]}
    assert [r["event_id"] for r in before["slack_event_receipt"]] == ["Ev0001"]
    db.migrate("0007")
    after = _dump(db)

    moved = {"outbox_message": {"channel_id", "message_ts", "address", "platform"}, "membership": {"platform"}}
    for table in set(before) - {"alembic_version", "slack_event_receipt"}:
        unchanged = [{k: v for k, v in row.items() if k not in moved.get(table, set())} for row in before[table]]
        assert unchanged == [{k: v for k, v in row.items() if k not in moved.get(table, set())} for row in after[table]]
        assert len(before[table]) == len(after[table]), table
    assert {r["address"] for r in after["outbox_message"]} == {"DUTEACH001:1700000000.000100", None}
    assert {r["platform"] for r in after["outbox_message"] + after["membership"]} == {"slack"}
    assert [(r["platform"], r["event_id"]) for r in after["event_receipt"]] == [("slack", "Ev0001")]
    assert sum(len(rows) for rows in before.values()) > 40  # a school's worth of rows, not an empty file
    with db.reading() as session:
        assert audit_chain.verify(session).broken is None


def _dump(db: Database) -> dict[str, list[dict[str, object]]]:
    """Every row of every table, in primary-key order."""
    with db.engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        dumped = {}
        for table in tables:
            keys = inspect(connection).get_pk_constraint(table)["constrained_columns"] or ["1"]
            rows = connection.execute(text(f"SELECT * FROM {table} ORDER BY {', '.join(keys)}")).mappings()
            dumped[table] = [dict(row) for row in rows]
    return dumped


def test_counts_move_to_the_month_each_case_was_registered_in_when_upgrading_from_0007(database_url: str) -> None:
    """Every case names its counted measures: they move to its month. What no case names (purged
    before counting was kept per case) stays in its year under month 0. Downgraded, the years again."""
    db = Database.from_url(database_url)
    try:
        db.migrate("0007")
        with db.engine.begin() as connection:
            connection.execute(text("INSERT INTO school (id, name) VALUES ('linde', 'De Linde')"))
            for case_id, month, counted in [
                (1, 3, ["registered", "route:home"]),
                (2, 3, ["registered", "route:home", "reported"]),
                (3, 11, ["registered", "route:between_children"]),
            ]:
                connection.execute(
                    text(
                        "INSERT INTO meldcase (id, school_id, reference, route, state, reporter_id, submission_key,"
                        " acute, created_at, updated_at, counted) VALUES (:id, 'linde', :ref, 'home', 'new', 'UT1',"
                        " :key, false, :at, :at, :counted)"
                    ),
                    {
                        "id": case_id,
                        "ref": f"MC-2026-000{case_id}",
                        "key": f"V{case_id}",
                        "at": NOW.replace(month=month),
                        "counted": json.dumps(counted),
                    },
                )
            year_rows = {"registered": 5, "route:home": 3, "route:between_children": 1, "reported": 1}
            for measure, count in year_rows.items():
                connection.execute(
                    text(
                        "INSERT INTO statistic_count (school_id, year, measure, count) VALUES ('linde', 2026, :m, :n)"
                    ),
                    {"m": measure, "n": count},
                )

        db.migrate()
        with db.engine.connect() as connection:
            rows = connection.execute(text("SELECT month, measure, count FROM statistic_count")).all()
        months = {(month, measure): count for month, measure, count in rows}
        db.downgrade("0007")
        years_again = _counts(db)
    finally:
        db.dispose()
    assert months == {
        (3, "registered"): 2,
        (3, "route:home"): 2,
        (3, "reported"): 1,
        (11, "registered"): 1,
        (11, "route:between_children"): 1,
        (0, "registered"): 2,  # two registrations no case names any more
        (0, "route:home"): 1,
    }
    assert years_again == year_rows
