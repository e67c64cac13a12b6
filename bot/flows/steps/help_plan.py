"""Question 4 yes: the help plan, with its term, its casemanager and who does what."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from bot.flows import notices
from bot.flows.gate import CaseContext, act
from bot.flows.jobs import reminders
from bot.flows.ports import local_today
from bot.flows.rules import framework
from bot.flows.rules.access import Permission
from bot.flows.rules.process import CaseStep
from bot.flows.rules.validation import raise_if, text_problems
from bot.flows.services import Services
from bot.flows.steps.weighing_rows import save_state, state_of
from bot.flows.vocabulary import AuditAction, NoticeKind, ReminderKind, ReminderState, Role
from storage import repositories as repo
from storage.models import HelpPlan, TeamMember

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HelpPlanForm:
    term: date  # the date by which the help must show effect; question 5 is answered then
    casemanager_id: str
    tasks: str  # who does what
    agreements: str  # agreements with the parents
    referral: str = ""  # the organisation the family is referred to, if any


@dataclass(frozen=True)
class HelpPlanRecorded:
    case_id: int
    reference: str
    term: date


def validate_help_plan(form: HelpPlanForm, today: date) -> None:
    problems = text_problems(form, ("tasks", "agreements"), ("referral",))
    if form.term <= today:
        problems["term"] = "error_term_in_future"
    if not form.casemanager_id:
        problems["casemanager_id"] = "error_required"
    raise_if(problems)


def record_help_plan(
    services: Services, user_id: str, case_id: int, form: HelpPlanForm, submission_key: str
) -> HelpPlanRecorded:
    validate_help_plan(form, local_today(services.clock).date())

    def work(ctx: CaseContext) -> HelpPlanRecorded:
        earlier = ctx.earlier(HelpPlan, submission_key)
        if earlier is not None:
            return HelpPlanRecorded(ctx.case.id, ctx.case.reference, earlier.term)
        ctx.require(CaseStep.HELP_PLAN)
        weighing = repo.current_weighing(ctx.session, ctx.case.id)
        assert weighing is not None, "HELP_PLAN_DUE implies a weighing"
        now = services.clock.now()
        plan = HelpPlan(
            case_id=ctx.case.id,
            weighing_id=weighing.id,
            submission_key=submission_key,
            term=form.term,
            casemanager_id=form.casemanager_id,
            tasks=ctx.seal(HelpPlan, "tasks", form.tasks),
            referral=ctx.seal(HelpPlan, "referral", form.referral),
            agreements=ctx.seal(HelpPlan, "agreements", form.agreements),
            recorded_by=user_id,
            recorded_at=now,
        )
        ctx.session.add(plan)
        ctx.session.flush()
        ctx.record(
            AuditAction.HELP_PLAN_RECORDED,
            help_plan_id=plan.id,
            term=form.term.isoformat(),
            casemanager_id=form.casemanager_id,
            referral=bool(form.referral.strip()),
        )
        _appoint_casemanager(ctx, plan)
        _schedule_reminders(ctx, plan, bool(form.referral.strip()))
        save_state(ctx, weighing, framework.record_help_plan(state_of(weighing)))
        log.info("case %s: help plan %s recorded", ctx.case.reference, plan.id)
        return HelpPlanRecorded(ctx.case.id, ctx.case.reference, plan.term)

    return act(services, user_id, case_id, Permission.DECIDE, work)


def _appoint_casemanager(ctx: CaseContext, plan: HelpPlan) -> None:
    """The casemanager gets access to this case (and question 5), and a DM that says so."""
    now, casemanager_id = ctx.services.clock.now(), plan.casemanager_id
    membership = ctx.session.get(TeamMember, (ctx.case.id, casemanager_id))
    if membership is None:
        ctx.session.add(
            TeamMember(
                case_id=ctx.case.id, user_id=casemanager_id, role=Role.CASEMANAGER, added_by=ctx.user_id, added_at=now
            )
        )
    else:
        membership.role = Role.CASEMANAGER
    ctx.record(AuditAction.TEAM_MEMBER_ADDED, member_id=casemanager_id, role=str(Role.CASEMANAGER))
    if casemanager_id != ctx.user_id:
        notices.enqueue(
            ctx.session,
            now,
            NoticeKind.TEAM_ADDED,
            [casemanager_id],
            cause=f"help-plan-{plan.id}",
            case=ctx.case,
            role=str(Role.CASEMANAGER),
        )


def _schedule_reminders(ctx: CaseContext, plan: HelpPlan, referred: bool) -> None:
    """Evaluate at the term (question 5); check after one to two weeks that the family went to the help."""
    clock, policy = ctx.services.clock, ctx.school.deadlines
    # A newer plan takes over from an earlier one: only its own term counts.
    reminders.end(
        ctx.session, clock, ctx.case.id, [ReminderKind.EVALUATION, ReminderKind.REFERRAL], state=ReminderState.CANCELLED
    )
    reminders.schedule(ctx.session, clock, ctx.case, ReminderKind.EVALUATION, policy.on(plan.term), plan.id)
    if referred:
        due = policy.after_days(local_today(clock).date(), policy.referral_check_days)
        reminders.schedule(ctx.session, clock, ctx.case, ReminderKind.REFERRAL, due, plan.id)
