"""A weighing's state as its row stores it: read into the framework's state machine, and written back."""

from __future__ import annotations

from bot.flows.gate import CaseContext
from bot.flows.rules import framework, process
from bot.flows.rules.framework import OutcomeKind, WeighingState
from storage.models import Weighing


def state_of(weighing: Weighing) -> WeighingState:
    return WeighingState(
        stage=framework.Stage(weighing.stage),
        question=weighing.question,
        meldnorm=weighing.meldnorm,
        reported=weighing.reported,
        with_veilig_thuis=weighing.with_veilig_thuis,
        help_running=weighing.help_running,
        outcome=OutcomeKind(weighing.outcome) if weighing.outcome else None,
    )


def save_state(ctx: CaseContext, weighing: Weighing, state: WeighingState) -> None:
    """Store the weighing's new state and move the case to the state it implies."""
    weighing.stage, weighing.question, weighing.meldnorm = state.stage, state.question, state.meldnorm
    weighing.reported, weighing.with_veilig_thuis = state.reported, state.with_veilig_thuis
    weighing.help_running, weighing.outcome = state.help_running, state.outcome
    if state.finished:
        weighing.finished_at = ctx.services.clock.now()
    ctx.case.state = process.state_after(state)
    ctx.touch()


def framework_of(weighing: Weighing) -> framework.Framework:
    return framework.FRAMEWORKS[weighing.framework_version]
