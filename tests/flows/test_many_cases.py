"""Many cases at once, in any order: registrations, steps, closings, days passing and reminders
firing, with Slack misbehaving in between. Whatever the order, each promised message reaches its
person exactly once (a stateful property test, hypothesis' RuleBasedStateMachine)."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import select

from bot.devtools.fake_slack import FakeSlack
from bot.flows.errors import InvalidInput
from bot.flows.jobs import reminders
from bot.flows.ports import ManualClock, local_today
from bot.flows.rules.framework import Answer
from bot.flows.rules.process import CaseStep
from bot.flows.situation import situation_of
from bot.flows.steps.closing import CloseForm, close_case
from bot.flows.steps.help_plan import HelpPlanForm, record_help_plan
from bot.flows.steps.registration import OpenCaseFound, Registered, register_signal, resolve_draft
from bot.flows.steps.reporting import FeedbackForm, record_feedback, record_report
from bot.flows.steps.staff_route import record_staff_suspicion
from bot.flows.steps.taking import take_case
from bot.flows.steps.weighing import AnswerForm, answer_question
from bot.flows.vocabulary import BoardAlert, CaseState, NoticeKind
from bot.outbox.delivery import Outbox
from bot.school_config import parse_directory
from bot.slack.app import SlackSettings, web_client
from bot.slack.transport import SlackTransport
from storage.models import AuditEvent, Case, OutboxMessage, Reminder, Weighing
from tests.conftest import COORDINATOR, COORDINATOR_2, DIRECTOR, SCHOOLS_YAML, TEACHER, TEACHER_2, make_services
from tests.flows.forms import steps_two_and_three, valid_form, valid_report

REPORTERS = (TEACHER, TEACHER_2)
PUPILS = ("Sam", "Noor", "Lot", "Ties", "Mees")  # a pupil may be reported twice: a held signal
FAULTS: list[dict[str, Any]] = [
    {"status": 500},
    {"status": 503, "after_success": True},
    {"status": 429, "retry_after": 7, "error": "ratelimited"},
    {"drop": True, "after_success": True},
]


class ManyCases(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="meldbot-many-"))
        self.clock = ManualClock(datetime(2026, 11, 16, 9, 0, tzinfo=UTC))
        directory = parse_directory(SCHOOLS_YAML, "schools.yml")
        self.services = make_services(self.folder, f"sqlite:///{self.folder / 'db.sqlite3'}", directory, self.clock)
        self.fake = FakeSlack()
        url = self.fake.start()
        client = web_client(SlackSettings(bot_token="xoxb-many", signing_secret=None, api_url=url, send_timeout=5))
        self.outbox = Outbox(self.services, {"slack": SlackTransport(client)}, send_timeout=5, workers=1)
        self.keys = iter(range(1_000_000))
        self.promised: Counter[tuple[int | None, str, str]] = Counter()  # (case, kind, recipient)
        self.cases: list[int] = []
        self.weighed: set[tuple[int, int | None]] = set()  # (case, weighing round) the reporter heard of

    def teardown(self) -> None:
        """After the last step: Slack heals, time passes for every retry, and every promise has arrived."""
        if not hasattr(self, "services"):
            return
        try:
            self.check_every_promise_arrived()
        finally:
            self.services.db.dispose()
            self.fake.stop()
            shutil.rmtree(self.folder, ignore_errors=True)

    def flush(self, *, patient: bool = False) -> None:
        """One pass of the outbox, as the bot's worker makes it."""
        asyncio.run(self.outbox.flush(patient=patient))

    def _key(self) -> str:
        return f"k{next(self.keys)}"

    def _promise(self, case_id: int | None, kind: NoticeKind, *recipients: str) -> None:
        for recipient in recipients:
            self.promised[(case_id, kind, recipient)] += 1

    def _state(self, case_id: int) -> CaseState:
        with self.services.db.transaction() as session:
            case = session.get(Case, case_id)
            assert case is not None
            return CaseState(case.state)

    # --- what people do ---------------------------------------------------------------------

    @rule(reporter=st.sampled_from(REPORTERS), pupil=st.sampled_from(PUPILS), add=st.booleans())
    def register(self, reporter: str, pupil: str, add: bool) -> None:
        result = register_signal(self.services, reporter, "linde", False, valid_form(pupil_name=pupil), self._key())
        if isinstance(result, OpenCaseFound):
            result = resolve_draft(self.services, reporter, result.draft_id, add)
        assert isinstance(result, Registered)
        kind = NoticeKind.CASE_REGISTERED if result.new_case else NoticeKind.SIGNAL_ADDED
        self._promise(result.case_id, kind, COORDINATOR, COORDINATOR_2)
        self._promise(result.case_id, NoticeKind.REGISTRATION_CONFIRMED, reporter)
        if result.new_case:
            self.cases.append(result.case_id)

    @rule(reporter=st.sampled_from(REPORTERS))
    def staff_suspicion(self, reporter: str) -> None:
        recorded = record_staff_suspicion(self.services, reporter, "linde", BoardAlert.DIRECTOR, False, self._key())
        self._promise(recorded.case_id, NoticeKind.BOARD_ROUTE, DIRECTOR)
        self._promise(recorded.case_id, NoticeKind.BOARD_ROUTE_NOTED, COORDINATOR, COORDINATOR_2)

    @precondition(lambda self: bool(getattr(self, "cases", None)))
    @rule(
        pick=st.integers(min_value=0),
        answers=st.lists(st.sampled_from([Answer.YES, Answer.NO]), min_size=1, max_size=6),
    )
    def work_a_case(self, pick: int, answers: list[Answer]) -> None:
        """Take one case a few steps further, whatever step it stands at; each answer a step."""
        case_id = self.cases[pick % len(self.cases)]
        for answer in answers:
            self._step(case_id, answer)

    def _step(self, case_id: int, answer: Answer) -> None:
        """One step further, as the design has it, promising what the design says each person hears."""
        with self.services.db.transaction() as session:
            case = session.get(Case, case_id)
            assert case is not None
            reporter, coordinator = case.reporter_id, case.coordinator_id or COORDINATOR
            weighing = session.scalars(
                select(Weighing).where(Weighing.case_id == case_id).order_by(Weighing.round.desc())
            ).first()
            question = weighing.question if weighing is not None and weighing.stage == "ask" else 1
            situation = situation_of(session, case)
        before, today = situation.state, local_today(self.clock).date()
        event(f"case at {before}")
        if before is CaseState.NEW:
            take_case(self.services, coordinator, case_id)
            self._promise(case_id, NoticeKind.CASE_TAKEN, reporter)
            steps_two_and_three(self.services, coordinator, case_id)
        elif situation.feedback_due and answer is Answer.NO and CaseStep.FEEDBACK in situation.steps:
            record_feedback(self.services, coordinator, case_id, FeedbackForm(today, "Veilig Thuis onderzoekt."))
        elif CaseStep.CLOSE in situation.steps and (answer is Answer.NO or before is CaseState.REPORTED):
            later = today + timedelta(days=90)
            close_case(self.services, coordinator, case_id, CloseForm("Overgenomen.", "Mentor volgt.", later))
        elif CaseStep.ANSWER in situation.steps:
            self._answer(case_id, coordinator, question, answer)
        elif before is CaseState.REPORT_DUE:
            melding = valid_report(reported_on=today, reported_by=coordinator)
            record_report(self.services, coordinator, case_id, melding, self._key())
        elif before is CaseState.HELP_PLAN_DUE:
            plan = HelpPlanForm(today + timedelta(days=20), TEACHER_2, "Wie doet wat.", "Afspraken.", "Wijkteam")
            record_help_plan(self.services, coordinator, case_id, plan, self._key())
            self._promise(case_id, NoticeKind.TEAM_ADDED, TEACHER_2)  # the casemanager, once per plan
        after = self._state(case_id)
        if before is not CaseState.CLOSED and after is CaseState.CLOSED:
            self._promise(case_id, NoticeKind.CASE_CLOSED, reporter)

    def _answer(self, case_id: int, coordinator: str, question: int, answer: Answer) -> None:
        early_confirmed = answer is Answer.YES and question == 5 and bool(next(self.keys) % 2)
        form = AnswerForm(
            question,
            answer,
            "Onderbouwing.",
            monitoring="Mentor volgt.",
            early_confirmed=early_confirmed,
            follow_up=local_today(self.clock).date() + timedelta(days=90) if question == 5 else None,
        )
        try:
            answer_question(self.services, coordinator, case_id, form, self._key())
        except InvalidInput as refused:  # "ja" on question 5 before the term, not confirmed
            assert set(refused.problems) == {"early_confirmation"}
            return
        with self.services.db.transaction() as session:
            case = session.get(Case, case_id)
            assert case is not None
            reporter, state = case.reporter_id, CaseState(case.state)
            round_number = session.scalars(
                select(Weighing.round).where(Weighing.case_id == case_id).order_by(Weighing.round.desc())
            ).first()
        if question == 1 and answer is Answer.YES:
            self._promise(case_id, NoticeKind.DIRECTOR_INFORMED, DIRECTOR)
        # The reporter hears that the weighing has an outcome (not which), once a round; a close is its own word.
        weighed = state in (CaseState.REPORT_DUE, CaseState.HELP_PLAN_DUE, CaseState.REPORTED)
        if weighed and (case_id, round_number) not in self.weighed:
            self.weighed.add((case_id, round_number))
            self._promise(case_id, NoticeKind.CASE_WEIGHED, reporter)

    @rule(days=st.integers(min_value=1, max_value=12))
    def days_pass(self, days: int) -> None:
        self.clock.advance(timedelta(days=days))
        reminders.sweep(self.services)
        self.flush()

    @rule(fault=st.sampled_from(FAULTS), times=st.integers(min_value=1, max_value=3))
    def slack_misbehaves(self, fault: dict[str, Any], times: int) -> None:
        self.fake.fail("chat.postMessage", times=times, **fault)
        self.flush()
        self.fake.heal()

    # --- what must hold -----------------------------------------------------------------------

    @invariant()
    def no_cause_reaches_anyone_twice(self) -> None:
        if hasattr(self, "fake"):
            assert [k for k, n in self._posted_keys().items() if n > 1] == []

    def _in_slack(self) -> list[OutboxMessage]:
        """The outbox row of every message in someone's DM (a lost answer's message counts: Slack has it)."""
        with self.services.db.transaction() as session:
            rows = {m.id: m for m in session.scalars(select(OutboxMessage))}
        return [
            rows[m["metadata"]["event_payload"]["outbox_id"]]
            for client in list(self.fake.clients.values())
            for m in client.messages
            if m.get("metadata")
        ]

    def _posted_keys(self) -> Counter[str]:
        return Counter(row.dedupe_key for row in self._in_slack())

    def check_every_promise_arrived(self) -> None:
        self.fake.heal()
        reminders.sweep(self.services)  # whatever fell due in the last step
        for _ in range(40):
            self.clock.advance(timedelta(hours=1))
            self.flush(patient=True)
            with self.services.db.transaction() as session:
                waiting = session.scalars(select(OutboxMessage).where(OutboxMessage.state != "sent")).all()
            if not waiting:
                break
        assert waiting == []
        assert set(self._posted_keys().values()) <= {1}
        with self.services.db.transaction() as session:
            sends = session.scalars(
                select(AuditEvent).where(AuditEvent.action.in_(["reminder_sent", "reminder_escalated"]))
            ).all()
        delivered = Counter((row.case_id, row.kind, row.recipient_id) for row in self._in_slack())
        reminders_sent = Counter((e.case_id, "reminder", r) for e in sends for r in e.detail["recipients"])
        assert Counter({k: n for k, n in delivered.items() if k[1] != "reminder"}) == self.promised
        assert Counter({k: n for k, n in delivered.items() if k[1] == "reminder"}) == reminders_sent
        with self.services.db.transaction() as session:  # and no reminder whose moment came is left unsent
            overdue = session.scalars(select(Reminder).where(Reminder.next_at <= self.clock.now())).all()
        assert overdue == []


ManyCases.TestCase.settings = settings(
    max_examples=12, stateful_step_count=30, deadline=None, suppress_health_check=list(HealthCheck)
)
TestEveryPromisedMessageArrivesOnceWhateverTheOrderOfManyCases = ManyCases.TestCase
