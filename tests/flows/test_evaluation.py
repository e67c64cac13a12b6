"""The interne evaluatie against a school year whose every answer is known, before and after retention.

The year is lived through the real flows: a concern closed at question 1, a melding under
meldnorm 1 handed over to Veilig Thuis, help that succeeded, the board route, a concern between
pupils, one nobody took until its reminder climbed, and one from the school year before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.catalogue import plain
from bot.documents.evaluation import as_csv, sections
from bot.flows.errors import AccessDenied
from bot.flows.jobs import reminders, retention
from bot.flows.ports import ManualClock, local_today
from bot.flows.rules.framework import Answer
from bot.flows.services import Services
from bot.flows.steps.closing import CloseForm, close_case
from bot.flows.steps.evaluation import Evaluation, Period, evaluation_for
from bot.flows.steps.help_plan import HelpPlanForm, record_help_plan
from bot.flows.steps.registration import Registered, choose_route, register_signal
from bot.flows.steps.reporting import FeedbackForm, record_feedback, record_report
from bot.flows.steps.staff_route import record_staff_suspicion
from bot.flows.steps.taking import take_case
from bot.flows.steps.weighing import AnswerForm, answer_question
from bot.flows.vocabulary import BoardAlert, Informed, Route, SignalCategory
from bot.school_config import parse_directory
from storage.models import AuditEvent
from tests.conftest import (
    ADMIN,
    COORDINATOR,
    DIRECTOR,
    OTHER_SCHOOL_COORDINATOR,
    SCHOOLS_YAML,
    TEACHER,
    TEACHER_2,
    make_services,
)
from tests.flows.forms import steps_two_and_three, valid_form, valid_report

BOARD_YAML = (
    SCHOOLS_YAML.replace(
        "    directors: [UDIRECT01]\n",
        "    directors: [UDIRECT01]\n    retention: {years_after_closing: 1, confirmed: true}\n",
    )
    + f"admins: [{ADMIN}]\n"
)
THIS_YEAR = Period(date(2026, 8, 1), date(2027, 7, 31))
LAST_YEAR = Period(date(2025, 8, 1), date(2026, 7, 31))


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 6, 1, 9, tzinfo=UTC))  # before the school year's first concern


@pytest.fixture
def board(tmp_path: Path, database_url: str, clock: ManualClock) -> Iterator[Services]:
    built = make_services(tmp_path, database_url, parse_directory(BOARD_YAML, "board.yml"), clock)
    yield built
    built.db.dispose()


@dataclass
class Year:
    services: Services
    clock: ManualClock
    n: int = 0

    def days(self, count: int) -> None:
        self.clock.advance(timedelta(days=count))

    def today(self) -> date:
        return local_today(self.clock).date()

    def concern(self, *categories: SignalCategory, acute: bool = False) -> int:
        self.n += 1
        form = valid_form(pupil_name=f"Testkind {self.n}", observed_on=self.today(), categories=categories)
        result = register_signal(self.services, TEACHER, "linde", acute, form, f"signal-{self.n}")
        assert isinstance(result, Registered)
        return result.case_id

    def taken(self, case_id: int) -> None:
        take_case(self.services, COORDINATOR, case_id)
        steps_two_and_three(self.services, COORDINATOR, case_id)

    def answer(self, case_id: int, question: int, given: Answer, **extra: object) -> None:
        form = AnswerForm(question, given, "Onderbouwing.", **extra)  # type: ignore[arg-type]
        answer_question(self.services, COORDINATOR, case_id, form, f"answer-{case_id}-{question}-{given}")


def _live_the_year(year: Year) -> None:
    services, clock = year.services, year.clock
    # The school year before: one concern, closed at question 1.
    clock.move_to(datetime(2026, 6, 10, 9, tzinfo=UTC))
    before = year.concern(SignalCategory.BEHAVIOUR)
    year.taken(before)
    year.answer(before, 1, Answer.NO)

    clock.move_to(datetime(2026, 11, 16, 9, tzinfo=UTC))
    # Closed at question 1, two days after it was registered.
    no_suspicion = year.concern(SignalCategory.PHYSICAL, SignalCategory.BEHAVIOUR)
    year.days(2)
    year.taken(no_suspicion)
    year.answer(no_suspicion, 1, Answer.NO)
    # Acute, a melding under meldnorm 1 on the day, handed over after Veilig Thuis' feedback.
    reported = year.concern(SignalCategory.PHYSICAL, acute=True)
    year.taken(reported)
    year.answer(reported, 1, Answer.YES)
    year.answer(reported, 2, Answer.YES)
    melding = valid_report(reported_on=year.today(), pupil_informed=Informed.YES)
    record_report(services, COORDINATOR, reported, melding, "melding-1")
    record_feedback(services, COORDINATOR, reported, FeedbackForm(year.today(), "Veilig Thuis neemt het over."))
    close_case(
        services,
        COORDINATOR,
        reported,
        CloseForm("Veilig Thuis neemt het over.", "Mentor volgt.", year.today() + timedelta(days=90)),
    )
    # Help, planned a day after registration, that reached its results at its term.
    helped = year.concern(SignalCategory.DISCLOSURE)
    year.days(1)
    year.taken(helped)
    for question, given in [(1, Answer.YES), (2, Answer.NO), (3, Answer.YES), (4, Answer.YES)]:
        year.answer(helped, question, given)
    plan = HelpPlanForm(year.today() + timedelta(days=20), TEACHER_2, "Wie doet wat.", "Afspraken.", "Wijkteam")
    record_help_plan(services, COORDINATOR, helped, plan, "plan-1")
    year.days(20)
    year.answer(helped, 5, Answer.YES, monitoring="Mentor volgt.", follow_up=year.today() + timedelta(days=90))
    # The board route, and a concern between pupils (the safety plan: no case).
    record_staff_suspicion(services, TEACHER, "linde", BoardAlert.DIRECTOR, False, "staff-1")
    choose_route(services, TEACHER, "linde", Route.BETWEEN_CHILDREN, False, "intake-1")
    # Nobody takes this one: its reminder climbs a rung, a deadline missed (counted once).
    year.concern(SignalCategory.OTHER)
    for _ in range(15):
        year.days(1)
        reminders.sweep(services)


EXACT = {
    "registered": 5,
    "route:home": 4,
    "route:staff_member": 1,
    "route:between_children": 1,
    "acute": 1,
    "category:physical": 2,
    "category:behaviour": 1,
    "category:disclosure": 1,
    "category:other": 1,
    "closed": 3,
    "closed:no_suspicion": 1,
    "closed:handed_over": 1,
    "closed:help_succeeded": 1,
    "reported": 1,
    "meldnorm:1": 1,
    "help_started": 1,
    "days_to_take:0": 1,
    "days_to_take:1": 1,
    "days_to_take:2": 1,
    "days_to_decision:0": 1,
    "days_to_decision:1": 1,
    "days_to_decision:2": 1,
    "missed:not_taken": 1,
}


def _figures(evaluation: Evaluation) -> dict[str, str]:
    return {figure.key: plain(figure.shown) for section in sections(evaluation) for figure in section.figures}


def test_the_evaluation_counts_a_known_year_and_keeps_counting_it_after_retention(
    board: Services, clock: ManualClock
) -> None:
    _live_the_year(Year(board, clock))

    coordinator = evaluation_for(board, COORDINATOR, "linde", THIS_YEAR)
    director = evaluation_for(board, DIRECTOR, "linde", THIS_YEAR)
    admin = evaluation_for(board, ADMIN, "linde", THIS_YEAR)

    assert dict(coordinator.counts) == EXACT
    assert coordinator.threshold is None and director.counts == coordinator.counts and director.threshold is None
    assert coordinator.median("days_to_take") == 1 and coordinator.median("days_to_decision") == 1
    assert coordinator.share_reported() == 0.25 and coordinator.missed() == 1
    assert dict(evaluation_for(board, COORDINATOR, "linde", LAST_YEAR).counts) == {
        "registered": 1,
        "route:home": 1,
        "category:behaviour": 1,
        "closed": 1,
        "closed:no_suspicion": 1,
        "days_to_take:0": 1,
        "days_to_decision:0": 1,
    }
    # The board reads the same counts, with 1 to 4 hidden; 0 and 5 are shown.
    assert admin.counts == coordinator.counts and admin.threshold == 5
    shown = _figures(admin)
    assert shown["registered"] == "5" and shown["category:emotional"] == "0"
    assert shown["route:home"] == "< 5" and shown["acute"] == "< 5" and shown["deadlines_missed"] == "< 5"
    assert shown["share_reported"] == "–" and shown["median_days_to_take"] == "–"
    exact = _figures(coordinator)
    assert exact["route:home"] == "4" and exact["share_reported"] == "25%" and exact["median_days_to_take"] == "1 dag"
    assert "< 5" not in as_csv(coordinator) and "linde,2026-08-01,2027-07-31,acute,Met acuut gevaar,< 5" in as_csv(
        admin
    )

    # Two years on, retention purges every closed case: the evaluation stays what it was.
    clock.move_to(datetime(2029, 1, 7, 9, tzinfo=UTC))
    assert len(retention.run(board, dry_run=False).purged) == 4
    assert evaluation_for(board, COORDINATOR, "linde", THIS_YEAR).counts == coordinator.counts
    assert dict(evaluation_for(board, COORDINATOR, "linde", LAST_YEAR).counts)["registered"] == 1


def test_a_period_counts_whole_months_of_registration(board: Services, clock: ManualClock) -> None:
    year = Year(board, clock)
    clock.move_to(datetime(2026, 10, 30, 9, tzinfo=UTC))
    year.concern(SignalCategory.PHYSICAL)
    clock.move_to(datetime(2026, 11, 2, 9, tzinfo=UTC))
    year.concern(SignalCategory.PHYSICAL)

    november = Period.of_months(date(2026, 11, 20), date(2026, 11, 21))
    autumn = Period.of_months(date(2026, 10, 31), date(2026, 11, 1))

    assert (november.first, november.last) == (date(2026, 11, 1), date(2026, 11, 30))
    assert evaluation_for(board, COORDINATOR, "linde", november).registered == 1
    assert evaluation_for(board, COORDINATOR, "linde", autumn).registered == 2
    assert Period.school_year(date(2026, 7, 31)) == LAST_YEAR and Period.school_year(date(2026, 8, 1)) == THIS_YEAR
    with pytest.raises(ValueError):
        Period.of_months(date(2026, 11, 1), date(2026, 10, 1))


def test_whoever_may_not_see_a_school_is_refused_its_evaluation_on_record(board: Services) -> None:
    for user, school in [(OTHER_SCHOOL_COORDINATOR, "linde"), (TEACHER, "linde"), (COORDINATOR, "nowhere")]:
        with pytest.raises(AccessDenied):
            evaluation_for(board, user, school, THIS_YEAR)

    with board.db.reading() as session:
        refusals = session.scalars(select(AuditEvent).where(AuditEvent.action == "access_refused")).all()
    assert [(e.actor_id, e.school_id) for e in refusals] == [
        (OTHER_SCHOOL_COORDINATOR, "linde"),
        (TEACHER, "linde"),
        (COORDINATOR, None),
    ]
