"""The case as a state machine: which steps fit which state, and the state a weighing leads to.

Steps 2 and 3 (consultation, conversation) recur at every stage, as the protocols say; the
weighing and what it asks for (a melding, a help plan) are strictly ordered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from bot.flows.errors import StepNotAllowed, StepsMissing
from bot.flows.rules.framework import OutcomeKind, Stage, WeighingState
from bot.flows.vocabulary import CaseState


class CaseStep(StrEnum):
    TAKE = "take"
    CONSULT = "consult"  # record a consultation (step 2)
    SET_TEAM = "set_team"
    TALK = "talk"  # record a conversation, or that it was skipped (step 3)
    ANSWER = "answer"  # answer the afwegingskader question asked now
    REPORT = "report"  # record the melding the weighing asked for
    FEEDBACK = "feedback"  # record Veilig Thuis' feedback on a melding
    HELP_PLAN = "help_plan"
    NEW_WEIGHING = "new_weighing"  # a new signal after a weighing: weigh again
    CLOSE = "close"  # after a melding, once Veilig Thuis has taken it on
    KINDCHECK = "kindcheck"  # record what the case knows of the other children at home, and their care


_WHILE_OPEN = frozenset({CaseStep.CONSULT, CaseStep.SET_TEAM, CaseStep.TALK, CaseStep.KINDCHECK})

ALLOWED: Mapping[CaseState, frozenset[CaseStep]] = {
    CaseState.NEW: frozenset({CaseStep.TAKE}),
    CaseState.IN_PROGRESS: _WHILE_OPEN | {CaseStep.ANSWER},
    # Veilig Thuis' feedback may come in whenever a melding awaits it: after question 2's melding
    # the weighing goes on together with Veilig Thuis (see `casework.permitted_steps`).
    # After question 2's melding, once Veilig Thuis' feedback is in, the case may also close
    # (handed over) instead of answering questions 3 to 5 with Veilig Thuis.
    CaseState.WEIGHING: _WHILE_OPEN | {CaseStep.ANSWER, CaseStep.FEEDBACK, CaseStep.CLOSE},
    CaseState.REPORT_DUE: _WHILE_OPEN | {CaseStep.REPORT, CaseStep.FEEDBACK},
    CaseState.HELP_PLAN_DUE: _WHILE_OPEN | {CaseStep.HELP_PLAN, CaseStep.NEW_WEIGHING, CaseStep.FEEDBACK},
    CaseState.HELP_RUNNING: _WHILE_OPEN | {CaseStep.ANSWER, CaseStep.NEW_WEIGHING, CaseStep.FEEDBACK},
    CaseState.REPORTED: _WHILE_OPEN | {CaseStep.FEEDBACK, CaseStep.CLOSE, CaseStep.NEW_WEIGHING},
    CaseState.CLOSED: frozenset(),
    CaseState.REFERRED_TO_BOARD: frozenset(),
}


class Missing(StrEnum):
    """What steps 2 and 3 must have put on record before question 1 (DESIGN §3)."""

    CONSULTATION = "consultation"  # at least one consultation
    CONVERSATION = "conversation"  # a conversation, or the allowed reason it was skipped


@dataclass(frozen=True)
class Situation:
    """Where a case stands: its state, and the facts beyond it that decide which steps fit now."""

    state: CaseState
    weigh_again: bool = False  # a signal arrived after the latest weighing began
    feedback_due: bool = False  # a melding (of any round) awaits Veilig Thuis' feedback
    veilig_thuis_deciding: bool = False  # this weighing's melding awaits it: Veilig Thuis holds the step
    handed_over: bool = False  # this weighing's melding has Veilig Thuis' feedback: the case may close
    missing: tuple[Missing, ...] = ()  # what steps 2 and 3 still owe question 1

    @property
    def steps(self) -> frozenset[CaseStep]:
        """The steps that fit now, whoever asks."""
        conditions = {
            CaseStep.NEW_WEIGHING: self.weigh_again,
            CaseStep.FEEDBACK: self.feedback_due,
            CaseStep.CLOSE: self.handed_over,
        }
        return frozenset(step for step in ALLOWED[self.state] if conditions.get(step, True))

    @property
    def school_holds_next_step(self) -> bool:
        """Whether the school owes the next step (so that a quiet case needs a nudge), or someone
        else does: Veilig Thuis while it decides on this weighing's melding, the help while it runs.
        (A new weighing is the school's, whatever an earlier melding still waits for.)"""
        if self.state in (CaseState.WEIGHING, CaseState.REPORTED):
            return not self.veilig_thuis_deciding
        return self.state in (CaseState.NEW, CaseState.IN_PROGRESS, CaseState.REPORT_DUE, CaseState.HELP_PLAN_DUE)


def missing_before_weighing(consultations: int, conversations: int) -> tuple[Missing, ...]:
    """Question 1 reads "based on steps 1 to 3": a consultation and a conversation (or its skip) first."""
    missing = []
    if consultations == 0:
        missing.append(Missing.CONSULTATION)
    if conversations == 0:
        missing.append(Missing.CONVERSATION)
    return tuple(missing)


def require(situation: Situation, step: CaseStep, question: int | None = None) -> None:
    """Refuse a step that does not fit where the case stands; question 1 also needs steps 2 and 3."""
    if step not in situation.steps:
        raise StepNotAllowed()
    if step is CaseStep.ANSWER and question == 1 and situation.missing:
        raise StepsMissing(missing=situation.missing)


def state_after(weighing: WeighingState) -> CaseState:
    """The case state a weighing's state puts the case in."""
    if weighing.stage is Stage.REPORT_DUE:
        return CaseState.REPORT_DUE
    if weighing.stage is Stage.HELP_PLAN_DUE:
        return CaseState.HELP_PLAN_DUE
    if weighing.stage is Stage.FINISHED:
        return CaseState.REPORTED if weighing.outcome is OutcomeKind.REPORT else CaseState.CLOSED
    return CaseState.HELP_RUNNING if weighing.help_running else CaseState.WEIGHING


# The meldcode step a state belongs to, for "stap 3 van 5" in the case view.
STEP_NUMBER: Mapping[CaseState, int] = {
    CaseState.NEW: 1,
    CaseState.IN_PROGRESS: 2,
    CaseState.WEIGHING: 4,
    CaseState.REPORT_DUE: 5,
    CaseState.HELP_PLAN_DUE: 5,
    CaseState.HELP_RUNNING: 5,
    CaseState.REPORTED: 5,
}
