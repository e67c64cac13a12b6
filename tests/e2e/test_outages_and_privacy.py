"""Slack down or slow loses nothing; no pupil data reaches a message, a home tab or a log line."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.devtools.local import LocalSlack
from bot.flows.rules.framework import Answer
from bot.flows.steps import registration
from bot.slack.ids import Action, Block
from storage.models import Case, OutboxMessage
from tests.conftest import COORDINATOR, COORDINATOR_2, DIRECTOR, TEACHER, TEACHER_2
from tests.e2e.casework import PLAN, REPORT, SECRETS, filled_in, walk
from tests.e2e.steps import COUNTER_FACTS, LOCATION, OBSERVED, PUPIL_NAME, SOURCE_DETAIL, register
from tests.e2e.test_reminders import a_reminder
from tests.pdf_text import pdf_text

POSTPONE_REASON = "Uitstel-Geheim: moeder ligt in het ziekenhuis."
PUPIL_DATA = (PUPIL_NAME, "Testkind", OBSERVED, "Blauwe plekken", LOCATION, COUNTER_FACTS, SOURCE_DETAIL)


def test_notices_wait_in_the_outbox_when_slack_answers_500(slack: LocalSlack) -> None:
    slack.fake.fail("chat.postMessage", status=500, times=10)

    register(slack.driver, TEACHER)

    with slack.services.db.transaction() as session:
        assert session.scalars(select(Case)).one().reference == "MC-2026-0001"  # the signal is safe
        pending = list(session.scalars(select(OutboxMessage)))
    assert {m.state for m in pending} == {"pending"} and len(pending) == 3
    assert all(m.last_error and m.last_error.startswith("slack:500") for m in pending)

    slack.fake.heal()
    assert slack.flush() == 0  # each waits out its backoff (30 s and more)
    slack.services.clock.advance(timedelta(minutes=2))
    assert slack.flush() == 3

    assert len(slack.fake.client(COORDINATOR).messages) == 1
    assert slack.flush() == 0  # delivered once, never twice


def test_notices_wait_in_the_outbox_when_slack_rate_limits(slack: LocalSlack) -> None:
    slack.fake.fail("chat.postMessage", status=429, retry_after=30, error="ratelimited", times=10)

    register(slack.driver, TEACHER)

    with slack.services.db.transaction() as session:
        assert {m.last_error for m in session.scalars(select(OutboxMessage))} == {None}  # a wait, not a failure
        assert {m.attempts for m in session.scalars(select(OutboxMessage))} == {0}
    slack.fake.heal()
    assert slack.flush() == 0  # Slack asked for 30 s: nobody is asked again before
    slack.services.clock.advance(timedelta(seconds=31))
    assert slack.flush() == 3


def test_user_is_told_with_an_incident_code_when_a_flow_fails(
    slack: LocalSlack, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("database on fire")

    monkeypatch.setattr(registration, "schools_for", broken)

    slack.driver.command(TEACHER)

    [message] = slack.fake.client(TEACHER).messages
    incident = filled_in(message["text"], "error_generic", "incident")
    assert incident
    assert any(incident in r.getMessage() and r.levelno == logging.ERROR for r in caplog.records)


# One marker per free-text field of steps 2 and 3.
CONSULTED, OUTCOME = "Rol-Geheim-Leerplicht", "Uitkomst-Geheim-advies"
PARTICIPANTS, SHARED, REACTION = "Deelnemers-Geheim", "Gedeeld-Geheim", "Reactie-Geheim"
AGREEMENTS, HOUSEHOLD = "Afspraken-Geheim", "Gezin-Geheim-twee-zussen"
CASEWORK = (CONSULTED, OUTCOME, PARTICIPANTS, SHARED, REACTION, AGREEMENTS, HOUSEHOLD)


def test_no_pupil_data_leaves_modals_when_a_whole_case_is_registered_and_worked(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    register(slack.driver, TEACHER, acute=True, source="told", source_detail=SOURCE_DETAIL)
    register(slack.driver, TEACHER_2)  # the same pupil: held, then added
    slack.driver.close(TEACHER_2)
    slack.driver.click_in_messages(TEACHER_2, Action.FINISH_DRAFT)
    slack.driver.submit(TEACHER_2, {"choice": "add"})
    for user_id in (COORDINATOR, DIRECTOR, TEACHER):
        slack.driver.click_in_messages(user_id, Action.OPEN_CASE)
        slack.driver.open_home(user_id)
    slack.driver.click_in_messages(COORDINATOR, Action.TAKE_CASE)
    for action, values in [
        (
            Action.RECORD_CONSULTATION,
            {
                Block.KIND: "other",
                Block.OTHER_ROLE: CONSULTED,
                Block.HELD_ON: "2026-11-16",
                Block.OUTCOME: OUTCOME,
                Block.SPECIAL_FORM: "no",
            },
        ),
        (
            Action.RECORD_CONVERSATION,
            {
                Block.WITH_WHOM: "parents",
                Block.HELD_ON: "2026-11-16",
                Block.PARTICIPANTS: PARTICIPANTS,
                Block.SHARED: SHARED,
                Block.REACTION: REACTION,
                Block.AGREEMENTS: AGREEMENTS,
                Block.CONSENT: "given",
                Block.HOUSEHOLD: HOUSEHOLD,
            },
        ),
    ]:
        slack.driver.click_in_modal(COORDINATOR, action)
        slack.driver.submit(COORDINATOR, values)
    walk(slack, COORDINATOR, Answer.YES, Answer.NO, Answer.YES, Answer.YES, PLAN, Answer.NO, REPORT)
    # Weeks pass: reminders fire and escalate; one is postponed with a reason (dossier text).
    for _ in range(4):
        slack.services.clock.advance(timedelta(days=4))  # type: ignore[attr-defined]
        slack.sweep()
    slack.driver.click_in_messages(COORDINATOR, Action.POSTPONE_REMINDER)
    slack.driver.submit(COORDINATOR, {Block.UNTIL: "2027-01-11", Block.POSTPONE_REASON: POSTPONE_REASON})
    assert any(a_reminder(m["text"]) for m in slack.fake.client(COORDINATOR).messages)
    # The coordinator exports the dossier: the file holds it all, its name and title nothing.
    slack.driver.click_in_messages(COORDINATOR, Action.OPEN_CASE)
    slack.driver.click_in_modal(COORDINATOR, Action.EXPORT_CASE)
    slack.driver.submit(COORDINATOR, {Block.EXPORT_DOCUMENT: "dossier"})
    slack.driver.settle()
    (exported,) = slack.fake.client(COORDINATOR).files
    exported_text = pdf_text(exported["content"])
    # The markers did reach the dossier (so their absence below means something).
    assert [m for m in (*CASEWORK, POSTPONE_REASON, PUPIL_NAME) if m not in exported_text] == []

    # Modals for authorised users are where details belong, and the desk of an App Home names the
    # pupil (and nothing else of the case) to who may open the case; everything else must be clean.
    markers = (*PUPIL_DATA, *SECRETS, *CASEWORK, POSTPONE_REASON)
    homes = [c for c in slack.fake.calls if c.method == "views.publish"]
    named_in = {c.params["user_id"] for c in homes if PUPIL_NAME in json.dumps(c.params, ensure_ascii=False)}
    assert named_in == {COORDINATOR, DIRECTOR}  # not the reporter's own Home
    in_homes = [m for c in homes for m in markers if m in json.dumps(c.params, ensure_ascii=False)]
    assert set(in_homes) <= {PUPIL_NAME, "Testkind"}
    outside_modals = [c for c in slack.fake.calls if c.method not in ("views.open", "views.push", "views.update")]
    outside_modals = [c for c in outside_modals if c.method != "views.publish"]
    assert outside_modals
    leaks = [
        c.method for c in outside_modals for marker in markers if marker in json.dumps(c.params, ensure_ascii=False)
    ]
    assert leaks == []
    log_text = "\n".join(r.getMessage() + str(r.exc_info or "") for r in caplog.records)
    assert caplog.records
    assert [m for m in markers if m in log_text] == []
    with slack.services.db.transaction() as session:
        outbox = json.dumps([m.payload for m in session.scalars(select(OutboxMessage))], ensure_ascii=False)
    assert [m for m in markers if m in outbox] == []
    assert slack.fake.client(COORDINATOR_2).messages  # the check above saw real notices
