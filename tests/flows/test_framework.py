"""The afwegingskader walked as a table: every path, every refusal, and random sequences (hypothesis)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.flows.errors import NotThisQuestion, StepNotAllowed, StepsMissing
from bot.flows.rules import framework
from bot.flows.rules.framework import AFWEGINGSKADER_2019, START, Answer, OutcomeKind, Stage, WeighingState
from bot.flows.rules.process import ALLOWED, CaseStep, Missing, Situation, missing_before_weighing, require, state_after
from bot.flows.vocabulary import CaseState

Y, N, D = Answer.YES, Answer.NO, Answer.DOUBT
REPORT, PLAN = "report", "plan"  # recording the melding, recording the help plan


def walk(*moves: Answer | str) -> WeighingState:
    """Answer the questions in order, recording a melding or help plan where a move says so."""
    state = START
    for move in moves:
        if move == REPORT:
            state = framework.record_report(state)
        elif move == PLAN:
            state = framework.record_help_plan(state)
        else:
            assert state.question is not None
            state, _ = framework.answer(AFWEGINGSKADER_2019, state, state.question, Answer(move))
    return state


@dataclass(frozen=True)
class Path:
    moves: tuple[Answer | str, ...]
    stage: Stage
    outcome: OutcomeKind | None
    meldnorm: int | None
    case_state: CaseState


# DESIGN §3, row by row: where each path through the table ends.
PATHS = {
    "1 no: close": Path((N,), Stage.FINISHED, OutcomeKind.CLOSE, None, CaseState.CLOSED),
    "2 yes: melden, meldnorm 1": Path((Y, Y), Stage.REPORT_DUE, None, 1, CaseState.REPORT_DUE),
    "2 twijfel counts as yes": Path((Y, D), Stage.REPORT_DUE, None, 1, CaseState.REPORT_DUE),
    "2 yes, melding made: 3 with Veilig Thuis": Path((Y, Y, REPORT), Stage.ASK, None, 1, CaseState.WEIGHING),
    "2 yes, then 3 no with Veilig Thuis": Path(
        (Y, Y, REPORT, N), Stage.FINISHED, OutcomeKind.REPORT, 1, CaseState.REPORTED
    ),
    "3 no: melden, meldnorm 2": Path((Y, N, N), Stage.REPORT_DUE, None, 2, CaseState.REPORT_DUE),
    "3 no, melding made": Path((Y, N, N, REPORT), Stage.FINISHED, OutcomeKind.REPORT, 2, CaseState.REPORTED),
    "4 no: melden, meldnorm 2": Path((Y, N, Y, N), Stage.REPORT_DUE, None, 2, CaseState.REPORT_DUE),
    "4 yes: help plan": Path((Y, N, Y, Y), Stage.HELP_PLAN_DUE, None, None, CaseState.HELP_PLAN_DUE),
    "4 yes, plan made: help runs": Path((Y, N, Y, Y, PLAN), Stage.ASK, None, None, CaseState.HELP_RUNNING),
    "4 yes then 5 yes: close help": Path(
        (Y, N, Y, Y, PLAN, Y), Stage.FINISHED, OutcomeKind.CLOSE_HELP, None, CaseState.CLOSED
    ),
    "4 yes then 5 no: melden, meldnorm 3": Path((Y, N, Y, Y, PLAN, N), Stage.REPORT_DUE, None, 3, CaseState.REPORT_DUE),
    "5 no with Veilig Thuis: melden again": Path(
        (Y, Y, REPORT, Y, Y, PLAN, N), Stage.REPORT_DUE, None, 3, CaseState.REPORT_DUE
    ),
}


@pytest.mark.parametrize("path", PATHS.values(), ids=PATHS.keys())
def test_each_path_ends_where_the_table_says(path: Path) -> None:
    state = walk(*path.moves)

    assert (state.stage, state.outcome, state.meldnorm) == (path.stage, path.outcome, path.meldnorm)
    assert state_after(state) is path.case_state


def test_questions_after_a_melding_under_question_2_are_answered_with_veilig_thuis() -> None:
    assert not walk(Y, N).with_veilig_thuis
    assert walk(Y, Y, REPORT).with_veilig_thuis
    assert walk(Y, Y, REPORT, Y).with_veilig_thuis


def test_only_question_1_yes_informs_the_director() -> None:
    informing = [
        (q.number, a)
        for q in AFWEGINGSKADER_2019.questions.values()
        for a in q.answers
        if q.outcome(a).informs_director
    ]
    assert informing == [(1, Y)]


def test_question_3_is_refused_when_question_2_is_not_answered() -> None:
    with pytest.raises(NotThisQuestion) as refused:
        framework.answer(AFWEGINGSKADER_2019, walk(Y), 3, Y)
    assert refused.value.values == {"expected": 2}


@pytest.mark.parametrize(
    "moves, question, answer",
    [
        ((), 1, D),  # doubt is an answer to question 2 only
        ((Y, Y), 3, Y),  # the melding comes first
        ((Y, N, Y, Y), 5, Y),  # the help plan comes first
        ((N,), 2, Y),  # a closed weighing takes no answers
    ],
)
def test_answer_is_refused_when_the_state_does_not_allow_it(
    moves: tuple[Answer, ...], question: int, answer: Answer
) -> None:
    with pytest.raises(StepNotAllowed):
        framework.answer(AFWEGINGSKADER_2019, walk(*moves), question, answer)


@pytest.mark.parametrize("moves", [(), (Y,), (Y, N, Y, Y)])
def test_melding_is_refused_when_the_weighing_does_not_ask_for_one(moves: tuple[Answer, ...]) -> None:
    with pytest.raises(StepNotAllowed):
        framework.record_report(walk(*moves))


def test_help_plan_is_refused_when_question_4_is_not_yes() -> None:
    with pytest.raises(StepNotAllowed):
        framework.record_help_plan(walk(Y, Y))


def test_every_case_state_allows_only_steps_that_exist_and_closed_allows_none() -> None:
    assert ALLOWED[CaseState.CLOSED] == frozenset()
    assert ALLOWED[CaseState.NEW] == {CaseStep.TAKE}
    assert set(ALLOWED) == set(CaseState)


# --- random sequences ----------------------------------------------------------------------

# The table of DESIGN §3, written out once more independently: (question, answer) -> what follows.
ORACLE: dict[tuple[int, Answer], tuple[str, int | None]] = {
    (1, Y): ("ask", 2),
    (1, N): ("close", None),
    (2, Y): ("report", 1),
    (2, D): ("report", 1),
    (2, N): ("ask", 3),
    (3, Y): ("ask", 4),
    (3, N): ("report", 2),
    (4, Y): ("help", None),
    (4, N): ("report", 2),
    (5, Y): ("close_help", None),
    (5, N): ("report", 3),
}
# A move: first (if asked) record the melding or help plan that is due, or try to record one that
# is not; then answer a question. Question 0 means "the question asked now", so sequences reach
# deep into the table; the other numbers try questions out of turn.
moves = st.lists(
    st.tuples(
        st.sampled_from(["fulfil", "fulfil", "none", REPORT, PLAN]),
        st.sampled_from([0] * 10 + [1, 2, 3, 4, 5]),
        st.sampled_from([Y, N, D]),
    ),
    max_size=12,
)


@settings(max_examples=1000, deadline=None)
@given(moves)
def test_random_moves_never_leave_the_table(sequence: list[tuple[str, int, Answer]]) -> None:
    state, answered, reports = START, [], []
    for first, question, answer in sequence:
        for record in _records(first, state):
            before = state
            try:
                state = framework.record_report(state) if record == REPORT else framework.record_help_plan(state)
            except StepNotAllowed:
                assert state == before  # a refused move changes nothing
                continue
            if record == REPORT:
                reports.append(before.meldnorm)
            _assert_allowed(state, answered, reports)
        before = state
        try:
            state, _ = framework.answer(AFWEGINGSKADER_2019, state, question or state.question or 1, answer)
        except (StepNotAllowed, NotThisQuestion):
            assert state == before
            continue
        answered.append((question or before.question or 1, answer))
        _assert_allowed(state, answered, reports)


def _records(first: str, state: WeighingState) -> list[str]:
    if first == "fulfil":
        return {Stage.REPORT_DUE: [REPORT], Stage.HELP_PLAN_DUE: [PLAN]}.get(state.stage, [])
    return [first] if first in (REPORT, PLAN) else []


def _assert_allowed(state: WeighingState, answered: list[tuple[int, Answer]], reports: list[int | None]) -> None:
    # Questions are answered one after another, starting at 1, each as the table leads.
    numbers = [q for q, _ in answered]
    assert numbers == sorted(set(numbers)) and (not numbers or numbers[0] == 1)
    for (question, answer), (next_question, _) in pairwise(answered):
        kind, norm = ORACLE[(question, answer)]
        assert kind != "close" and kind != "close_help"  # nothing is asked after closing
        if kind == "ask":
            assert next_question == norm
        if kind == "report":
            assert norm == 1 and next_question == 3  # only question 2's melding goes on (with Veilig Thuis)
        if kind == "help":
            assert next_question == 5
    last_kind, last_norm = ORACLE[answered[-1]] if answered else ("ask", 1)
    assert state_after(state) in ALLOWED  # a state the case machine knows
    if state.stage is Stage.ASK:
        assert state.question in range(1, 6)
        assert state.question == (last_norm if last_kind == "ask" else {"report": 3, "help": 5}.get(last_kind, 1))
    elif state.stage is Stage.REPORT_DUE:
        assert last_kind == "report" and state.meldnorm == last_norm
    elif state.stage is Stage.HELP_PLAN_DUE:
        assert last_kind == "help"
    else:  # finished: in one of the table's outcomes, and only one the last answer leads to
        assert state.outcome in {OutcomeKind.CLOSE, OutcomeKind.REPORT, OutcomeKind.CLOSE_HELP}
        assert {"close": OutcomeKind.CLOSE, "close_help": OutcomeKind.CLOSE_HELP}.get(
            last_kind, OutcomeKind.REPORT
        ) is state.outcome
        if state.outcome is OutcomeKind.REPORT:
            # Ended by the melding this answer asked for, or (3 or 4 "no" after question 2's melding)
            # by the melding Veilig Thuis already has. Never without one.
            assert last_norm in reports or (last_norm == 2 and 1 in reports)
    assert all(norm in (1, 2, 3) for norm in reports)
    assert state.with_veilig_thuis is (1 in reports)  # after question 2's melding, Veilig Thuis answers along


# --- the case's situation: which steps fit, and who holds the next one --------------------------

S = CaseState


@pytest.mark.parametrize(
    ("situation", "close", "school_holds"),
    [
        (Situation(S.WEIGHING), False, True),  # weighing without a melding: no closing, the school weighs
        (Situation(S.WEIGHING, feedback_due=True, veilig_thuis_deciding=True), False, False),  # question 2's melding
        (Situation(S.WEIGHING, feedback_due=True), False, True),  # a new weighing, an earlier melding still open
        (Situation(S.WEIGHING, handed_over=True), True, True),  # its feedback is in: close, or weigh on
        (Situation(S.REPORTED, feedback_due=True, veilig_thuis_deciding=True), False, False),
        (Situation(S.REPORTED, handed_over=True), True, True),
        (Situation(S.HELP_RUNNING), False, False),  # the help's own reminders keep watch
        (Situation(S.REPORT_DUE, feedback_due=True), False, True),  # a new melding is the school's to make
        (Situation(S.NEW), False, True),
        (Situation(S.CLOSED, handed_over=True), False, False),
    ],
)
def test_closing_and_the_idle_clock_follow_who_holds_the_next_step(
    situation: Situation, close: bool, school_holds: bool
) -> None:
    assert (CaseStep.CLOSE in situation.steps) is close
    assert situation.school_holds_next_step is school_holds


@pytest.mark.parametrize(
    ("consultations", "conversations", "missing"),
    [
        (0, 0, (Missing.CONSULTATION, Missing.CONVERSATION)),
        (1, 0, (Missing.CONVERSATION,)),
        (0, 2, (Missing.CONSULTATION,)),
        (3, 1, ()),
    ],
)
def test_question_1_waits_for_steps_2_and_3(
    consultations: int, conversations: int, missing: tuple[Missing, ...]
) -> None:
    situation = Situation(S.IN_PROGRESS, missing=missing_before_weighing(consultations, conversations))

    assert situation.missing == missing
    if missing:
        with pytest.raises(StepsMissing):
            require(situation, CaseStep.ANSWER, 1)
    else:
        require(situation, CaseStep.ANSWER, 1)
    require(situation, CaseStep.CONSULT)  # steps 2 and 3 themselves are always open


def test_every_answers_consequence_is_the_one_the_table_gives_also_with_veilig_thuis() -> None:
    with_veilig_thuis = WeighingState(question=3, reported=True, with_veilig_thuis=True)

    three = {c.answer: c.after for c in framework.consequences(AFWEGINGSKADER_2019, with_veilig_thuis, 3)}
    alone = {c.answer: c.after for c in framework.consequences(AFWEGINGSKADER_2019, WeighingState(question=3), 3)}

    assert (alone[Answer.NO].stage, alone[Answer.NO].meldnorm) == (Stage.REPORT_DUE, 2)
    assert (three[Answer.NO].stage, three[Answer.NO].outcome) == (
        Stage.FINISHED,
        OutcomeKind.REPORT,
    )  # no second melding
    assert three[Answer.YES].question == 4
