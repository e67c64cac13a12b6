"""Opening a case: the full dossier for those who may see it, the status for its reporter."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from bot.flows import audit
from bot.flows.errors import CaseNotFound
from bot.flows.gate import CaseAccess, access_to, permitted_steps, refused
from bot.flows.rules.access import Permission, schools_where
from bot.flows.rules.directory import School
from bot.flows.rules.framework import Answer, QuestionDue, WeighingState, question_due
from bot.flows.rules.process import CaseStep, Missing
from bot.flows.services import Services
from bot.flows.situation import situation_of
from bot.flows.steps.weighing_rows import state_of
from bot.flows.vocabulary import (
    AgeBand,
    AuditAction,
    CaseState,
    CloseReason,
    Consent,
    ConsultationKind,
    ConversationWith,
    DossierPart,
    Informed,
    NoConsentReason,
    ReferenceIndex,
    ReminderKind,
    ReminderState,
    ReportChannel,
    Route,
    SignalCategory,
    SignalSource,
    SkipReason,
)
from storage import repositories as repo
from storage.crypto import FieldCipher
from storage.models import (
    AuditEvent,
    Base,
    Case,
    Consultation,
    Conversation,
    HelpPlan,
    Kindcheck,
    Reminder,
    Report,
    Signal,
    Weighing,
    WeighingAnswer,
    purpose,
)

# Looking is recorded in the audit trail, but it is not part of the case's own story.
NOT_IN_TIMELINE = (AuditAction.DOSSIER_VIEWED, AuditAction.STATUS_VIEWED, AuditAction.ACCESS_REFUSED)


@dataclass(frozen=True)
class SignalView:
    observed_on: date
    observed: str
    location: str
    source: SignalSource
    source_detail: str
    categories: tuple[SignalCategory, ...]
    counter_facts: str
    acute: bool
    reporter_id: str
    recorded_at: datetime
    origin: str | None = None  # "consent_refused": recorded from a conversation


@dataclass(frozen=True)
class ConsultationView:
    kind: ConsultationKind
    colleague_id: str | None
    other_role: str
    held_on: date
    outcome: str
    special_form: bool
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class ConversationView:
    with_whom: ConversationWith | None  # None when skipped
    held_on: date | None
    participants: str
    shared: str
    reaction: str
    agreements: str
    consent: Consent | None
    household: str
    skip_reason: SkipReason | None
    skip_note: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class AnswerView:
    question: int
    answer: Answer
    rationale: str
    framework_version: str
    with_veilig_thuis: bool
    answered_by: str
    answered_at: datetime


@dataclass(frozen=True)
class WeighingView:
    round: int
    framework_version: str
    state: WeighingState
    answers: tuple[AnswerView, ...]
    started_at: datetime


@dataclass(frozen=True)
class ReportView:
    meldnorm: int
    reported_on: date
    reported_by: str
    channel: ReportChannel
    vt_reference: str
    own_facts: str
    third_party_facts: str
    parents_informed: Informed
    pupil_informed: Informed
    no_consent_reason: NoConsentReason | None
    without_consent: tuple[str, ...]
    objections: str
    recorded_by: str
    recorded_at: datetime
    feedback_on: date | None
    reference_index: ReferenceIndex | None
    reference_index_reason: str
    feedback: str


@dataclass(frozen=True)
class KindcheckView:
    children: str
    carers: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class HelpPlanView:
    term: date
    casemanager_id: str
    tasks: str
    referral: str
    agreements: str
    recorded_by: str
    recorded_at: datetime
    referral_confirmed_by: str | None = None
    referral_confirmed_at: datetime | None = None


@dataclass(frozen=True)
class PostponementView:
    until: date
    reason: str
    postponed_by: str
    postponed_at: datetime


@dataclass(frozen=True)
class ReminderView:
    kind: ReminderKind
    state: ReminderState
    level: int
    due_at: datetime
    next_at: datetime | None
    sent_count: int
    postponements: tuple[PostponementView, ...]


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    actor_id: str
    action: AuditAction
    detail: dict[str, Any]


@dataclass(frozen=True)
class Closing:
    reason: CloseReason
    closed_at: datetime
    note: str
    monitoring: str


@dataclass(frozen=True)
class CaseHeader:
    """What every view of a dossier shows first: the case, the school, the pupil."""

    case_id: int
    reference: str
    school_name: str
    route: Route
    state: CaseState
    acute: bool
    reporter_id: str
    created_at: datetime
    pupil_name: str
    pupil_group: str
    age_band: AgeBand | None
    coordinator_id: str | None


@dataclass(frozen=True)
class DossierView(CaseHeader):
    """The whole dossier, every part decrypted: what an export prints."""

    signals: tuple[SignalView, ...]
    consultations: tuple[ConsultationView, ...] = ()
    conversations: tuple[ConversationView, ...] = ()
    team: tuple[tuple[str, str], ...] = ()  # (user id, role)
    weighings: tuple[WeighingView, ...] = ()
    reports: tuple[ReportView, ...] = ()
    help_plans: tuple[HelpPlanView, ...] = ()
    kindchecks: tuple[KindcheckView, ...] = ()
    closing: Closing | None = None
    timeline: tuple[TimelineEntry, ...] = ()
    reminders: tuple[ReminderView, ...] = ()


@dataclass(frozen=True)
class StatusView:
    """What a reporter sees of their own case: no details that others added."""

    reference: str
    state: CaseState
    created_at: datetime
    purged_at: datetime | None = None  # the retention period ended: nothing else is left


@dataclass(frozen=True)
class CaseSummary:
    case_id: int
    reference: str
    state: CaseState
    acute: bool
    created_at: datetime
    coordinator_id: str | None = None


@dataclass(frozen=True)
class UpcomingReminder:
    kind: ReminderKind
    at: datetime


@dataclass(frozen=True)
class CaseOverview(CaseHeader):
    """What the case view shows first, read on its own: the case, the step now due, the next
    reminder, the newest events and signals, and how much each part of the dossier holds."""

    steps: tuple[CaseStep, ...]  # what the viewer can do now, in order
    may_export: bool  # the viewer may make a PDF of it (the dossier, or at least the access report)
    missing: tuple[Missing, ...]  # what steps 2 and 3 still owe question 1
    counts: dict[DossierPart, int]
    answers: int  # afwegingskader answers over every weighing
    weighing: WeighingView | None  # the weighing now running, or the last one
    question: QuestionDue | None  # the question of the afwegingskader asked now, if one is
    help_plan: HelpPlanView | None  # the newest
    report: ReportView | None  # the newest
    closing: Closing | None
    next_reminder: UpcomingReminder | None
    recent_events: tuple[TimelineEntry, ...]  # newest first
    newest_signals: tuple[tuple[int, SignalView], ...]  # (number, signal), newest first
    special_form: bool  # a consultation found a special form of violence
    disclosed: bool  # a signal says the child told it themselves (meldnorm 1 at question 2)
    kindcheck: KindcheckView | None = None  # the newest: what the case knows of the other children


@dataclass(frozen=True)
class DossierPage:
    """Some items of one part of the dossier, newest first, as the database paged them."""

    case_id: int
    reference: str
    part: DossierPart
    offset: int  # how many newer items come before the first one here
    total: int
    items: tuple[Any, ...]  # SignalView numbered as (number, view), the others as their views


# The overview reads this many of the newest signals and events; the view shows what fits.
OVERVIEW_SIGNALS = 8
OVERVIEW_EVENTS = 5


def open_case(services: Services, user_id: str, case_id: int) -> CaseOverview | StatusView:
    """The case's overview for those who may read the dossier; the status for its reporter."""

    def read(session: Session, case: Case, school: School, access: CaseAccess) -> CaseOverview | StatusView:
        if access.allows(Permission.VIEW_DOSSIER):
            return _overview(session, services.cipher, case, school.name, access)
        if access.allows(Permission.VIEW_STATUS):
            return StatusView(case.reference, CaseState(case.state), case.created_at, case.purged_at)
        raise refused(user_id, case, Permission.VIEW_DOSSIER)

    def audited(view: CaseOverview | StatusView) -> tuple[AuditAction, dict[str, object]]:
        return (AuditAction.DOSSIER_VIEWED if isinstance(view, CaseOverview) else AuditAction.STATUS_VIEWED), {}

    return _looked_at(services, user_id, case_id, read, audited)


def open_part(
    services: Services, user_id: str, case_id: int, part: DossierPart, offset: int, limit: int
) -> DossierPage:
    """Up to `limit` items of one part of the dossier, the `offset` newest skipped: for those who may read it."""

    def read(session: Session, case: Case, school: School, access: CaseAccess) -> DossierPage:
        if not access.allows(Permission.VIEW_DOSSIER):
            raise refused(user_id, case, Permission.VIEW_DOSSIER)
        counts = repo.case_counts(session, case.id, NOT_IN_TIMELINE)
        total = _count_of(counts, part)
        items = _PAGES[part](session, services.cipher, case.id, offset, limit, total)
        return DossierPage(case.id, case.reference, part, offset, total, tuple(items))

    return _looked_at(services, user_id, case_id, read, lambda _: (AuditAction.DOSSIER_VIEWED, {"section": part.value}))


V = TypeVar("V")


def _looked_at(
    services: Services,
    user_id: str,
    case_id: int,
    read: Callable[[Session, Case, School, CaseAccess], V],
    audited: Callable[[V], tuple[AuditAction, dict[str, object]]],
) -> V:
    """Read what a user opens without the write lock (clicks never queue behind a writer), then put
    the look on the audit trail in a short write of its own; nothing is shown before that is done."""

    def work() -> V:
        with services.db.reading() as session:
            case = repo.get_case(session, case_id)
            if case is None:
                raise CaseNotFound(user_id, str(Permission.VIEW_DOSSIER), reason="no_such_case")
            school = services.directory.school(case.school_id)
            if school is None:
                raise refused(user_id, case, Permission.VIEW_DOSSIER)
            view = read(session, case, school, access_to(session, services, user_id, case))
            school_id = case.school_id
        action, detail = audited(view)
        with services.db.transaction() as session:
            audit.record(session, services.clock, user_id, action, school_id=school_id, case_id=case_id, **detail)
        return view

    return services.perform(work)


def _overview(session: Session, cipher: FieldCipher, case: Case, school_name: str, access: CaseAccess) -> CaseOverview:
    situation = situation_of(session, case)
    weighing = repo.current_weighing(session, case.id)
    counts = repo.case_counts(session, case.id, NOT_IN_TIMELINE)
    signals = repo.newest_of(session, Signal, case.id, 0, OVERVIEW_SIGNALS)
    upcoming = repo.next_reminder(session, case.id)
    state = CaseState(case.state)
    help_plan = repo.latest_help_plan(session, case.id) if state is CaseState.HELP_RUNNING else None
    report = repo.latest_report(session, case.id) if state is CaseState.REPORTED else None
    asks_question_2 = weighing is not None and state_of(weighing).question == 2
    return CaseOverview(
        **_header(cipher, case, school_name),
        steps=tuple(permitted_steps(access.roles, situation, weighing.question if weighing else 1)),
        may_export=access.allows(Permission.EXPORT) or access.allows(Permission.ACCESS_REPORT),
        missing=situation.missing,
        counts={part: _count_of(counts, part) for part in DossierPart},
        answers=counts.answers,
        weighing=_weighing(cipher, weighing) if weighing is not None else None,
        question=question_due(
            state_of(weighing) if weighing else None,
            weighing.framework_version if weighing else None,
            weighing.round if weighing else 1,
        ),
        help_plan=_help_plan(cipher, help_plan) if help_plan is not None else None,
        report=_report(cipher, report) if report is not None else None,
        closing=_closing(cipher, case),
        next_reminder=UpcomingReminder(ReminderKind(upcoming.kind), upcoming.next_at)
        if upcoming is not None and upcoming.next_at is not None
        else None,
        recent_events=tuple(
            _event(e) for e in repo.newest_events(session, case.id, NOT_IN_TIMELINE, 0, OVERVIEW_EVENTS)
        ),
        newest_signals=tuple((counts.signals - n, _signal(cipher, s)) for n, s in enumerate(signals)),
        special_form=counts.special_forms > 0,
        disclosed=asks_question_2
        and any(SignalCategory.DISCLOSURE in categories for categories in repo.signal_categories(session, case.id)),
        kindcheck=next((_kindcheck(cipher, k) for k in reversed(repo.kindchecks_of(session, case.id))), None),
    )


def _header(cipher: FieldCipher, case: Case, school_name: str) -> dict[str, Any]:
    """The fields of CaseHeader, the pupil decrypted."""
    field = opener(cipher, case)
    return {
        "case_id": case.id,
        "reference": case.reference,
        "school_name": school_name,
        "route": Route(case.route),
        "state": CaseState(case.state),
        "acute": case.acute,
        "reporter_id": case.reporter_id,
        "created_at": case.created_at,
        "pupil_name": field("pupil_name"),
        "pupil_group": field("pupil_group"),
        "age_band": AgeBand(case.age_band) if case.age_band else None,
        "coordinator_id": case.coordinator_id,
    }


def _count_of(counts: repo.CaseCounts, part: DossierPart) -> int:
    return int(getattr(counts, "events" if part is DossierPart.TIMELINE else part.value))


def _closing(cipher: FieldCipher, case: Case) -> Closing | None:
    if case.closed_at is None or not case.close_reason:
        return None
    field = opener(cipher, case)
    return Closing(CloseReason(case.close_reason), case.closed_at, field("close_note"), field("monitoring"))


def _event(row: AuditEvent) -> TimelineEntry:
    return TimelineEntry(row.at, row.actor_id, AuditAction(row.action), dict(row.detail))


Page = Callable[[Session, FieldCipher, int, int, int, int], list[Any]]  # (session, cipher, case, offset, limit, total)


def _rows_of(model: type[Base], draw: Callable[[FieldCipher, Any], Any]) -> Page:
    def page(session: Session, cipher: FieldCipher, case_id: int, offset: int, limit: int, total: int) -> list[Any]:
        return [draw(cipher, row) for row in repo.newest_of(session, model, case_id, offset, limit)]

    return page


def _signal_page(session: Session, cipher: FieldCipher, case_id: int, offset: int, limit: int, total: int) -> list[Any]:
    rows = repo.newest_of(session, Signal, case_id, offset, limit)
    return [(total - offset - n, _signal(cipher, row)) for n, row in enumerate(rows)]


def _weighing_page(
    session: Session, cipher: FieldCipher, case_id: int, offset: int, limit: int, total: int
) -> list[Any]:
    return [_weighing(cipher, row) for row in repo.newest_weighings(session, case_id, offset, limit)]


def _timeline_page(
    session: Session, cipher: FieldCipher, case_id: int, offset: int, limit: int, total: int
) -> list[Any]:
    return [_event(row) for row in repo.newest_events(session, case_id, NOT_IN_TIMELINE, offset, limit)]


def _reminder_page(
    session: Session, cipher: FieldCipher, case_id: int, offset: int, limit: int, total: int
) -> list[Any]:
    return list(_reminder_views(session, cipher, repo.newest_of(session, Reminder, case_id, offset, limit)))


@dataclass(frozen=True)
class CasePage:
    """Some cases of a list, newest first, and how many the list holds."""

    cases: tuple[CaseSummary, ...]
    offset: int
    total: int


def reported_for_home(services: Services, user_id: str, *, offset: int = 0) -> CasePage:
    """A page of the cases this user reported (status only), at schools where they are still staff."""
    staff_at = [s.id for s in schools_where(services.directory, user_id, Permission.REGISTER)]
    with services.db.reading() as session:
        rows, total = repo.cases_reported_by(session, user_id, staff_at, offset, REPORTED_PER_PAGE)
    return CasePage(tuple(_summary(c) for c in rows), offset, total)


REPORTED_PER_PAGE = 10


def _summary(case: Case) -> CaseSummary:
    return CaseSummary(case.id, case.reference, CaseState(case.state), case.acute, case.created_at, case.coordinator_id)


def opener(cipher: FieldCipher, row: Base) -> Callable[[str], str]:
    """Reads a sealed column of this row as text ('' when empty)."""

    def field(name: str) -> str:
        value = getattr(row, name)
        return cipher.open(value, purpose(type(row), name)) if value else ""

    return field


def read_dossier(session: Session, cipher: FieldCipher, case: Case, school_name: str) -> DossierView:
    return DossierView(
        **_header(cipher, case, school_name),
        signals=tuple(_signal(cipher, s) for s in case.signals),
        consultations=tuple(_consultation(cipher, c) for c in repo.consultations_of(session, case.id)),
        conversations=tuple(_conversation(cipher, c) for c in repo.conversations_of(session, case.id)),
        team=tuple((m.user_id, m.role) for m in repo.team_of(session, case.id)),
        weighings=tuple(_weighing(cipher, w) for w in repo.weighings_of(session, case.id)),
        reports=tuple(_report(cipher, r) for r in repo.reports_of(session, case.id)),
        help_plans=tuple(_help_plan(cipher, p) for p in repo.help_plans_of(session, case.id)),
        kindchecks=tuple(_kindcheck(cipher, k) for k in repo.kindchecks_of(session, case.id)),
        closing=_closing(cipher, case),
        timeline=tuple(_event(e) for e in repo.case_events(session, case.id, NOT_IN_TIMELINE)),
        reminders=_reminder_views(session, cipher, repo.reminders_of(session, case.id)),
    )


def _reminder_views(session: Session, cipher: FieldCipher, rows: list[Reminder]) -> tuple[ReminderView, ...]:
    postponed: dict[int, list[PostponementView]] = {}
    for item in repo.postponements_of(session, [r.id for r in rows]):
        reason = opener(cipher, item)("reason")
        view = PostponementView(item.until, reason, item.postponed_by, item.postponed_at)
        postponed.setdefault(item.reminder_id, []).append(view)
    return tuple(
        ReminderView(
            ReminderKind(r.kind),
            ReminderState(r.state),
            r.level,
            r.due_at,
            r.next_at,
            r.sent_count,
            tuple(postponed.get(r.id, ())),
        )
        for r in rows
    )


def _signal(cipher: FieldCipher, signal: Signal) -> SignalView:
    field = opener(cipher, signal)
    return SignalView(
        observed_on=signal.observed_on,
        observed=field("observed"),
        location=field("location"),
        source=SignalSource(signal.source),
        source_detail=field("source_detail"),
        categories=tuple(SignalCategory(c) for c in signal.categories),
        counter_facts=field("counter_facts"),
        acute=signal.acute,
        reporter_id=signal.reporter_id,
        recorded_at=signal.created_at,
        origin=signal.origin,
    )


def _consultation(cipher: FieldCipher, row: Consultation) -> ConsultationView:
    field = opener(cipher, row)
    return ConsultationView(
        ConsultationKind(row.kind),
        row.colleague_id,
        field("other_role"),
        row.held_on,
        field("outcome"),
        row.special_form,
        row.recorded_by,
        row.recorded_at,
    )


def _conversation(cipher: FieldCipher, row: Conversation) -> ConversationView:
    field = opener(cipher, row)
    return ConversationView(
        with_whom=ConversationWith(row.with_whom) if row.with_whom else None,
        held_on=row.held_on,
        participants=field("participants"),
        shared=field("shared"),
        reaction=field("reaction"),
        agreements=field("agreements"),
        consent=Consent(row.consent) if row.consent else None,
        household=field("household"),
        skip_reason=SkipReason(row.skip_reason) if row.skip_reason else None,
        skip_note=field("skip_note"),
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
    )


def _weighing(cipher: FieldCipher, row: Weighing) -> WeighingView:
    return WeighingView(
        row.round, row.framework_version, state_of(row), tuple(_answer(cipher, a) for a in row.answers), row.started_at
    )


def _answer(cipher: FieldCipher, row: WeighingAnswer) -> AnswerView:
    return AnswerView(
        row.question,
        Answer(row.answer),
        opener(cipher, row)("rationale"),
        row.framework_version,
        row.with_veilig_thuis,
        row.answered_by,
        row.answered_at,
    )


def _report(cipher: FieldCipher, row: Report) -> ReportView:
    field = opener(cipher, row)
    without_consent = field("without_consent")
    return ReportView(
        meldnorm=row.meldnorm,
        reported_on=row.reported_on,
        reported_by=row.reported_by,
        channel=ReportChannel(row.channel),
        vt_reference=field("vt_reference"),
        own_facts=field("own_facts"),
        third_party_facts=field("third_party_facts"),
        parents_informed=Informed(row.parents_informed),
        pupil_informed=Informed(row.pupil_informed),
        no_consent_reason=NoConsentReason(row.no_consent_reason) if row.no_consent_reason else None,
        without_consent=tuple(json.loads(without_consent)) if without_consent else (),
        objections=field("objections"),
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
        feedback_on=row.feedback_on,
        feedback=field("feedback"),
        reference_index=ReferenceIndex(row.reference_index) if row.reference_index else None,
        reference_index_reason=field("reference_index_reason"),
    )


def _kindcheck(cipher: FieldCipher, row: Kindcheck) -> KindcheckView:
    field = opener(cipher, row)
    return KindcheckView(field("children"), field("carers"), row.recorded_by, row.recorded_at)


def _help_plan(cipher: FieldCipher, row: HelpPlan) -> HelpPlanView:
    field = opener(cipher, row)
    return HelpPlanView(
        row.term,
        row.casemanager_id,
        field("tasks"),
        field("referral"),
        field("agreements"),
        row.recorded_by,
        row.recorded_at,
        row.referral_confirmed_by,
        row.referral_confirmed_at,
    )


_PAGES: dict[DossierPart, Page] = {
    DossierPart.SIGNALS: _signal_page,
    DossierPart.CONSULTATIONS: _rows_of(Consultation, _consultation),
    DossierPart.CONVERSATIONS: _rows_of(Conversation, _conversation),
    DossierPart.WEIGHINGS: _weighing_page,
    DossierPart.REPORTS: _rows_of(Report, _report),
    DossierPart.HELP_PLANS: _rows_of(HelpPlan, _help_plan),
    DossierPart.TIMELINE: _timeline_page,
    DossierPart.REMINDERS: _reminder_page,
}
