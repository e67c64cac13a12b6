"""Closing a case: the reason, the monitoring agreements, and a word to the reporter (no details)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

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
from bot.flows.vocabulary import AuditAction, CaseState, CloseReason, NoticeKind, ReminderKind
from storage import repositories as repo
from storage.models import Case

log = logging.getLogger(__name__)


# Nazorg: the follow-up date lies ahead, within a year.
MAX_FOLLOW_UP = timedelta(days=366)


@dataclass(frozen=True)
class CloseForm:
    close_note: str  # why it can close: what Veilig Thuis took on
    monitoring: str  # how the school keeps following the child after the melding
    follow_up: date | None = None  # nazorg: when the coordinator is asked how the child is doing


@dataclass(frozen=True)
class Closed:
    case_id: int
    reference: str


def follow_up_problems(follow_up: date | None, today: date, *, required: bool) -> dict[str, str]:
    """The nazorg date: asked with every closing that has monitoring agreements, optional otherwise."""
    if follow_up is None:
        return {"follow_up": "error_required"} if required else {}
    if not today < follow_up <= today + MAX_FOLLOW_UP:
        return {"follow_up": "error_follow_up_date"}
    return {}


def close(
    ctx: CaseContext, reason: CloseReason, *, note: str = "", monitoring: str = "", follow_up: date | None = None
) -> None:
    """Close the case in the caller's transaction; every way a case ends goes through here. With a
    follow-up date, the nazorg reminder asks the coordinator on that school morning how it goes."""
    case = ctx.case
    now = ctx.services.clock.now()
    case.state, case.closed_at, case.close_reason = CaseState.CLOSED, now, reason
    case.close_note = ctx.seal(Case, "close_note", note)
    case.monitoring = ctx.seal(Case, "monitoring", monitoring)
    ctx.touch()
    ctx.record(AuditAction.CASE_CLOSED, reason=str(reason))
    reminders.end_all(ctx.session, ctx.services.clock, case.id)
    if follow_up is not None:
        due = ctx.school.deadlines.on(follow_up)
        reminders.schedule(ctx.session, ctx.services.clock, case, ReminderKind.FOLLOW_UP, due)
    notices.enqueue(ctx.session, now, NoticeKind.CASE_CLOSED, [case.reporter_id], cause="closed", case=case)
    log.info("case %s closed (%s)", case.reference, reason)


def validate_close(form: CloseForm, today: date) -> None:
    raise_if(
        text_problems(form, ("close_note", "monitoring")) | follow_up_problems(form.follow_up, today, required=True)
    )


def close_case(services: Services, user_id: str, case_id: int, form: CloseForm) -> Closed:
    """Handed over after a melding, once Veilig Thuis' feedback is in: what Veilig Thuis took on,
    and how the school keeps following the child. A weighing still open with Veilig Thuis ends."""
    validate_close(form, local_today(services.clock).date())

    def work(ctx: CaseContext) -> Closed:
        if ctx.state is not CaseState.CLOSED:  # a double submit finds it closed already
            ctx.require(CaseStep.CLOSE)
            weighing = repo.current_weighing(ctx.session, ctx.case.id)
            assert weighing is not None, "closing after a melding implies its weighing"
            if not weighing.finished_at:
                save_state(ctx, weighing, framework.hand_over(state_of(weighing)))
            close(
                ctx, CloseReason.HANDED_OVER, note=form.close_note, monitoring=form.monitoring, follow_up=form.follow_up
            )
        return Closed(ctx.case.id, ctx.case.reference)

    return act(services, user_id, case_id, Permission.DECIDE, work)
