"""Opening a case: the full dossier for those who may see it, the status for its reporter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.flows import audit
from bot.flows.access import Permission, allows, may_oversee
from bot.flows.errors import AccessDenied, CaseNotFound
from bot.flows.services import Services
from bot.flows.vocabulary import AgeBand, AuditAction, CaseState, Route, SignalCategory, SignalSource
from storage import repositories as repo
from storage.crypto import FieldCipher
from storage.models import Case, Signal, purpose


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


@dataclass(frozen=True)
class DossierView:
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
    signals: tuple[SignalView, ...]


@dataclass(frozen=True)
class StatusView:
    """What a reporter sees of their own case: no details that others added."""

    reference: str
    state: CaseState
    created_at: datetime


@dataclass(frozen=True)
class CaseSummary:
    case_id: int
    reference: str
    state: CaseState
    acute: bool
    created_at: datetime


def open_case(services: Services, user_id: str, case_id: int) -> DossierView | StatusView:
    with services.db.transaction() as session:
        case = repo.get_case(session, case_id)
        if case is None:
            raise CaseNotFound()
        if allows(services.directory, user_id, Permission.VIEW_DOSSIER, case):
            audit.record(
                session, services.clock, user_id, AuditAction.DOSSIER_VIEWED, school_id=case.school_id, case_id=case.id
            )
            school = services.directory.school(case.school_id)
            return _dossier(services.cipher, case, school.name if school else case.school_id)
        if allows(services.directory, user_id, Permission.VIEW_STATUS, case):
            audit.record(
                session, services.clock, user_id, AuditAction.STATUS_VIEWED, school_id=case.school_id, case_id=case.id
            )
            return StatusView(case.reference, CaseState(case.state), case.created_at)
        audit.record(
            session,
            services.clock,
            user_id,
            AuditAction.ACCESS_REFUSED,
            school_id=case.school_id,
            case_id=case.id,
            permission=str(Permission.VIEW_DOSSIER),
        )
    # Raised after the commit, so that the refusal stays on record.
    raise AccessDenied()


def cases_for_home(
    services: Services, user_id: str, limit: int = 25
) -> tuple[list[CaseSummary] | None, list[CaseSummary]]:
    """(open cases of the schools this user oversees, or None if none; cases this user reported)."""
    overseen = [s.id for s in services.directory.schools_of(user_id) if may_oversee(services.directory, user_id, s.id)]
    with services.db.transaction() as session:
        reported = [_summary(c) for c in repo.cases_reported_by(session, user_id, limit)]
        if not overseen:
            return None, reported
        return [_summary(c) for c in repo.open_cases(session, overseen, limit)], reported


def _summary(case: Case) -> CaseSummary:
    return CaseSummary(case.id, case.reference, CaseState(case.state), case.acute, case.created_at)


def _dossier(cipher: FieldCipher, case: Case, school_name: str) -> DossierView:
    def case_field(name: str) -> str:
        value = getattr(case, name)
        return cipher.open(value, purpose(Case, name)) if value else ""

    return DossierView(
        case_id=case.id,
        reference=case.reference,
        school_name=school_name,
        route=Route(case.route),
        state=CaseState(case.state),
        acute=case.acute,
        reporter_id=case.reporter_id,
        created_at=case.created_at,
        pupil_name=case_field("pupil_name"),
        pupil_group=case_field("pupil_group"),
        age_band=AgeBand(case.age_band) if case.age_band else None,
        signals=tuple(_signal(cipher, s) for s in case.signals),
    )


def _signal(cipher: FieldCipher, signal: Signal) -> SignalView:
    def field(name: str) -> str:
        value = getattr(signal, name)
        return cipher.open(value, purpose(Signal, name)) if value else ""

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
    )
