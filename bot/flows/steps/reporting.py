"""The melding at Veilig Thuis: what was reported, by whom, how, who knew beforehand; and the feedback."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date

from bot.flows.gate import CaseContext, act
from bot.flows.jobs import reminders
from bot.flows.ports import local_today
from bot.flows.rules import framework
from bot.flows.rules.access import Permission
from bot.flows.rules.process import CaseStep
from bot.flows.rules.validation import date_problems, raise_if, text_problems
from bot.flows.services import Services
from bot.flows.steps.weighing_rows import save_state, state_of
from bot.flows.vocabulary import (
    AgeBand,
    AuditAction,
    Informed,
    NoConsentReason,
    ReferenceIndex,
    ReminderKind,
    ReportChannel,
)
from storage import repositories as repo
from storage.models import Report

log = logging.getLogger(__name__)

# The five questions for reporting without the parents' knowledge (meldrecht zonder toestemming).
WITHOUT_CONSENT_FIELDS = (
    "consent_interests",  # does reporting serve the weighty interests at stake?
    "consent_alternative",  # is there another way, without breaking confidentiality?
    "consent_why_not",  # why could consent not be asked or obtained?
    "consent_balance",  # what weighs heavier?
    "consent_who_knows",  # who gets which information?
)


@dataclass(frozen=True)
class ReportForm:
    reported_on: date
    reported_by: str
    channel: ReportChannel
    own_facts: str
    parents_informed: Informed
    pupil_informed: Informed
    vt_reference: str = ""
    third_party_facts: str = ""
    no_consent_reason: NoConsentReason | None = None
    consent_interests: str = ""
    consent_alternative: str = ""
    consent_why_not: str = ""
    consent_balance: str = ""
    consent_who_knows: str = ""
    objections: str = ""
    reference_index: ReferenceIndex | None = None  # asked with every melding; None: not answered
    reference_index_reason: str = ""

    @property
    def without_knowledge(self) -> bool:
        return Informed.NO in (self.parents_informed, self.pupil_informed)


@dataclass(frozen=True)
class FeedbackForm:
    feedback_on: date
    feedback: str


@dataclass(frozen=True)
class ReportRecorded:
    case_id: int
    reference: str
    meldnorm: int


def validate_report(form: ReportForm, today: date, age_band: AgeBand | None) -> None:
    optional = ("vt_reference", "third_party_facts", "objections", *WITHOUT_CONSENT_FIELDS)
    problems = text_problems(form, ("own_facts", "reference_index_reason"), optional)
    if form.reference_index is None:
        problems["reference_index"] = "error_required"
    problems |= date_problems({"reported_on": form.reported_on}, today)
    if not form.reported_by:
        problems["reported_by"] = "error_required"
    if form.parents_informed is Informed.NOT_APPLICABLE:
        problems["parents_informed"] = "error_required"
    if form.pupil_informed is Informed.NOT_APPLICABLE and age_band is not AgeBand.UNDER_12:
        problems["pupil_informed"] = "error_pupil_from_12"
    if form.without_knowledge:
        if form.no_consent_reason is None:
            problems["no_consent_reason"] = "error_no_consent_reason"
        problems |= text_problems(form, WITHOUT_CONSENT_FIELDS)
    raise_if(problems)


def record_report(
    services: Services, user_id: str, case_id: int, form: ReportForm, submission_key: str
) -> ReportRecorded:
    today = local_today(services.clock).date()

    def work(ctx: CaseContext) -> ReportRecorded:
        earlier = ctx.earlier(Report, submission_key)
        if earlier is not None:
            return ReportRecorded(ctx.case.id, ctx.case.reference, earlier.meldnorm)
        ctx.require(CaseStep.REPORT)
        validate_report(form, today, AgeBand(ctx.case.age_band) if ctx.case.age_band else None)
        weighing = repo.current_weighing(ctx.session, ctx.case.id)
        assert weighing is not None and weighing.meldnorm is not None, "REPORT_DUE implies a weighing and a norm"
        answers = [getattr(form, f) for f in WITHOUT_CONSENT_FIELDS]
        report = Report(
            case_id=ctx.case.id,
            weighing_id=weighing.id,
            submission_key=submission_key,
            meldnorm=weighing.meldnorm,
            reported_on=form.reported_on,
            reported_by=form.reported_by,
            channel=form.channel,
            vt_reference=ctx.seal(Report, "vt_reference", form.vt_reference),
            own_facts=ctx.seal(Report, "own_facts", form.own_facts),
            third_party_facts=ctx.seal(Report, "third_party_facts", form.third_party_facts),
            parents_informed=form.parents_informed,
            pupil_informed=form.pupil_informed,
            no_consent_reason=form.no_consent_reason if form.without_knowledge else None,
            without_consent=ctx.seal(Report, "without_consent", json.dumps(answers))
            if form.without_knowledge
            else None,
            objections=ctx.seal(Report, "objections", form.objections),
            reference_index=form.reference_index,
            reference_index_reason=ctx.seal(Report, "reference_index_reason", form.reference_index_reason),
            recorded_by=user_id,
            recorded_at=services.clock.now(),
        )
        ctx.session.add(report)
        ctx.session.flush()
        ctx.record(
            AuditAction.REPORT_RECORDED,
            report_id=report.id,
            meldnorm=report.meldnorm,
            channel=str(form.channel),
            parents_informed=str(form.parents_informed),
            pupil_informed=str(form.pupil_informed),
            reference_index=str(form.reference_index),
        )
        save_state(ctx, weighing, framework.record_report(state_of(weighing)))
        policy = ctx.school.deadlines
        due = policy.after_working_days(form.reported_on, policy.feedback_working_days)
        reminders.schedule(ctx.session, services.clock, ctx.case, ReminderKind.FEEDBACK, due, report.id)
        log.info("case %s: melding recorded under meldnorm %s", ctx.case.reference, report.meldnorm)
        return ReportRecorded(ctx.case.id, ctx.case.reference, report.meldnorm)

    return act(services, user_id, case_id, Permission.DECIDE, work)


def validate_feedback(form: FeedbackForm, today: date) -> None:
    raise_if(text_problems(form, ("feedback",)) | date_problems({"feedback_on": form.feedback_on}, today))


def record_feedback(services: Services, user_id: str, case_id: int, form: FeedbackForm) -> ReportRecorded:
    """Veilig Thuis' decision on the latest melding (due within five working days)."""
    validate_feedback(form, local_today(services.clock).date())

    def work(ctx: CaseContext) -> ReportRecorded:
        reports = repo.reports_of(ctx.session, ctx.case.id)
        if reports and reports[-1].feedback is not None and reports[-1].feedback_by == user_id:
            return ReportRecorded(ctx.case.id, ctx.case.reference, reports[-1].meldnorm)  # a double submit
        ctx.require(CaseStep.FEEDBACK)  # refused unless a melding awaits feedback
        report = reports[-1]
        report.feedback_on, report.feedback_by = form.feedback_on, user_id
        report.feedback = ctx.seal(Report, "feedback", form.feedback)
        ctx.touch()
        ctx.record(AuditAction.FEEDBACK_RECORDED, report_id=report.id)
        reminders.end(ctx.session, services.clock, ctx.case.id, [ReminderKind.FEEDBACK], subject_id=report.id)
        return ReportRecorded(ctx.case.id, ctx.case.reference, report.meldnorm)

    return act(services, user_id, case_id, Permission.DECIDE, work)
