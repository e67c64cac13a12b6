"""The outbox against a misbehaving Slack: lost answers, rate limits, outages, refusals.

Whatever Slack does, every message arrives once: never lost, never twice.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.devtools.local import LocalSlack, local_slack
from bot.flows.ports import ManualClock
from bot.flows.rules.directory import Directory
from bot.flows.vocabulary import AuditAction, NoticeKind
from bot.slack.ids import Action
from storage import repositories as repo
from storage.crypto import generate_key
from storage.models import AuditEvent, OutboxMessage
from tests.conftest import COORDINATOR, COORDINATOR_2, SCHOOLS_YAML, TEACHER, make_services
from tests.e2e.steps import register
from tests.shown import in_mrkdwn


def rows(slack: LocalSlack) -> list[OutboxMessage]:
    with slack.services.db.transaction() as session:
        return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def posted_ids(slack: LocalSlack) -> Counter[int]:
    """How often each outbox row's message is in someone's DM (by the id in its metadata)."""
    return Counter(
        m["metadata"]["event_payload"]["outbox_id"]
        for client in slack.fake.clients.values()
        for m in client.messages
        if m.get("metadata")
    )


def later(slack: LocalSlack, **delta: float) -> None:
    slack.services.clock.advance(timedelta(**delta))  # type: ignore[attr-defined]


def test_message_whose_answer_was_lost_is_found_in_the_dm_and_not_sent_again(slack: LocalSlack) -> None:
    # Slack takes the message, but its answer never reaches the bot (a 502 on the way back).
    slack.fake.fail("chat.postMessage", status=502, times=3, after_success=True)
    register(slack.driver, TEACHER)
    assert {r.state for r in rows(slack)} == {"pending"} and all(r.maybe_sent for r in rows(slack))

    later(slack, minutes=5)
    assert slack.flush() == 3

    assert posted_ids(slack) == Counter({r.id: 1 for r in rows(slack)})  # each once
    assert len(slack.fake.calls_to("conversations.history")) == 3  # looked up, not re-sent
    for row in rows(slack):
        assert row.state == "sent" and row.address and not row.maybe_sent


def test_rate_limited_person_waits_for_retry_after_while_the_others_get_theirs(slack: LocalSlack) -> None:
    slack.fake.fail("chat.postMessage", status=429, retry_after=20, error="ratelimited", user_id=COORDINATOR)
    register(slack.driver, TEACHER)

    assert slack.fake.client(COORDINATOR).messages == []
    assert len(slack.fake.client(COORDINATOR_2).messages) == 1 and len(slack.fake.client(TEACHER).messages) == 1
    [waiting] = [r for r in rows(slack) if r.state != "sent"]
    assert waiting.recipient_id == COORDINATOR and waiting.attempts == 0 and waiting.last_error is None

    later(slack, seconds=19)
    assert slack.flush() == 0  # Slack said 20 seconds
    later(slack, seconds=1)
    assert slack.flush() == 1
    assert posted_ids(slack) == Counter({r.id: 1 for r in rows(slack)})


def test_patient_sweep_waits_out_short_retry_afters_and_delivers_in_the_same_run(slack: LocalSlack) -> None:
    slack.fake.fail("chat.postMessage", status=429, retry_after=2, error="ratelimited", times=10)
    register(slack.driver, TEACHER)  # the request's own flush does not wait: all three wait
    assert {r.state for r in rows(slack)} == {"pending"}
    started = slack.services.clock.now()

    assert slack.flush(patient=True) == 3  # the scheduler's flush waits, and goes on

    waited = (slack.services.clock.now() - started).total_seconds()
    assert waited >= 2  # Slack's Retry-After was honoured (on the test's clock: no real waiting)
    assert posted_ids(slack) == Counter({r.id: 1 for r in rows(slack)})


def test_message_slack_refuses_for_good_fails_at_once_and_the_coordinator_is_told(slack: LocalSlack) -> None:
    slack.fake.fail("chat.postMessage", status=200, error="user_not_found", user_id=TEACHER)
    register(slack.driver, TEACHER)  # the receipt to the reporter cannot be delivered

    [failed] = [r for r in rows(slack) if r.state == "failed"]
    assert failed.recipient_id == TEACHER and failed.attempts == 1 and failed.last_error == "slack:200:user_not_found"
    slack.flush()
    warning = in_mrkdwn("notice_delivery_failed", reference="MC-2026-0001", recipient_id=TEACHER)
    assert [m["text"] for m in slack.fake.client(COORDINATOR).messages].count(warning) == 1
    with slack.services.db.transaction() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == AuditAction.MESSAGE_FAILED)).one()
        assert event.detail == {"notice": NoticeKind.REGISTRATION_CONFIRMED, "recipient_id": TEACHER}


def test_message_that_keeps_failing_is_given_up_after_its_attempts_with_growing_waits(slack: LocalSlack) -> None:
    slack.fake.fail("chat.postMessage", status=503, times=1000, user_id=TEACHER)
    register(slack.driver, TEACHER)
    waits = []
    for _ in range(30):
        [row] = [r for r in rows(slack) if r.recipient_id == TEACHER]
        if row.state == "failed":
            break
        if row.next_attempt_at is not None:
            waits.append((row.next_attempt_at - slack.services.clock.now()).total_seconds())
            slack.services.clock.move_to(row.next_attempt_at)  # type: ignore[attr-defined]
        slack.flush()

    assert row.state == "failed" and row.attempts == 12
    assert waits == sorted(waits) and 30 <= waits[0] < 32 and waits[-1] <= 3600  # backoff, capped at an hour
    assert len([c for c in slack.fake.calls if c.method == "chat.postMessage" and c.status == 503]) == 12


def test_slack_failing_on_and_off_loses_nothing_and_doubles_nothing(slack: LocalSlack) -> None:
    slack.fake.fail("chat.postMessage", status=503, times=1000)  # down while the concerns come in
    for pupil in ("Sam Verzonnen", "Noor Verzonnen", "Lot Verzonnen", "Ties Verzonnen"):
        register(slack.driver, TEACHER, pupil_name=pupil)
    slack.fake.heal()
    assert len(rows(slack)) == 12 and posted_ids(slack) == Counter()
    chaos = random.Random(4)
    for _ in range(40):
        # Each round Slack misbehaves differently: down, busy, or answers lost on the way back.
        fault: dict[str, Any] = chaos.choice(
            [
                {"status": 500},
                {"status": 503, "after_success": True},
                {"status": 429, "retry_after": 7, "error": "ratelimited"},
                {"status": 502, "after_success": True},
            ]
        )
        slack.fake.fail("chat.postMessage", times=chaos.randint(1, 3), **fault)
        slack.flush(patient=True)
        slack.fake.heal()
        later(slack, minutes=10)
        if all(r.state == "sent" for r in rows(slack)):
            break

    assert {r.state for r in rows(slack)} == {"sent"}
    assert posted_ids(slack) == Counter({r.id: 1 for r in rows(slack)})
    assert sum(1 for c in slack.fake.calls if c.status != 200) > 12  # Slack did misbehave, often


def test_check_lists_failed_messages_and_outbox_retry_gives_them_new_attempts(
    tmp_path: Path, directory: Directory, clock: ManualClock
) -> None:
    key, database = generate_key(), tmp_path / "meldbot.sqlite3"
    services = make_services(tmp_path, f"sqlite:///{database}", directory, clock, key=key)
    (tmp_path / "meldbot.yml").write_text(SCHOOLS_YAML, encoding="utf-8")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MELDBOT_", "DATABASE_URL"))},
        "DATABASE_URL": f"sqlite:///{database}",
        "MELDBOT_ENCRYPTION_KEY": key,
        "MELDBOT_CONFIG": str(tmp_path / "meldbot.yml"),
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_SIGNING_SECRET": "s",
    }
    try:
        with local_slack(services) as slack:
            slack.fake.fail("chat.postMessage", status=200, error="channel_not_found", user_id=TEACHER)
            register(slack.driver, TEACHER)

            check = _meldbot(env, "check")
            retry = _meldbot(env, "outbox", "retry")
            slack.flush()

            assert len(slack.fake.client(TEACHER).messages) == 1
    finally:
        services.db.dispose()
    assert check.returncode == 2
    assert "1 message(s) could not be delivered" in check.stderr
    assert f"registration_confirmed to {TEACHER} about case 1: slack:200:channel_not_found" in check.stderr
    assert retry.returncode == 0 and "1 message(s)" in retry.stdout


def _meldbot(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_message_is_posted_once_when_the_connection_drops_after_slack_took_it(slack: LocalSlack) -> None:
    # Slack posts the message, then the connection closes before its answer: the SDK must not post
    # again on its own; the outbox looks in the DM first and finds it there.
    slack.fake.fail("chat.postMessage", drop=True, after_success=True, times=3)
    register(slack.driver, TEACHER)

    assert len([c for c in slack.fake.calls if c.method == "chat.postMessage"]) == 3  # one try each, no SDK retry
    assert all(r.state == "pending" and r.maybe_sent for r in rows(slack))
    later(slack, minutes=5)
    assert slack.flush() == 3

    assert posted_ids(slack) == Counter({r.id: 1 for r in rows(slack)})
    assert len([c for c in slack.fake.calls if c.method == "chat.postMessage"]) == 3  # found, not sent again


def test_message_this_release_cannot_draw_fails_once_and_the_next_ones_to_that_person_go(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    register(slack.driver, TEACHER)
    with slack.services.db.transaction() as session:
        # Written by a newer release before a rollback: a kind this one does not know.
        session.add(
            OutboxMessage(
                dedupe_key="nazorg:case-1:x:" + COORDINATOR,
                recipient_id=COORDINATOR,
                kind="nazorg_question",
                case_id=1,
                payload={"case_id": 1, "reference": "MC-2026-0001"},
                state="pending",
                attempts=0,
                created_at=slack.services.clock.now(),
            )
        )
    slack.driver.click_in_messages(COORDINATOR, Action.TAKE_CASE)  # queues more for the same people
    slack.flush()  # and the warning about the failed one

    [unknown] = [r for r in rows(slack) if r.kind == "nazorg_question"]
    assert unknown.state == "failed" and str(unknown.last_error).startswith("incident ")
    assert [(r.kind, r.recipient_id, r.state) for r in rows(slack) if r.state != "sent"] == [
        ("nazorg_question", COORDINATOR, "failed")
    ]
    warning = in_mrkdwn("notice_delivery_failed", reference="MC-2026-0001", recipient_id=COORDINATOR)
    assert warning in [m["text"] for m in slack.fake.client(COORDINATOR).messages]
    assert sum(1 for r in caplog.records if "drawing outbox message" in r.getMessage()) == 1


def test_a_rewrite_of_a_message_that_failed_holds_nothing_back_and_a_retry_sends_it_as_it_now_reads(
    slack: LocalSlack,
) -> None:
    slack.fake.fail("chat.postMessage", status=200, error="user_not_found", user_id=COORDINATOR_2)
    register(slack.driver, TEACHER, pupil_name="Sam Verzonnen")  # COORDINATOR_2's notice fails for good
    slack.driver.click_in_messages(COORDINATOR, Action.TAKE_CASE)  # ... and is then to say "taken by"
    register(slack.driver, TEACHER, pupil_name="Noor Verzonnen")
    slack.flush()

    texts = [m["text"] for m in slack.fake.client(COORDINATOR_2).messages]
    assert texts == [in_mrkdwn("notice_case_registered", reference="MC-2026-0002")]  # not held back
    warning = in_mrkdwn("notice_delivery_failed", reference="MC-2026-0001", recipient_id=COORDINATOR_2)
    assert warning in [m["text"] for m in slack.fake.client(COORDINATOR).messages]
    assert all(r.state != "pending" for r in rows(slack))
    with slack.services.db.transaction() as session:
        repo.retry_failed_outbox(session)  # `meldbot outbox retry`, once the person is back
    slack.flush()
    [first, *_] = [m for m in slack.fake.client(COORDINATOR_2).messages if "MC-2026-0001" in m["text"]]
    registered = in_mrkdwn("notice_case_registered", reference="MC-2026-0001")
    assert first["text"] == registered + "\n" + in_mrkdwn("notice_taken_by", user_id=COORDINATOR)
    assert Action.TAKE_CASE not in json.dumps(first["blocks"])


def test_a_message_to_someone_on_a_platform_this_process_does_not_serve_waits_and_holds_nothing_back(
    slack: LocalSlack,
) -> None:
    entra_user = "0c7e1a2b-3d4e-4f5a-8b6c-7d8e9f0a1b2c"  # an invented Entra object id
    with slack.services.db.transaction() as session:
        session.add(
            OutboxMessage(
                dedupe_key="teams-1",
                platform="teams",
                recipient_id=entra_user,
                kind=NoticeKind.CASE_REGISTERED,
                payload={},
                created_at=slack.services.clock.now(),
            )
        )
    register(slack.driver, TEACHER)

    slack.sweep()

    states = {(r.platform, r.state, r.attempts) for r in rows(slack)}
    assert ("teams", "pending", 0) in states  # never claimed, never failed: a Teams process will send it
    assert {state for platform, state, _ in states if platform == "slack"} == {"sent"}
