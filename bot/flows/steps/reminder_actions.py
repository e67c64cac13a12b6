"""What a person does from a reminder: "not yet", "remind me on …", "the family went to the help".

Each goes through `casework.act` with the permission the reminder's own step needs, so a
forwarded reminder gives its new reader nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

from bot.flows.errors import CaseNotFound, ReminderSettled, StepNotAllowed
from bot.flows.gate import CaseContext, act
from bot.flows.jobs import reminders
from bot.flows.ports import local_today
from bot.flows.rules.validation import raise_if, text_problems
from bot.flows.services import Services
from bot.flows.steps.dossier import opener
from bot.flows.vocabulary import AgeBand, AuditAction, FollowUp, ReminderKind, ReminderState
from storage.models import HelpPlan, Reminder, ReminderPostponement

T = TypeVar("T")

MAX_POSTPONE = timedelta(days=366)
# "Not yet" fits the reminders that wait on someone outside the school.
RECHECKABLE = frozenset({ReminderKind.FEEDBACK, ReminderKind.REFERRAL})


@dataclass(frozen=True)
class PostponeForm:
    until: date
    postpone_reason: str


@dataclass(frozen=True)
class Rescheduled:
    case_id: int
    reference: str
    due_at: datetime  # when it comes again, after "not yet" or "remind me on …"


def validate_postpone(form: PostponeForm, today: date) -> None:
    problems = text_problems(form, ("postpone_reason",))
    if not today < form.until <= today + MAX_POSTPONE:
        problems["until"] = "error_postpone_date"
    raise_if(problems)


def _on_reminder(
    services: Services,
    user_id: str,
    reminder_id: int,
    work: Callable[[CaseContext, Reminder], T],
    *,
    read_only: bool = False,
) -> T:
    """Run `work` on an open reminder, as the user the reminder's step allows."""

    def find() -> tuple[int, ReminderKind]:
        with services.db.reading() as session:
            found = session.get(Reminder, reminder_id)
            if found is None:
                raise CaseNotFound(user_id, "reminder", reason="no_such_reminder")
            return found.case_id, ReminderKind(found.kind)

    case_id, kind = services.perform(find)

    def locked(ctx: CaseContext) -> T:
        row = ctx.session.get(Reminder, reminder_id, populate_existing=True)
        assert row is not None and row.case_id == ctx.case.id
        if row.state not in (ReminderState.SCHEDULED, ReminderState.WAITING):
            raise ReminderSettled()
        return work(ctx, row)

    return act(services, user_id, case_id, reminders.PERMISSION[kind], locked, read_only=read_only)


def _rescheduled(ctx: CaseContext, row: Reminder) -> Rescheduled:
    return Rescheduled(ctx.case.id, ctx.case.reference, row.due_at)


def postpone(
    services: Services, user_id: str, reminder_id: int, form: PostponeForm, submission_key: str
) -> Rescheduled:
    """ "Remind me on …": the reminder comes back on that school morning; the reason is kept."""
    validate_postpone(form, local_today(services.clock).date())

    def work(ctx: CaseContext, row: Reminder) -> Rescheduled:
        if ctx.earlier(ReminderPostponement, submission_key) is None:
            ctx.session.add(
                ReminderPostponement(
                    reminder_id=row.id,
                    submission_key=submission_key,
                    until=form.until,
                    reason=ctx.seal(ReminderPostponement, "reason", form.postpone_reason),
                    postponed_by=user_id,
                    postponed_at=services.clock.now(),
                )
            )
            kind, due = ReminderKind(row.kind), ctx.school.deadlines.on(form.until)
            reminders.schedule(ctx.session, services.clock, ctx.case, kind, due, row.subject_id)
            ctx.record(AuditAction.REMINDER_POSTPONED, reminder=str(kind), until=due.isoformat())
        return _rescheduled(ctx, row)

    return _on_reminder(services, user_id, reminder_id, work)


def not_yet(services: Services, user_id: str, reminder_id: int) -> Rescheduled:
    """Veilig Thuis has not fed back yet, or the family has not started: ask again in a few working days."""

    def work(ctx: CaseContext, row: Reminder) -> Rescheduled:
        kind = ReminderKind(row.kind)
        if kind not in RECHECKABLE:
            raise StepNotAllowed()
        policy = ctx.school.deadlines
        due = policy.after_working_days(local_today(services.clock).date(), policy.recheck_working_days)
        if not (row.state == ReminderState.SCHEDULED and row.due_at == due):  # a double click changes nothing
            reminders.schedule(ctx.session, services.clock, ctx.case, kind, due, row.subject_id)
            ctx.record(AuditAction.REMINDER_NOT_YET, reminder=str(kind), until=due.isoformat())
        return _rescheduled(ctx, row)

    return _on_reminder(services, user_id, reminder_id, work)


def confirm_referral(services: Services, user_id: str, reminder_id: int) -> Rescheduled:
    """The family went to the help it was referred to: recorded on the help plan, reminder done."""

    def work(ctx: CaseContext, row: Reminder) -> Rescheduled:
        if row.kind != ReminderKind.REFERRAL:
            raise StepNotAllowed()
        plan = ctx.session.get(HelpPlan, row.subject_id)
        assert plan is not None
        plan.referral_confirmed_by, plan.referral_confirmed_at = user_id, services.clock.now()
        reminders.end(ctx.session, services.clock, ctx.case.id, [ReminderKind.REFERRAL], subject_id=plan.id)
        ctx.touch()
        ctx.record(AuditAction.REFERRAL_CONFIRMED, help_plan_id=plan.id)
        return _rescheduled(ctx, row)

    return _on_reminder(services, user_id, reminder_id, work)


@dataclass(frozen=True)
class PupilAgain:
    """Nazorg found new worries: the school and pupil a new signal is registered for (for its form)."""

    school_id: str
    case_id: int
    reference: str
    pupil_name: str
    pupil_group: str
    age_band: AgeBand | None


def _followed_up(ctx: CaseContext, row: Reminder, outcome: FollowUp) -> None:
    if row.kind != ReminderKind.FOLLOW_UP:
        raise StepNotAllowed()
    reminders.end(ctx.session, ctx.services.clock, ctx.case.id, [ReminderKind.FOLLOW_UP])
    ctx.record(AuditAction.FOLLOW_UP_RECORDED, outcome=str(outcome))


def follow_up_good(services: Services, user_id: str, reminder_id: int) -> Rescheduled:
    """Nazorg: the child is doing well; the follow-up ends."""

    def work(ctx: CaseContext, row: Reminder) -> Rescheduled:
        _followed_up(ctx, row, FollowUp.GOOD)
        return _rescheduled(ctx, row)

    return _on_reminder(services, user_id, reminder_id, work)


def follow_up_signal(services: Services, user_id: str, reminder_id: int) -> PupilAgain:
    """Nazorg: worries again. The follow-up ends and the pupil is named for a new signal, which
    registers a new case (the old one stays closed) and so a new weighing."""

    def work(ctx: CaseContext, row: Reminder) -> PupilAgain:
        _followed_up(ctx, row, FollowUp.NEW_SIGNAL)
        case, field = ctx.case, opener(services.cipher, ctx.case)
        age = AgeBand(case.age_band) if case.age_band else None
        return PupilAgain(case.school_id, case.id, case.reference, field("pupil_name"), field("pupil_group"), age)

    return _on_reminder(services, user_id, reminder_id, work)


@dataclass(frozen=True)
class ReminderBrief:
    reminder_id: int
    reference: str
    kind: ReminderKind


def brief(services: Services, user_id: str, reminder_id: int) -> ReminderBrief:
    """What the "remind me on …" form shows, for a user who may postpone this reminder."""
    return _on_reminder(
        services,
        user_id,
        reminder_id,
        lambda ctx, row: ReminderBrief(row.id, ctx.case.reference, ReminderKind(row.kind)),
        read_only=True,
    )
