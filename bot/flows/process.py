"""The case as a state machine: which steps fit which state, and the state a weighing leads to.

Steps 2 and 3 (consultation, conversation) recur at every stage, as the protocols say; the
weighing and what it asks for (a melding, a help plan) are strictly ordered.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from bot.flows.errors import StepNotAllowed
from bot.flows.framework import OutcomeKind, Stage, WeighingState
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


_WHILE_OPEN = frozenset({CaseStep.CONSULT, CaseStep.SET_TEAM, CaseStep.TALK})

ALLOWED: Mapping[CaseState, frozenset[CaseStep]] = {
    CaseState.NEW: frozenset({CaseStep.TAKE}),
    CaseState.IN_PROGRESS: _WHILE_OPEN | {CaseStep.ANSWER},
    # Veilig Thuis' feedback may come in whenever a melding awaits it: after question 2's melding
    # the weighing goes on together with Veilig Thuis (see `casework.permitted_steps`).
    CaseState.WEIGHING: _WHILE_OPEN | {CaseStep.ANSWER, CaseStep.FEEDBACK},
    CaseState.REPORT_DUE: _WHILE_OPEN | {CaseStep.REPORT, CaseStep.FEEDBACK},
    CaseState.HELP_PLAN_DUE: _WHILE_OPEN | {CaseStep.HELP_PLAN, CaseStep.NEW_WEIGHING, CaseStep.FEEDBACK},
    CaseState.HELP_RUNNING: _WHILE_OPEN | {CaseStep.ANSWER, CaseStep.NEW_WEIGHING, CaseStep.FEEDBACK},
    CaseState.REPORTED: _WHILE_OPEN | {CaseStep.FEEDBACK, CaseStep.CLOSE, CaseStep.NEW_WEIGHING},
    CaseState.CLOSED: frozenset(),
    CaseState.REFERRED_TO_BOARD: frozenset(),
}


def require(state: CaseState, step: CaseStep) -> None:
    if step not in ALLOWED[state]:
        raise StepNotAllowed()


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
