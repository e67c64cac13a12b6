"""The schema, concurrency guarantees and encryption at rest, on SQLite and on PostgreSQL."""

from __future__ import annotations

import gc
import json
import threading
import weakref
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from bot.flows.services import Services
from bot.flows.steps.registration import register_signal
from storage import repositories as repo
from storage.db import Database
from storage.models import Base, OutboxMessage
from tests.conftest import TEACHER
from tests.flows.forms import valid_form

SECRETS = (
    "Fenna Testkind-Zonderbestaan",
    "groep 5",
    "Blauwe plekken op beide onderarmen",
    "Gymzaal",
    "klimclub",
    "Moeder van een klasgenoot",
)


def test_migrations_build_exactly_the_models(services: Services) -> None:
    with services.db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)

    assert differences == []
    assert services.db.pending_migrations() == []
    services.db.migrate()  # a second start changes nothing
    assert services.db.pending_migrations() == []


def test_stored_bytes_hold_no_pupil_name_or_signal_text(services: Services, tmp_path: Path) -> None:
    register_signal(services, TEACHER, "linde", False, valid_form(source="told", source_detail=SECRETS[-1]), "k1")

    dump = _raw_dump(services)

    assert "v1:" in dump  # sealed values are there
    assert [s for s in SECRETS if s.encode() in dump.encode() or s in dump] == []


def _raw_dump(services: Services) -> str:
    url = services.db.engine.url
    if url.get_backend_name() == "sqlite":
        # Recent writes may still sit in the write-ahead log: read it too.
        database = Path(str(url.database))
        files = [database, database.with_name(database.name + "-wal")]
        return "".join(f.read_bytes().decode("latin-1") for f in files if f.exists())
    with services.db.engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        rows = [
            connection.execute(text(f"SELECT row_to_json(t)::text FROM {name} t")).scalars().all() for name in tables
        ]
    return json.dumps(rows, ensure_ascii=False)


def test_case_numbers_never_repeat_when_many_writers_race(services: Services) -> None:
    numbers: list[int] = []
    errors: list[BaseException] = []

    def take() -> None:
        try:
            with services.db.transaction() as session:
                numbers.append(repo.next_case_number(session, "linde", 2026))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=take) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(numbers) == list(range(1, 17))


def test_event_receipt_is_refused_when_the_id_was_seen(services: Services) -> None:
    now = services.clock.now()
    with services.db.transaction() as session:
        assert repo.record_event_receipt(session, "slack", "Ev1", now) is True
        assert repo.record_event_receipt(session, "teams", "Ev1", now) is True  # another platform's id
    with services.db.transaction() as session:
        assert repo.record_event_receipt(session, "slack", "Ev1", now) is False


def test_outbox_message_is_claimed_once_when_two_workers_try(services: Services) -> None:
    with services.db.transaction() as session:
        message = OutboxMessage(
            dedupe_key="k",
            recipient_id="U1",
            kind="case_registered",
            payload={},
            state="pending",
            attempts=0,
            created_at=services.clock.now(),
        )
        session.add(message)
    now = services.clock.now()
    lease = timedelta(seconds=60)
    with services.db.transaction() as session:
        first = repo.claim_outbox_message(session, message.id, now, now - lease)
    with services.db.transaction() as session:
        second = repo.claim_outbox_message(session, message.id, now, now - lease)
    later = now + lease + timedelta(seconds=1)
    with services.db.transaction() as session:
        assert repo.deliverable_outbox(session, now, now - lease, 10, ["slack"]) == []
        assert repo.deliverable_outbox(session, later, later - lease, 10, ["slack"]) == [(message.id, "U1")]
        after_lease = repo.claim_outbox_message(session, message.id, later, later - lease)

    assert first is not None and first[0].attempts == 1 and first[1] is False  # nothing sent before
    assert second is None  # another worker holds it
    # Its worker died mid-send: taken over, and flagged as possibly sent already.
    assert after_lease is not None and after_lease[0].attempts == 2 and after_lease[1] is True


def test_a_failed_statement_names_its_sql_but_not_the_values_it_carried(services: Services) -> None:
    def message() -> OutboxMessage:
        payload = {"reference": "Waarde-Geheim"}  # stands for any value a statement carries
        return OutboxMessage(dedupe_key="k", recipient_id="U1", kind="x", payload=payload, created_at=now)

    now = services.clock.now()
    with services.db.transaction() as session:
        session.add(message())
    with pytest.raises(IntegrityError) as failed, services.db.transaction() as session:
        session.add(message())

    # Only a unique key's own value may be named (PostgreSQL's DETAIL); those keys hold ids, never personal data.
    assert "outbox_message" in str(failed.value) and "Waarde-Geheim" not in str(failed.value)


def _outbox_message(key: str, now: datetime) -> OutboxMessage:
    return OutboxMessage(dedupe_key=key, recipient_id="U1", kind="x", payload={}, created_at=now)


def test_a_worker_hears_of_added_rows_once_they_are_committed_and_never_after_a_rollback(services: Services) -> None:
    heard: list[str] = []
    services.db.after_commit_adding(OutboxMessage, lambda: heard.append("outbox"))
    now = services.clock.now()

    with services.db.transaction() as session:
        repo.failed_outbox(session)  # a transaction that adds nothing
    with pytest.raises(RuntimeError), services.db.transaction() as session:
        session.add(_outbox_message("k1", now))
        session.flush()
        raise RuntimeError("the flow failed after its row was flushed")
    assert heard == []

    with services.db.transaction() as session:
        session.add(_outbox_message("k2", now))
        session.flush()
        assert heard == []  # flushed is not committed
    assert heard == ["outbox"]


def test_a_database_that_was_listened_to_is_freed_when_dropped(tmp_path: Path) -> None:
    # A leak here kept every test's app alive: two gigabytes and garbage collections of seconds by
    # the end of the suite, so that a listener missed Slack's three seconds.
    database = Database.from_url(f"sqlite:///{tmp_path / 'freed.sqlite3'}")
    # As the outbox worker's does, the callback leads back to the database.
    database.after_commit_adding(OutboxMessage, database.pending_migrations)
    with database.transaction(), database.reading():
        pass
    gone = weakref.ref(database)
    database.engine.dispose()

    del database
    gc.collect()

    assert gone() is None


def test_a_user_group_read_by_many_processes_at_once_is_one_row_with_one_revision_per_change(
    services: Services,
) -> None:
    now = services.clock.now()
    errors: list[BaseException] = []

    def store(members: frozenset[str]) -> None:
        try:
            with services.db.transaction() as session:
                repo.store_member_group(session, "slack", "SGROUP001", members, now)
        except BaseException as error:
            errors.append(error)

    # Every process reads the new group at its start: the first makes the row, the rest find it.
    threads = [threading.Thread(target=store, args=(frozenset({"UA", "UB"}),)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with services.db.transaction() as session:
        left = repo.remove_from_member_group(session, "slack", "SGROUP001", frozenset({"UB", "UX"}), now)
        unchanged = repo.store_member_group(session, "slack", "SGROUP001", frozenset({"UA"}), now)
    with services.db.reading() as session:
        revisions = repo.member_group_revisions(session, ["SGROUP001", "SNEVER01"])
        members = repo.member_group_members(session, ["SGROUP001"])

    assert errors == []
    assert left == frozenset({"UB"}) and unchanged == (frozenset(), frozenset())
    assert revisions == {"SGROUP001": 2} and members == {"SGROUP001": frozenset({"UA"})}


def test_a_conversation_reference_is_kept_once_per_person_and_follows_a_move(services: Services) -> None:
    now = services.clock.now()
    with services.db.transaction() as session:
        first = repo.remember_conversation(session, "teams", "oid-1", "a:1", "https://smba.example/", now)
        again = repo.remember_conversation(session, "teams", "oid-1", "a:1", "https://smba.example/", now)
        moved = repo.remember_conversation(session, "teams", "oid-1", "a:2", "https://smba.example/", now)
    with services.db.reading() as session:
        known = repo.conversation_of(session, "teams", "oid-1")
        elsewhere = repo.conversation_of(session, "slack", "oid-1")

    assert (first, again, moved) == (True, False, True)
    assert known is not None and known.conversation_id == "a:2" and elsewhere is None
