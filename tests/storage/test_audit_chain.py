"""The audit trail's hash chain: intact after real work, broken exactly where a row was tampered with."""

from __future__ import annotations

import io
import itertools
import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.commands.audit import EXIT_BROKEN, verify
from bot.config import Settings
from bot.flows import audit
from bot.flows.services import Services
from bot.flows.vocabulary import AuditAction
from storage import audit_chain
from storage.audit_chain import Anchor
from storage.db import Database
from storage.models import AuditEvent


def _append(services: Services, count: int, actor: str = "UCOORD001") -> None:
    for number in range(count):
        with services.db.transaction() as session:
            audit.record(session, services.clock, actor, AuditAction.DOSSIER_VIEWED, school_id="linde", n=number)


def _chain(services: Services) -> audit_chain.Verification:
    with services.db.transaction() as session:
        return audit_chain.verify(session)


def test_events_written_by_concurrent_transactions_form_one_unbroken_chain(services: Services) -> None:
    # Mirroring the configuration at start-up already wrote some events.
    before = _chain(services).head.count
    threads = [threading.Thread(target=_append, args=(services, 25, f"UCOORD00{n}")) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    result = _chain(services)

    assert result.broken is None
    assert result.head.count == before + 100
    with services.db.transaction() as session:
        rows = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    assert rows[0].prev_hash == audit_chain.GENESIS
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(rows))


def test_a_rolled_back_transaction_leaves_no_link(services: Services) -> None:
    with pytest.raises(RuntimeError), services.db.transaction() as session:
        audit.record(session, services.clock, "UCOORD001", AuditAction.CASE_TAKEN, school_id="linde")
        raise RuntimeError("the step failed")
    _append(services, 2)

    assert _chain(services).broken is None


def test_events_from_before_the_chain_become_its_first_links(tmp_path: Path) -> None:
    from alembic import command

    from storage.db import _alembic_config

    db = Database.from_url(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    with db.engine.begin() as connection:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
        for number in range(3):
            connection.exec_driver_sql(
                "INSERT INTO audit_event (at, actor_id, action, school_id, case_id, detail) "
                f"VALUES ('2026-11-1{number} 08:00:00.000000', 'UCOORD001', 'dossier_viewed', NULL, NULL, '{{}}')"
            )
    db.migrate()

    with db.transaction() as session:
        result = audit_chain.verify(session)
    db.dispose()
    assert result.broken is None
    assert result.head.count == 3


# --- tampering with the SQLite file, as someone with the file (not the bot) would ---------


@pytest.fixture
def sqlite_file(sqlite_services: Services, tmp_path: Path) -> Path:
    _append(sqlite_services, 10)
    sqlite_services.db.dispose()
    return tmp_path / "meldbot.sqlite3"


def _settings(path: Path) -> Settings:
    return Settings(_env_file=None, database_url=f"sqlite:///{path}")  # type: ignore[call-arg]


def _run_verify(path: Path, anchor: Anchor | None = None) -> tuple[int, str]:
    out = io.StringIO()
    code = verify(_settings(path), out, anchor)
    return code, out.getvalue()


def _ids(path: Path) -> list[int]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT id FROM audit_event ORDER BY id")]


def test_an_untouched_trail_verifies(sqlite_file: Path) -> None:
    code, out = _run_verify(sqlite_file)

    assert code == 0
    assert f"intact, {len(_ids(sqlite_file))} events" in out


def test_an_edited_row_is_named(sqlite_file: Path) -> None:
    target = _ids(sqlite_file)[5]
    with sqlite3.connect(sqlite_file) as connection:
        connection.execute(
            "UPDATE audit_event SET actor_id = 'UOUTSIDE1', detail = ? WHERE id = ?", (json.dumps({"n": 99}), target)
        )

    code, out = _run_verify(sqlite_file)

    assert code == EXIT_BROKEN
    assert f"BROKEN at event {target} " in out
    assert "content no longer matches" in out


def test_an_edited_row_with_a_recomputed_hash_breaks_the_next_link(sqlite_file: Path) -> None:
    ids = _ids(sqlite_file)
    with sqlite3.connect(sqlite_file) as connection:
        forged = ("f" * 64, ids[3])
        connection.execute("UPDATE audit_event SET action = 'nothing_happened', hash = ? WHERE id = ?", forged)

    code, out = _run_verify(sqlite_file)

    # The forged hash does not match the content: the edited row itself is named.
    assert code == EXIT_BROKEN
    assert f"BROKEN at event {ids[3]} " in out


def test_a_deleted_row_is_found_at_its_successor(sqlite_file: Path) -> None:
    ids = _ids(sqlite_file)
    with sqlite3.connect(sqlite_file) as connection:
        connection.execute("DELETE FROM audit_event WHERE id = ?", (ids[4],))

    code, out = _run_verify(sqlite_file)

    assert code == EXIT_BROKEN
    assert f"BROKEN at event {ids[5]} " in out
    assert "deleted or inserted just before it" in out


def test_an_inserted_row_is_found_even_with_a_correct_own_hash(sqlite_file: Path) -> None:
    """The forger copies the chain's rules: the inserted row checks out, its successor does not."""
    with sqlite3.connect(sqlite_file) as connection:
        rows = connection.execute("SELECT id, hash FROM audit_event ORDER BY id").fetchall()
        (before_id, before_hash), after_id = rows[2], rows[3][0] + 1
        # Make room after the third event: move every later event one id up.
        connection.execute("UPDATE audit_event SET id = -id WHERE id > ?", (before_id,))
        connection.execute("UPDATE audit_event SET id = 1 - id WHERE id < 0")
        forged = AuditEvent(
            at=datetime(2026, 11, 16, tzinfo=UTC),
            actor_id="UCOORD001",
            action="case_closed",
            school_id="linde",
            case_id=None,
            detail={},
            prev_hash=before_hash,
        )
        forged_hash = audit_chain.event_digest(forged)
        connection.execute(
            "INSERT INTO audit_event (id, at, actor_id, action, school_id, case_id, detail, prev_hash, hash) "
            "VALUES (?, '2026-11-16 00:00:00.000000', 'UCOORD001', 'case_closed', 'linde', NULL, '{}', ?, ?)",
            (before_id + 1, before_hash, forged_hash),
        )

    code, out = _run_verify(sqlite_file)

    assert code == EXIT_BROKEN
    assert f"BROKEN at event {after_id} " in out


def test_deleting_the_newest_events_is_caught_by_a_noted_head(sqlite_file: Path) -> None:
    _, out = _run_verify(sqlite_file)
    noted = Anchor.parse(out.split("Head: ")[1].split()[0])
    with sqlite3.connect(sqlite_file) as connection:
        connection.execute("DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)")

    assert _run_verify(sqlite_file)[0] == 0  # the shorter chain alone is consistent
    code, out = _run_verify(sqlite_file, noted)
    assert code == EXIT_BROKEN
    assert "the newest events were deleted" in out


def test_a_rebuilt_chain_is_caught_by_a_noted_head(sqlite_file: Path) -> None:
    _, out = _run_verify(sqlite_file)
    noted = Anchor.parse(out.split("Head: ")[1].split()[0])
    ids = _ids(sqlite_file)
    # Someone with the file and the rules rewrites an event and recomputes every hash after it.
    db = Database.from_url(_settings(sqlite_file).effective_database_url)
    with db.transaction() as session:
        rows = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
        rows[-3].detail = {"n": 1234}
        previous = audit_chain.GENESIS
        for row in rows:
            row.prev_hash = previous
            row.hash = previous = audit_chain.event_digest(row)
    db.dispose()

    assert _run_verify(sqlite_file)[0] == 0
    code, out = _run_verify(sqlite_file, noted)
    assert code == EXIT_BROKEN
    assert f"BROKEN at event {ids[-1]} " in out
    assert "not the event of the head you noted" in out
