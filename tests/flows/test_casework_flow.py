"""Steps 2 to 5 against real databases (SQLite, and PostgreSQL where reachable): races, restarts, rules."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.flows.errors import AccessDenied, AlreadyAnswered, AlreadyTaken, InvalidInput, StepNotAllowed
from bot.flows.ports import ManualClock
from bot.flows.rules.framework import Answer
from bot.flows.services import Services
from bot.flows.steps.closing import CloseForm, close_case
from bot.flows.steps.help_plan import HelpPlanForm, record_help_plan
from bot.flows.steps.registration import Registered, register_signal
from bot.flows.steps.reporting import record_report, validate_report
from bot.flows.steps.taking import take_case
from bot.flows.steps.weighing import AnswerForm, answer_question
from bot.flows.vocabulary import AgeBand, Informed, NoConsentReason
from storage.crypto import generate_key
from storage.models import AuditEvent, Case, OutboxMessage, TeamMember, WeighingAnswer
from tests.conftest import COORDINATOR, COORDINATOR_2, DIRECTOR, TEACHER, TEACHER_2, make_services
from tests.flows.forms import steps_two_and_three, valid_form, valid_report

TODAY = date(2026, 11, 16)
LATER = date(2027, 3, 1)  # the nazorg date of a closing
Y, N = Answer.YES, Answer.NO


def new_case(services: Services) -> int:
    registered = register_signal(services, TEACHER, "linde", False, valid_form(), "sub-1")
    assert isinstance(registered, Registered)
    return registered.case_id


def taken_case(services: Services) -> int:
    """A case taken by COORDINATOR, with steps 2 and 3 on record: question 1 may be answered."""
    case_id = new_case(services)
    take_case(services, COORDINATOR, case_id)
    steps_two_and_three(services, COORDINATOR, case_id)
    return case_id


def answer(services: Services, case_id: int, question: int, given: Answer, user: str = COORDINATOR, **extra: Any):
    form = AnswerForm(question, given, "Onderbouwing.", **extra)
    return answer_question(services, user, case_id, form, f"{user}-{question}-{given}")


def at_once(*work: Callable[[], Any]) -> list[Any]:
    """Run the callables together from a common start; return each result or the exception it raised."""
    start = threading.Barrier(len(work))
    results: list[Any] = [None] * len(work)

    def run(index: int) -> None:
        start.wait()
        try:
            results[index] = work[index]()
        except Exception as error:  # collected for the assertions
            results[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_one_coordinator_takes_the_case_when_two_take_it_at_once(services: Services) -> None:
    case_id = new_case(services)

    results = at_once(
        lambda: take_case(services, COORDINATOR, case_id), lambda: take_case(services, COORDINATOR_2, case_id)
    )

    refused = [r for r in results if isinstance(r, AlreadyTaken)]
    assert len(refused) == 1
    with services.db.transaction() as session:
        winner = session.get(Case, case_id).coordinator_id  # type: ignore[union-attr]
    assert refused[0].values == {"user_id": winner}


def test_one_answer_is_recorded_and_the_other_named_when_two_coordinators_answer_at_once(services: Services) -> None:
    case_id = taken_case(services)

    results = at_once(lambda: answer(services, case_id, 1, Y), lambda: answer(services, case_id, 1, N, COORDINATOR_2))

    [refused] = [r for r in results if isinstance(r, AlreadyAnswered)]
    with services.db.transaction() as session:
        [stored] = session.scalars(select(WeighingAnswer)).all()
    assert refused.values == {"question": 1, "answer": Answer(stored.answer), "user_id": stored.answered_by}


def test_the_same_submission_records_one_answer_when_it_arrives_four_times_at_once(services: Services) -> None:
    case_id = taken_case(services)

    results = at_once(*[lambda: answer(services, case_id, 1, Y)] * 4)

    assert all(r == results[0] for r in results) and results[0].question == 1
    with services.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(WeighingAnswer)) == 1
        director_notices = select(func.count()).where(OutboxMessage.recipient_id == DIRECTOR)
        assert session.scalar(director_notices) == 1


def test_weighing_goes_on_where_it_stood_when_the_bot_restarts_midway(
    tmp_path: Path, database_url: str, directory: Any, clock: ManualClock
) -> None:
    key = generate_key()
    first = make_services(tmp_path, database_url, directory, clock, key)
    case_id = taken_case(first)
    answer(first, case_id, 1, Y)
    answer(first, case_id, 2, N)
    first.db.dispose()

    second = make_services(tmp_path, database_url, directory, clock, key)
    with pytest.raises(AlreadyAnswered):
        answer(second, case_id, 2, Y)
    answered = answer(second, case_id, 3, N)

    assert answered.state == "report_due" and answered.meldnorm == 2
    second.db.dispose()


def test_casemanager_may_evaluate_the_help_but_not_decide_anything_else(services: Services) -> None:
    case_id = taken_case(services)
    for question, given in [(1, Y), (2, N), (3, Y), (4, Y)]:
        answer(services, case_id, question, given)
    plan = HelpPlanForm(date(2027, 1, 8), TEACHER_2, "Wie doet wat.", "Afspraken met ouders.")
    record_help_plan(services, COORDINATOR, case_id, plan, "plan-1")

    with services.db.transaction() as session:
        assert session.get(TeamMember, (case_id, TEACHER_2)).role == "casemanager"  # type: ignore[union-attr]
    with pytest.raises(AccessDenied):
        close_case(services, TEACHER_2, case_id, CloseForm("Klaar.", "Mentor volgt.", LATER))
    with pytest.raises(InvalidInput) as refused:
        answer(services, case_id, 5, Y, TEACHER_2)  # closing help needs monitoring agreements and a nazorg date
    assert set(refused.value.problems) == {"monitoring", "follow_up"}
    with pytest.raises(InvalidInput) as early:
        answer(services, case_id, 5, Y, TEACHER_2, monitoring="Mentor volgt het kind.", follow_up=LATER)
    assert set(early.value.problems) == {"early_confirmation"}  # the term is 8 January: "ja" now is early
    closed = answer(
        services, case_id, 5, Y, TEACHER_2, monitoring="Mentor volgt het kind.", follow_up=LATER, early_confirmed=True
    )
    assert closed.state == "closed"
    with services.db.transaction() as session:
        detail = session.scalars(select(AuditEvent.detail).where(AuditEvent.action == "question_answered")).all()[-1]
    assert detail["before_term"] is True


def _help_running(services: Services, term: date) -> int:
    case_id = taken_case(services)
    for question, given in [(1, Y), (2, N), (3, Y), (4, Y)]:
        answer(services, case_id, question, given)
    record_help_plan(services, COORDINATOR, case_id, HelpPlanForm(term, TEACHER_2, "Wie doet wat.", "Afspraken."), "p")
    return case_id


def test_question_5_no_may_come_before_the_term_when_things_got_worse(services: Services) -> None:
    case_id = _help_running(services, date(2027, 1, 8))

    answered = answer(services, case_id, 5, N, TEACHER_2)

    assert answered.state == "report_due" and answered.meldnorm == 3


def test_question_5_yes_needs_no_confirmation_once_the_term_has_come(services: Services, clock: ManualClock) -> None:
    case_id = _help_running(services, date(2026, 11, 30))
    clock.advance(timedelta(days=14))  # Monday 30 November: the term

    closed = answer(services, case_id, 5, Y, TEACHER_2, monitoring="Mentor volgt het kind.", follow_up=LATER)

    assert closed.state == "closed"


def test_help_plan_term_must_lie_ahead(services: Services) -> None:
    case_id = taken_case(services)
    for question, given in [(1, Y), (2, N), (3, Y), (4, Y)]:
        answer(services, case_id, question, given)

    with pytest.raises(InvalidInput) as refused:
        record_help_plan(services, COORDINATOR, case_id, HelpPlanForm(TODAY, "", " ", "x"), "plan-1")

    assert set(refused.value.problems) == {"term", "casemanager_id", "tasks"}


REPORT = valid_report(reported_on=TODAY)


@pytest.mark.parametrize(
    "changes, age, problems",
    [
        ({}, AgeBand.UNDER_12, set()),
        ({}, AgeBand.FROM_12_TO_16, {"pupil_informed"}),  # from 12 the pupil is asked too
        ({"own_facts": " "}, AgeBand.UNDER_12, {"own_facts"}),
        # Every melding asks about the verwijsindex, with a reason.
        (
            {"reference_index": None, "reference_index_reason": ""},
            AgeBand.UNDER_12,
            {"reference_index", "reference_index_reason"},
        ),
        ({"reported_on": date(2026, 11, 17)}, AgeBand.UNDER_12, {"reported_on"}),
        (
            {"parents_informed": Informed.NO},
            AgeBand.UNDER_12,
            {
                "no_consent_reason",
                "consent_interests",
                "consent_alternative",
                "consent_why_not",
                "consent_balance",
                "consent_who_knows",
            },
        ),
        (
            {
                "parents_informed": Informed.NO,
                "no_consent_reason": NoConsentReason.SAFETY,
                "consent_interests": "a",
                "consent_alternative": "b",
                "consent_why_not": "c",
                "consent_balance": "d",
                "consent_who_knows": "e",
            },
            AgeBand.UNDER_12,
            set(),
        ),
    ],
)
def test_melding_rules_hold_when_validating(changes: dict[str, Any], age: AgeBand, problems: set[str]) -> None:
    form = replace(REPORT, **changes)
    if not problems:
        validate_report(form, TODAY, age)
        return
    with pytest.raises(InvalidInput) as refused:
        validate_report(form, TODAY, age)
    assert set(refused.value.problems) == problems


def test_melding_is_refused_when_the_weighing_does_not_ask_for_one(services: Services) -> None:
    case_id = taken_case(services)

    with pytest.raises(StepNotAllowed):
        record_report(services, COORDINATOR, case_id, REPORT, "report-1")


def test_melding_is_stored_once_when_submitted_twice(services: Services) -> None:
    case_id = taken_case(services)
    answer(services, case_id, 1, Y)
    answer(services, case_id, 2, Y)

    first = record_report(services, COORDINATOR, case_id, REPORT, "report-1")
    second = record_report(services, COORDINATOR, case_id, REPORT, "report-1")

    assert first == second and first.meldnorm == 1
