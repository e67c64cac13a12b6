"""Every path through the afwegingskader, end to end in Slack: outcome, meldnorm, who was told what, no leaks."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from bot.devtools.local import LocalSlack
from bot.flows.rules.framework import Answer
from bot.slack.ids import Action
from storage.models import AuditEvent, Case, HelpPlan, Report, Weighing, WeighingAnswer
from tests.conftest import COORDINATOR, COORDINATOR_2, DIRECTOR, TEACHER, TEACHER_2
from tests.e2e.casework import (
    CLOSE,
    FEEDBACK,
    PLAN,
    REPORT,
    SECRETS,
    chat_traffic,
    open_case,
    ready_to_weigh,
    top_text,
    walk,
)
from tests.shown import in_mrkdwn

Y, N, D = Answer.YES, Answer.NO, Answer.DOUBT
REFERENCE = "MC-2026-0001"


@dataclass(frozen=True)
class Expected:
    moves: tuple[Answer | str, ...]
    state: str
    meldnormen: tuple[int, ...]  # of the meldingen recorded
    close_reason: str | None = None
    weighing_outcome: str | None = None
    director_told: bool = True
    reporter_told_weighed: bool = True  # once per round, when the weighing has an outcome other than closing


PATHS = {
    "1 no": Expected((N,), "closed", (), "no_suspicion", "close", director_told=False, reporter_told_weighed=False),
    "2 yes": Expected((Y, Y, REPORT), "weighing", (1,)),
    "2 twijfel": Expected((Y, D, REPORT), "weighing", (1,)),
    "2 yes, 3 no with Veilig Thuis": Expected((Y, Y, REPORT, N), "reported", (1,), None, "report"),
    "2 yes, feedback, handed over": Expected((Y, Y, REPORT, FEEDBACK, CLOSE), "closed", (1,), "handed_over", "report"),
    "3 no": Expected((Y, N, N, REPORT), "reported", (2,), None, "report"),
    "3 no, feedback, handed over": Expected(
        (Y, N, N, REPORT, FEEDBACK, CLOSE), "closed", (2,), "handed_over", "report"
    ),
    "4 no": Expected((Y, N, Y, N, REPORT), "reported", (2,), None, "report"),
    "4 yes then 5 yes": Expected((Y, N, Y, Y, PLAN, Y), "closed", (), "help_succeeded", "close_help"),
    "4 yes then 5 no": Expected((Y, N, Y, Y, PLAN, N, REPORT), "reported", (3,), None, "report"),
}


@pytest.mark.parametrize("expected", PATHS.values(), ids=PATHS.keys())
def test_path_through_the_framework_is_recorded_and_told_when_coordinator_weighs(
    slack: LocalSlack, expected: Expected
) -> None:
    case = ready_to_weigh(slack)

    walk(slack, COORDINATOR, *expected.moves)

    answers = [m for m in expected.moves if isinstance(m, Answer)]
    with slack.services.db.transaction() as session:
        row = session.get(Case, int(case))
        assert row is not None and (row.state, row.close_reason) == (expected.state, expected.close_reason)
        weighing = session.scalars(select(Weighing)).one()
        assert weighing.outcome == expected.weighing_outcome
        recorded = session.scalars(select(WeighingAnswer).order_by(WeighingAnswer.question)).all()
        assert [(a.question, a.answer, a.framework_version) for a in recorded] == [
            (n, a.value, "2019") for n, a in enumerate(answers, start=1)
        ]
        assert all(a.answered_by == COORDINATOR and a.rationale != "" for a in recorded)
        assert tuple(r.meldnorm for r in session.scalars(select(Report))) == expected.meldnormen
        assert len(session.scalars(select(HelpPlan)).all()) == (1 if PLAN in expected.moves else 0)
        audited = session.scalars(select(AuditEvent.action).where(AuditEvent.action == "question_answered")).all()
        assert len(audited) == len(answers)
    # Who was told what: the director only "afweging loopt", the reporter only taken, weighed, closed.
    director_texts = [m["text"] for m in slack.fake.client(DIRECTOR).messages]
    assert (in_mrkdwn("notice_director_informed", reference=REFERENCE) in director_texts) is expected.director_told
    teacher_texts = [m["text"] for m in slack.fake.client(TEACHER).messages]
    assert in_mrkdwn("notice_case_taken", reference=REFERENCE) in teacher_texts
    closed = in_mrkdwn("notice_case_closed", reference=REFERENCE)
    assert (closed in teacher_texts) is (expected.state == "closed")
    weighed = in_mrkdwn("notice_case_weighed", reference=REFERENCE)
    assert teacher_texts.count(weighed) == int(expected.reporter_told_weighed)
    traffic = chat_traffic(slack)
    assert [s for s in SECRETS if s in traffic] == []


def test_later_questions_are_answered_with_veilig_thuis_when_question_2_led_to_a_melding(slack: LocalSlack) -> None:
    ready_to_weigh(slack)

    walk(slack, COORDINATOR, Y, Y, REPORT)

    overview = top_text(slack, COORDINATOR)
    assert in_mrkdwn("weighing_question_head", round=1, number=3) in overview
    assert in_mrkdwn("with_veilig_thuis") in overview
    walk(slack, COORDINATOR, Y)
    with slack.services.db.transaction() as session:
        flags = session.scalars(select(WeighingAnswer.with_veilig_thuis).order_by(WeighingAnswer.question)).all()
    assert flags == [False, False, True]


def test_casemanager_evaluates_the_help_when_the_term_comes(slack: LocalSlack) -> None:
    case = ready_to_weigh(slack)
    walk(slack, COORDINATOR, Y, N, Y, Y, PLAN)

    casemanager = in_mrkdwn("notice_casemanager", reference=REFERENCE)
    assert [m["text"] for m in slack.fake.client(TEACHER_2).messages].count(casemanager) == 1
    open_case(slack, TEACHER_2, case)
    assert in_mrkdwn("weighing_question_head", round=1, number=5) in top_text(slack, TEACHER_2)
    walk(slack, TEACHER_2, N)

    with slack.services.db.transaction() as session:
        five = session.scalars(select(WeighingAnswer).where(WeighingAnswer.question == 5)).one()
        assert (five.answer, five.answered_by) == ("no", TEACHER_2)
        assert session.get(Case, int(case)).state == "report_due"  # type: ignore[union-attr]


def test_other_coordinators_see_who_took_the_case_when_one_takes_it(slack: LocalSlack) -> None:
    ready_to_weigh(slack)

    [notice] = slack.fake.client(COORDINATOR_2).messages
    registered = in_mrkdwn("notice_case_registered", reference=REFERENCE)
    assert notice["text"] == registered + "\n" + in_mrkdwn("notice_taken_by", user_id=COORDINATOR)
    buttons = [e["action_id"] for b in notice["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons == [Action.OPEN_CASE]  # the take button is gone
    with slack.services.db.transaction() as session:
        assert session.scalars(select(Case)).one().coordinator_id == COORDINATOR
