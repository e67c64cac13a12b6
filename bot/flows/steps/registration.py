"""Step 1 of the meldcode: a staff member registers what they saw, privately, as facts."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy.orm import Session

from bot.flows import audit, notices, submissions
from bot.flows.errors import DraftNotFound, DraftResolved, NotAMember
from bot.flows.jobs import reminders
from bot.flows.ports import local_today
from bot.flows.rules.access import Permission, decide, schools_where
from bot.flows.rules.directory import School
from bot.flows.rules.validation import date_problems, raise_if, text_problems
from bot.flows.services import Services
from bot.flows.steps import statistics
from bot.flows.vocabulary import (
    AgeBand,
    AuditAction,
    CaseState,
    NoticeKind,
    ReminderKind,
    Route,
    SignalCategory,
    SignalSource,
)
from storage import repositories as repo
from storage.crypto import FieldCipher
from storage.models import Case, RegistrationDraft, Signal, purpose

log = logging.getLogger(__name__)

REQUIRED_TEXT = ("pupil_name", "pupil_group", "observed", "location")
OPTIONAL_TEXT = ("source_detail", "counter_facts")


@dataclass(frozen=True)
class SignalForm:
    """What the reporter filled in; validated by `validate` before anything is stored."""

    pupil_name: str
    pupil_group: str
    age_band: AgeBand
    observed_on: date
    observed: str
    location: str
    source: SignalSource
    categories: tuple[SignalCategory, ...]
    source_detail: str = ""
    counter_facts: str = ""


@dataclass(frozen=True)
class RouteResult:
    school_id: str
    route: Route
    acute: bool


@dataclass(frozen=True)
class Registered:
    case_id: int
    reference: str
    new_case: bool
    acute: bool


@dataclass(frozen=True)
class OpenCaseFound:
    """The pupil already has an open case: the reporter chooses whether to add to it."""

    draft_id: int
    reference: str


def schools_for(services: Services, user_id: str) -> list[School]:
    """The schools where this user may register a signal; someone at none is refused (and audited)."""

    def work() -> list[School]:
        schools = schools_where(services.directory, user_id, Permission.REGISTER)
        if not schools:
            raise NotAMember(user_id, str(Permission.REGISTER))
        return schools

    return services.perform(work)


def school_to_register(services: Services, user_id: str, school_id: str) -> School:
    """The school a submission names, if this user may register there (inside `Services.perform`)."""
    school = services.directory.school(school_id)
    if school is None or not decide(services.directory, user_id, Permission.REGISTER, school_id=school_id):
        raise NotAMember(user_id, str(Permission.REGISTER), school_id=school.id if school else None)
    return school


def _own_draft(services: Services, session: Session, user_id: str, draft_id: int) -> tuple[RegistrationDraft, School]:
    """A held signal of this reporter, and its school, where they may still register."""
    draft = repo.get_draft(session, draft_id)
    if draft is None:
        raise DraftNotFound(user_id, str(Permission.REGISTER), reason="no_such_draft")
    if draft.reporter_id != user_id:
        raise DraftNotFound(
            user_id,
            str(Permission.REGISTER),
            school_id=draft.school_id,
            case_id=draft.open_case_id,
            reason="foreign_draft",
        )
    return draft, school_to_register(services, user_id, draft.school_id)


def validate(form: SignalForm, today: date) -> None:
    problems = text_problems(form, REQUIRED_TEXT, OPTIONAL_TEXT)
    problems |= date_problems({"observed_on": form.observed_on}, today)
    if form.source is SignalSource.TOLD_BY_OTHER and not form.source_detail.strip():
        problems["source_detail"] = "error_source_detail_required"
    if not form.categories:
        problems["categories"] = "error_required"
    raise_if(problems)


def choose_route(
    services: Services, user_id: str, school_id: str, route: Route, acute: bool, submission_key: str
) -> RouteResult:
    """The intake question: who is the concern about, and is a child in acute danger now? The staff-member
    route is recorded once the reporter chose whom to alert (bot.flows.staff_route)."""

    def work() -> RouteResult:
        school = school_to_register(services, user_id, school_id)
        with services.db.transaction() as session:
            # On the staff-member route the alert waits for the reporter's choice: the suspicion
            # may concern the director (bot.flows.staff_route).
            if acute and route is not Route.STAFF_MEMBER:
                alert_acute(
                    session, services, school, user_id, (*school.coordinators, *school.directors), submission_key
                )
            if route is Route.BETWEEN_CHILDREN:
                audit.record(session, services.clock, user_id, AuditAction.SAFETY_PLAN_ROUTE, school_id=school.id)
                statistics.count_safety_plan_route(session, school.id, services.clock.now().date())
            return RouteResult(school.id, route, acute)

    return services.perform(work)


def alert_acute(
    session: Session, services: Services, school: School, user_id: str, leaders: Iterable[str], submission_key: str
) -> None:
    """A child in acute danger: these people hear it at once (who reported it, nothing more)."""
    audit.record(session, services.clock, user_id, AuditAction.ACUTE_ALERT, school_id=school.id)
    notices.enqueue(
        session,
        services.clock.now(),
        NoticeKind.ACUTE_ALERT,
        leaders,
        cause=f"acute-{user_id}-{submission_key}",
        reporter_id=user_id,
    )


def register_signal(
    services: Services, user_id: str, school_id: str, acute: bool, form: SignalForm, submission_key: str
) -> Registered | OpenCaseFound:
    """Store a signal: on a new case, or held as a draft when the pupil has an open case."""
    validate(form, local_today(services.clock).date())

    def work() -> Registered | OpenCaseFound:
        school = school_to_register(services, user_id, school_id)
        with services.db.transaction() as session:
            earlier = _earlier_result(session, submission_key, user_id)
            if earlier is not None:
                return earlier
            lookup = pupil_lookup(services.cipher, school.id, form.pupil_name, form.pupil_group)
            open_case = repo.open_case_for_pupil(session, school.id, Route.HOME, lookup)
            if open_case is not None and open_case.submission_key == submission_key:
                # A twin of this very submission created the case after our first look (PostgreSQL
                # reads each statement afresh): its result is ours, not an open case to add to.
                twin = _earlier_result(session, submission_key, user_id)
                assert twin is not None, "a case and its first signal are committed together"
                return twin
            if open_case is not None:
                return _hold_draft(session, services, school, user_id, acute, form, submission_key, open_case)
            case = new_case(session, services, school.id, user_id, Route.HOME, submission_key, acute)
            _seal_pupil(services, case, form, lookup)
            return _add_signal(session, services, school, case, user_id, acute, form, submission_key, True)

    return services.perform(work)


def resolve_draft(services: Services, user_id: str, draft_id: int, add_to_open_case: bool) -> Registered:
    """The reporter's choice for a held signal: add it to the open case, or start a new one."""

    def work() -> Registered:
        with services.db.transaction() as session:
            draft, school = _own_draft(services, session, user_id, draft_id)
            if draft.payload is None:  # a double click: answer with what the first one made
                earlier = _earlier_result(session, draft.submission_key, user_id)
                assert isinstance(earlier, Registered)
                return earlier
            payload = json.loads(services.cipher.open(draft.payload, purpose(RegistrationDraft, "payload")))
            acute = bool(payload.pop("acute"))
            form = _form_from_json(payload)
            open_case = repo.get_case(session, draft.open_case_id)
            if add_to_open_case and open_case is not None and open_case.closed_at is None:
                case = open_case
            else:
                lookup = pupil_lookup(services.cipher, school.id, form.pupil_name, form.pupil_group)
                case = new_case(session, services, school.id, user_id, Route.HOME, draft.submission_key, acute)
                _seal_pupil(services, case, form, lookup)
            draft.payload = None
            draft.resolved_at = services.clock.now()
            return _add_signal(
                session,
                services,
                school,
                case,
                user_id,
                acute,
                form,
                draft.submission_key,
                case.submission_key == draft.submission_key,
            )

    return services.perform(work)


def remind_pending_draft(services: Services, user_id: str, draft_id: int) -> None:
    """The reporter closed the choice without choosing: keep the signal and tell them it waits."""

    def work() -> None:
        with services.db.transaction() as session:
            draft, _ = _own_draft(services, session, user_id, draft_id)
            if draft.payload is None:
                return  # filed meanwhile (the choice was made in another modal): nothing waits
            notices.enqueue(
                session,
                services.clock.now(),
                NoticeKind.DRAFT_PENDING,
                [user_id],
                cause=f"draft-{draft.id}",
                draft_id=draft.id,
            )

    services.perform(work)


def pending_draft(services: Services, user_id: str, draft_id: int) -> OpenCaseFound:
    """A held signal of this reporter that still waits for their choice."""

    def work() -> OpenCaseFound:
        with services.db.transaction() as session:
            draft, _ = _own_draft(services, session, user_id, draft_id)
            if draft.payload is None:
                raise DraftResolved()
            case = repo.get_case(session, draft.open_case_id)
            assert case is not None
            return OpenCaseFound(draft.id, case.reference)

    return services.perform(work)


def pupil_lookup(cipher: FieldCipher, school_id: str, pupil_name: str, pupil_group: str) -> str:
    """The blind-index token that finds a pupil's open case without decrypting every name."""
    return cipher.lookup_token(school_id, pupil_name, _group_key(pupil_group))


# --- internals ------------------------------------------------------------------------------


def _group_key(group: str) -> str:
    """'Groep 5', 'groep 5' and '5' name the same group."""
    words = group.split()
    if words and words[0].casefold() in {"groep", "klas", "group"}:
        words = words[1:]
    return " ".join(words)


def _earlier_result(session: Session, submission_key: str, user_id: str) -> Registered | OpenCaseFound | None:
    signal = submissions.earlier(session, Signal, submission_key, user_id)
    if signal is not None:
        case = signal.case
        return Registered(case.id, case.reference, case.submission_key == submission_key, signal.acute)
    draft = submissions.earlier(session, RegistrationDraft, submission_key, user_id)
    if draft is not None and draft.payload is not None:
        held_for = repo.get_case(session, draft.open_case_id)
        assert held_for is not None
        return OpenCaseFound(draft.id, held_for.reference)
    return None


def new_case(
    session: Session, services: Services, school_id: str, user_id: str, route: Route, submission_key: str, acute: bool
) -> Case:
    now = services.clock.now()
    year = local_today(services.clock).year
    number = repo.next_case_number(session, school_id, year)
    case = Case(
        school_id=school_id,
        reference=f"MC-{year}-{number:04d}",
        route=route,
        state=CaseState.NEW,
        reporter_id=user_id,
        submission_key=submission_key,
        acute=acute,
        created_at=now,
        updated_at=now,
    )
    statistics.keep_counts(session, case)  # before its insert: the counted measures go in with it
    session.add(case)
    session.flush()
    audit.on_case(session, services.clock, user_id, AuditAction.CASE_CREATED, case, route=str(route), acute=acute)
    return case


def _seal_pupil(services: Services, case: Case, form: SignalForm, lookup: str) -> None:
    case.pupil_name = services.cipher.seal(form.pupil_name.strip(), purpose(Case, "pupil_name"))
    case.pupil_group = services.cipher.seal(form.pupil_group.strip(), purpose(Case, "pupil_group"))
    case.age_band = form.age_band
    case.pupil_lookup = lookup


def _add_signal(
    session: Session,
    services: Services,
    school: School,
    case: Case,
    user_id: str,
    acute: bool,
    form: SignalForm,
    submission_key: str,
    new_case: bool,
) -> Registered:
    now = services.clock.now()

    def seal(field: str) -> str | None:
        value: str = getattr(form, field)
        return services.cipher.seal(value, purpose(Signal, field)) if value.strip() else None

    signal = Signal(
        case_id=case.id,
        reporter_id=user_id,
        submission_key=submission_key,
        observed_on=form.observed_on,
        observed=seal("observed"),
        location=seal("location"),
        source=form.source,
        source_detail=seal("source_detail"),
        categories=[str(c) for c in form.categories],
        counter_facts=seal("counter_facts"),
        acute=acute,
        created_at=now,
    )
    session.add(signal)
    case.acute = case.acute or acute
    case.updated_at = now
    session.flush()
    statistics.keep_counts(session, case)  # its categories, and acute
    audit.on_case(session, services.clock, user_id, AuditAction.SIGNAL_ADDED, case, signal_id=signal.id, acute=acute)
    log.info("case %s: signal %s registered (new case: %s, acute: %s)", case.reference, signal.id, new_case, acute)
    if new_case:
        policy = school.deadlines
        due = policy.after_working_days(local_today(services.clock).date(), policy.not_taken_working_days)
        reminders.schedule(session, services.clock, case, ReminderKind.NOT_TAKEN, due)
    reminders.on_activity(session, services.clock, case, school)
    kind = NoticeKind.CASE_REGISTERED if new_case else NoticeKind.SIGNAL_ADDED
    coordinators = [c for c in school.coordinators if c != user_id]
    cause = f"signal-{signal.id}"
    # Coordinators of a new case can take it from the message; the director is only informed.
    notices.enqueue(session, now, kind, coordinators, cause=cause, case=case, urgent=acute, take=new_case)
    if acute:
        notices.enqueue(session, now, kind, school.directors, cause=cause, case=case, urgent=acute)
    notices.enqueue(
        session,
        now,
        NoticeKind.REGISTRATION_CONFIRMED,
        [user_id],
        cause=cause,
        case=case,
        urgent=acute,
        new_case=new_case,
    )
    return Registered(case.id, case.reference, new_case, acute)


def _hold_draft(
    session: Session,
    services: Services,
    school: School,
    user_id: str,
    acute: bool,
    form: SignalForm,
    submission_key: str,
    open_case: Case,
) -> OpenCaseFound:
    payload = json.dumps({**_form_to_json(form), "acute": acute})
    draft = RegistrationDraft(
        school_id=school.id,
        reporter_id=user_id,
        submission_key=submission_key,
        payload=services.cipher.seal(payload, purpose(RegistrationDraft, "payload")),
        open_case_id=open_case.id,
        created_at=services.clock.now(),
    )
    session.add(draft)
    session.flush()
    audit.on_case(session, services.clock, user_id, AuditAction.DRAFT_HELD, open_case, draft_id=draft.id)
    log.info("case %s: signal held as draft %s until the reporter chooses", open_case.reference, draft.id)
    return OpenCaseFound(draft.id, open_case.reference)


def _form_to_json(form: SignalForm) -> dict[str, object]:
    data = asdict(form)
    data["observed_on"] = form.observed_on.isoformat()
    return data


def _form_from_json(data: dict[str, object]) -> SignalForm:
    return SignalForm(
        pupil_name=str(data["pupil_name"]),
        pupil_group=str(data["pupil_group"]),
        age_band=AgeBand(str(data["age_band"])),
        observed_on=date.fromisoformat(str(data["observed_on"])),
        observed=str(data["observed"]),
        location=str(data["location"]),
        source=SignalSource(str(data["source"])),
        categories=tuple(SignalCategory(c) for c in data["categories"]),  # type: ignore[attr-defined]
        source_detail=str(data["source_detail"]),
        counter_facts=str(data["counter_facts"]),
    )
