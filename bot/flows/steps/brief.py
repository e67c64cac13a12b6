"""Preparing a step: may this user take it now, and what does its form need to know?

Checked when a button is clicked, so nobody fills in a form that would be refused; checked
again by the step itself when the form comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.flows.gate import STEP_PERMISSION, CaseContext, act, answer_permission
from bot.flows.rules.framework import Answer, Consequence, WeighingState, question_due
from bot.flows.rules.process import CaseStep
from bot.flows.rules.social_map import NATIONAL, Contact, for_consultation, for_referral
from bot.flows.services import Services
from bot.flows.steps.weighing import check_answerable, help_term_ahead
from bot.flows.steps.weighing_rows import state_of
from bot.flows.vocabulary import AgeBand, CaseState, Role
from storage import repositories as repo


@dataclass(frozen=True)
class CaseBrief:
    case_id: int
    reference: str
    state: CaseState
    age_band: AgeBand | None
    weighing: WeighingState | None
    team: tuple[str, ...]  # the zorgteam members (the casemanager is named in the help plan)
    before_term: date | None = None  # the running help's term, while it lies ahead (question 5 early)
    consequence: Consequence | None = None  # for an answer: what it will set in motion
    with_veilig_thuis: bool = False  # the question is answered together with Veilig Thuis
    contacts: tuple[Contact, ...] = ()  # whom the school's sociale kaart offers: to consult, or to refer to


def prepare(
    services: Services,
    user_id: str,
    case_id: int,
    step: CaseStep,
    question: int | None = None,
    answer: Answer | None = None,
) -> CaseBrief:
    permission = answer_permission(question or 1) if step is CaseStep.ANSWER else STEP_PERMISSION[step]

    def work(ctx: CaseContext) -> CaseBrief:
        weighing = repo.current_weighing(ctx.session, ctx.case.id)
        if step is CaseStep.ANSWER:
            check_answerable(ctx, weighing, question or 0, answer)
        else:
            ctx.require(step)
        team = tuple(m.user_id for m in repo.team_of(ctx.session, ctx.case.id) if m.role == Role.TEAM_MEMBER)
        state = state_of(weighing) if weighing else None
        due = question_due(state, weighing.framework_version if weighing else None, weighing.round if weighing else 1)
        return CaseBrief(
            ctx.case.id,
            ctx.case.reference,
            ctx.state,
            AgeBand(ctx.case.age_band) if ctx.case.age_band else None,
            state,
            team,
            help_term_ahead(ctx),
            due.consequence_of(answer) if due is not None and answer is not None else None,
            state.with_veilig_thuis if state is not None else False,
            _contacts(services, ctx.case.school_id, step),
        )

    return act(services, user_id, case_id, permission, work, read_only=True)


def _contacts(services: Services, school_id: str, step: CaseStep) -> tuple[Contact, ...]:
    """The part of the school's sociale kaart a step's form shows: whom to consult (step 2), where to
    refer a family (the help plan); none for other steps."""
    pick = {CaseStep.CONSULT: for_consultation, CaseStep.HELP_PLAN: for_referral}.get(step)
    school = services.directory.school(school_id)
    return pick(school.social_map if school else NATIONAL) if pick else ()
