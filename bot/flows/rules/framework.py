"""The afwegingskader (version 2019) as a frozen table, and the weighing as a pure state machine.

The table is DESIGN §3 to the letter; the code around it only walks it. A weighing's state is
stored after every transition, so nothing here needs a database or a clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from bot.flows.errors import NotThisQuestion, StepNotAllowed


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    DOUBT = "doubt"  # question 2 only, where doubt counts as yes


class OutcomeKind(StrEnum):
    NEXT = "next"  # go on to the next question
    CLOSE = "close"  # close the case and record it in the dossier
    REPORT = "report"  # melden bij Veilig Thuis
    START_HELP = "start_help"  # record a help plan; question 5 evaluates it at its term
    CLOSE_HELP = "close_help"  # close help with recorded monitoring agreements


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    then: int | None = None  # the question that follows (after the melding or help plan it asks for)
    meldnorm: int | None = None
    again: bool = False  # "(opnieuw) melden": a new melding even when this weighing already made one
    informs_director: bool = False


@dataclass(frozen=True)
class Question:
    number: int
    on_yes: Outcome
    on_no: Outcome
    doubt_counts_as_yes: bool = False

    @property
    def answers(self) -> tuple[Answer, ...]:
        return (Answer.YES, Answer.NO, Answer.DOUBT) if self.doubt_counts_as_yes else (Answer.YES, Answer.NO)

    def outcome(self, answer: Answer) -> Outcome:
        if answer not in self.answers:
            raise ValueError(f"question {self.number} has no answer {answer}")
        return self.on_no if answer is Answer.NO else self.on_yes


@dataclass(frozen=True)
class Framework:
    version: str
    questions: Mapping[int, Question]

    def question(self, number: int) -> Question:
        return self.questions[number]


def _table(*questions: Question) -> Mapping[int, Question]:
    return {q.number: q for q in questions}


K = OutcomeKind
AFWEGINGSKADER_2019 = Framework(
    version="2019",
    questions=_table(
        # 1. Is there a suspicion of (threat of) domestic violence or child abuse?
        Question(1, on_yes=Outcome(K.NEXT, then=2, informs_director=True), on_no=Outcome(K.CLOSE)),
        # 2. Acute and/or structural unsafety? Doubt counts as yes. After the melding, 3 to 5
        #    are answered together with Veilig Thuis.
        Question(
            2, on_yes=Outcome(K.REPORT, then=3, meldnorm=1), on_no=Outcome(K.NEXT, then=3), doubt_counts_as_yes=True
        ),
        # 3. Can the school (or a partner) offer or organise effective help?
        Question(3, on_yes=Outcome(K.NEXT, then=4), on_no=Outcome(K.REPORT, meldnorm=2)),
        # 4. Do those involved accept the help and commit to it? "Nee" is meldnorm 2: it covers every
        #    other case in which the school cannot offer effective help, and refused help is one (seed 003).
        Question(4, on_yes=Outcome(K.START_HELP, then=5), on_no=Outcome(K.REPORT, meldnorm=2)),
        # 5. Did the help lead, within the term, to the agreed results for safety and well-being?
        Question(5, on_yes=Outcome(K.CLOSE_HELP), on_no=Outcome(K.REPORT, meldnorm=3, again=True)),
    ),
)
CURRENT = AFWEGINGSKADER_2019
FRAMEWORKS: Mapping[str, Framework] = {f.version: f for f in (AFWEGINGSKADER_2019,)}


class Stage(StrEnum):
    ASK = "ask"  # waiting for the answer to `question`
    REPORT_DUE = "report_due"  # a melding under `meldnorm` must be recorded before anything else
    HELP_PLAN_DUE = "help_plan_due"  # the help plan must be recorded; then question 5
    FINISHED = "finished"  # `outcome` says how it ended


@dataclass(frozen=True)
class WeighingState:
    stage: Stage = Stage.ASK
    question: int | None = 1  # ASK: to answer now; REPORT_DUE / HELP_PLAN_DUE: the one after
    meldnorm: int | None = None  # REPORT_DUE, or FINISHED by a melding: the norm it falls under
    reported: bool = False  # a melding was made in this weighing
    with_veilig_thuis: bool = False  # the questions now asked are answered together with Veilig Thuis
    help_running: bool = False  # the help plan is recorded; question 5 evaluates it
    outcome: OutcomeKind | None = None  # FINISHED: CLOSE, REPORT or CLOSE_HELP

    @property
    def finished(self) -> bool:
        return self.stage is Stage.FINISHED


START = WeighingState()


def expect_question(state: WeighingState, number: int) -> None:
    """Refuse question `number` unless it is the one asked now."""
    if state.stage is not Stage.ASK:
        raise StepNotAllowed()
    if state.question != number:
        raise NotThisQuestion(expected=state.question)


def answer(framework: Framework, state: WeighingState, number: int, given: Answer) -> tuple[WeighingState, Outcome]:
    """The state after answering question `number`; refused when that is not the question asked now."""
    expect_question(state, number)
    question = framework.question(number)
    if given not in question.answers:
        raise StepNotAllowed()
    outcome = question.outcome(given)
    return _follow(state, outcome), outcome


def _follow(state: WeighingState, outcome: Outcome) -> WeighingState:
    if outcome.kind is K.NEXT:
        return replace(state, question=outcome.then)
    if outcome.kind is K.START_HELP:
        return replace(state, stage=Stage.HELP_PLAN_DUE, question=outcome.then)
    if outcome.kind is K.REPORT:
        if state.reported and not outcome.again:
            # Veilig Thuis already has this child's melding and answers these questions with the
            # school: "melden" here is that melding, not a second one.
            return replace(state, stage=Stage.FINISHED, question=None, outcome=K.REPORT)
        return replace(state, stage=Stage.REPORT_DUE, question=outcome.then, meldnorm=outcome.meldnorm)
    return replace(state, stage=Stage.FINISHED, question=None, outcome=outcome.kind)


@dataclass(frozen=True)
class Consequence:
    """What one answer to the question asked now would set in motion (for hints and the answer form)."""

    answer: Answer
    after: WeighingState
    informs_director: bool


def consequences(framework: Framework, state: WeighingState, number: int) -> tuple[Consequence, ...]:
    """Every answer question `number` takes, with where it would lead from `state` (with Veilig
    Thuis at the table, a "melden" is the melding Veilig Thuis already has)."""
    previews = []
    for given in framework.question(number).answers:
        after, outcome = answer(framework, state, number, given)
        previews.append(Consequence(given, after, outcome.informs_director))
    return tuple(previews)


def record_report(state: WeighingState) -> WeighingState:
    """The melding the weighing asked for is recorded: go on with Veilig Thuis, or finish."""
    if state.stage is not Stage.REPORT_DUE:
        raise StepNotAllowed()
    if state.question is None:
        return replace(state, stage=Stage.FINISHED, reported=True, outcome=K.REPORT)
    return replace(state, stage=Stage.ASK, reported=True, with_veilig_thuis=True)


def hand_over(state: WeighingState) -> WeighingState:
    """The case closes after this weighing's melding: Veilig Thuis took it on (after its feedback),
    so the questions still open are not answered here. Only a weighing that made a melding can."""
    if not state.reported:
        raise StepNotAllowed()
    return replace(state, stage=Stage.FINISHED, question=None, outcome=K.REPORT)


def record_help_plan(state: WeighingState) -> WeighingState:
    if state.stage is not Stage.HELP_PLAN_DUE:
        raise StepNotAllowed()
    return replace(state, stage=Stage.ASK, help_running=True)


@dataclass(frozen=True)
class QuestionDue:
    """The question a weighing asks now, and what each of its answers would set in motion."""

    number: int
    round: int
    with_veilig_thuis: bool
    consequences: tuple[Consequence, ...]  # one per answer the question takes, in order

    @property
    def answers(self) -> tuple[Answer, ...]:
        return tuple(c.answer for c in self.consequences)

    def consequence_of(self, given: Answer) -> Consequence:
        return next(c for c in self.consequences if c.answer is given)


def question_due(state: WeighingState | None, version: str | None, round_number: int) -> QuestionDue | None:
    """The question asked now (question 1 of a first weighing when none began), or None when the
    weighing waits for a melding or a help plan, or finished."""
    state = state or START
    if state.stage is not Stage.ASK or not state.question:
        return None
    table = FRAMEWORKS[version or CURRENT.version]
    return QuestionDue(
        state.question, round_number, state.with_veilig_thuis, consequences(table, state, state.question)
    )
