"""`meldbot run` processes killed mid-delivery, restarted, and two at once on one PostgreSQL:
every due reminder and every outbox message reaches Slack exactly once."""

from __future__ import annotations

import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.bootstrap import build_services
from bot.config import Settings
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.seed import seed_cases
from bot.flows import notices
from bot.flows.services import Services
from bot.flows.vocabulary import AuditAction, NoticeKind, ReminderState
from bot.school_config import parse_directory
from storage.crypto import generate_key
from storage.models import AuditEvent, Case, OutboxMessage, Reminder
from tests.e2e.processes import meldbot_process

COORDINATOR, TEACHER = "UCOORD001", "UTEACH001"
# The weekly overview is off: these processes run on the real clock, and on a Monday morning it
# would come beside the messages counted here (tests/flows/test_weekly.py holds it to its day).
CONFIG = (
    f"schools:\n  - id: linde\n    name: De Linde\n    coordinators: [{COORDINATOR}]\n    members: all\n"
    "    reminders: {weekly_overview: false}\n"
)


def _prepare(tmp_path: Path, database_url: str) -> tuple[Services, dict[str, str]]:
    """A school's install: configuration, key, migrated database; and the environment to run it."""
    (tmp_path / "meldbot.yml").write_text(CONFIG, encoding="utf-8")
    key = generate_key()
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        meldbot_data_dir=tmp_path / "data",
        database_url=database_url,
        meldbot_encryption_key=key,
    )
    services = build_services(settings, directory=parse_directory(CONFIG, "test"))
    env = {
        "SLACK_BOT_TOKEN": "xoxb-run",
        "SLACK_SIGNING_SECRET": "secret",
        "MELDBOT_ENCRYPTION_KEY": key,
        "DATABASE_URL": database_url,
        "MELDBOT_SWEEP_SECONDS": "1",
        "MELDBOT_SEND_TIMEOUT_SECONDS": "1",  # a claim by a killed process runs out after 11 s
    }
    return services, env


def _seed(services: Services, count: int, queued: int) -> None:
    """`count` cases with a reminder due an hour ago, and `queued` notices not yet sent."""
    ids = seed_cases(
        services,
        "linde",
        count,
        reporter_id=TEACHER,
        coordinators=[COORDINATOR],
        due_at=datetime.now(UTC) - timedelta(hours=1),
    )
    with services.db.transaction() as session:
        for case_id in ids[:queued]:
            case = session.get(Case, case_id)
            notices.enqueue(session, datetime.now(UTC), NoticeKind.CASE_TAKEN, [TEACHER], cause="taken", case=case)


def _posted(fake: FakeSlack) -> Counter[int]:
    return Counter(
        m["metadata"]["event_payload"]["outbox_id"]
        for client in fake.clients.values()
        for m in client.messages
        if m.get("metadata")
    )


def _wait(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def _outbox(services: Services) -> Counter[str]:
    with services.db.transaction() as session:
        return Counter(session.scalars(select(OutboxMessage.state)))


def _check_exactly_once(services: Services, fake: FakeSlack, reminders: int) -> None:
    with services.db.transaction() as session:
        rows = list(session.scalars(select(OutboxMessage)))
        sent_events = session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == AuditAction.REMINDER_SENT)
        )
        reminder_rows = list(session.scalars(select(Reminder)))
    assert {r.state for r in rows} == {"sent"}
    assert _posted(fake) == Counter({r.id: 1 for r in rows})  # each message in Slack exactly once
    assert sent_events == reminders and {r.sent_count for r in reminder_rows} == {1}
    assert {r.state for r in reminder_rows} == {ReminderState.WAITING}


def test_killed_mid_delivery_and_restarted_every_due_reminder_and_queued_message_arrives_once(
    tmp_path: Path,
) -> None:
    services, env = _prepare(tmp_path, f"sqlite:///{tmp_path / 'meldbot.sqlite3'}")
    _seed(services, count=30, queued=10)
    fake = FakeSlack()
    fake.start()
    # Slack takes each message but answers only after 30 s: the kill lands while two are in
    # flight (one per person), posted in Slack but not yet marked sent in the database.
    fake.slow("chat.postMessage", 30)
    try:
        with meldbot_process(tmp_path, fake, env, healthy=False) as first:
            _wait(lambda: len(fake.calls_to("chat.postMessage")) >= 2, 60, "the first deliveries")
            first.kill()
        states = _outbox(services)
        assert states["sending"] >= 1 and states["pending"] + states["sending"] == 40  # killed mid-send
        with services.db.transaction() as session:
            assert session.scalar(select(func.count()).select_from(Reminder).where(Reminder.sent_count == 1)) == 30
            # In flight at the kill, or timed out before it: each may be in Slack already.
            uncertain = session.scalar(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.maybe_sent))
        fake.heal()

        with meldbot_process(tmp_path, fake, env) as second:
            _wait(lambda: _outbox(services) == Counter({"sent": 40}), 60, f"all 40 sent:\n{second.output()}")
            time.sleep(2)  # two more sweeps: nothing is sent again

        _check_exactly_once(services, fake, reminders=30)
        assert len(fake.calls_to("conversations.history")) == uncertain  # each looked up first, none re-sent
    finally:
        fake.stop()
        services.db.dispose()


@pytest.mark.postgres
def test_two_processes_on_one_postgresql_deliver_500_due_reminders_exactly_once(
    tmp_path: Path, empty_postgres: str
) -> None:
    services, env = _prepare(tmp_path, empty_postgres)
    _seed(services, count=500, queued=0)
    fake = FakeSlack()
    fake.start()
    try:
        with (
            meldbot_process(tmp_path, fake, env, healthy=False) as one,
            meldbot_process(tmp_path, fake, env, healthy=False) as two,
        ):
            one.wait_healthy()
            two.wait_healthy()
            _wait(lambda: _outbox(services) == Counter({"sent": 500}), 120, "all 500 sent")
            time.sleep(2)

        _check_exactly_once(services, fake, reminders=500)
        # Both processes did part of the work (what the lock-free claim is for).
        logs = one.output(), two.output()
        assert all("reminder(s) handled" in log for log in logs), logs
    finally:
        fake.stop()
        services.db.dispose()
