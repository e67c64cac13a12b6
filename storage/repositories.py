"""Queries over the dossier, in SQLAlchemy 2.0 style. Callers own the transaction."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, delete, func, inspect, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from storage import audit_chain
from storage.models import (
    AuditEvent,
    Base,
    Case,
    CaseCounter,
    Consultation,
    Conversation,
    ConversationReference,
    EventReceipt,
    HelpPlan,
    Kindcheck,
    MemberGroup,
    Membership,
    OutboxMessage,
    RegistrationDraft,
    Reminder,
    ReminderPostponement,
    Report,
    School,
    Signal,
    StatisticCount,
    TeamMember,
    Weighing,
    WeighingAnswer,
)

M = TypeVar("M", bound=Base)


def _insert_ignoring_duplicates(session: Session, model: type[Base], values: dict[str, Any]) -> bool:
    """INSERT that does nothing when the primary or unique key exists; True when it inserted."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # RETURNING, not rowcount: drivers disagree on the rowcount of a skipped insert.
    primary_key = inspect(model).primary_key
    statement = insert(model).values(**values).on_conflict_do_nothing().returning(*primary_key)
    return session.execute(statement).first() is not None


# --- schools and memberships -------------------------------------------------------------


def sync_schools(
    session: Session, schools: Iterable[tuple[str, str]], memberships: set[tuple[str, str, str]]
) -> tuple[set[tuple[str, str, str]], set[tuple[str, str, str]]]:
    """Mirror the configuration; return the (school, user, role) rows granted and revoked."""
    for school_id, name in schools:
        existing = session.get(School, school_id)
        if existing is None:
            session.add(School(id=school_id, name=name))
        else:
            existing.name = name
    session.flush()
    current = {(m.school_id, m.user_id, m.role) for m in session.scalars(select(Membership))}
    granted, revoked = memberships - current, current - memberships
    for school_id, user_id, role in granted:
        session.add(Membership(school_id=school_id, user_id=user_id, role=role))
    for school_id, user_id, role in revoked:
        session.execute(
            delete(Membership).where(
                Membership.school_id == school_id, Membership.user_id == user_id, Membership.role == role
            )
        )
    return granted, revoked


def member_group_revisions(session: Session, group_ids: Collection[str]) -> dict[str, int]:
    """The revision of each of these groups that has been read from its platform."""
    statement = select(MemberGroup.group_id, MemberGroup.revision).where(MemberGroup.group_id.in_(group_ids))
    return {group_id: revision for group_id, revision in session.execute(statement)}


def member_group_members(session: Session, group_ids: Collection[str]) -> dict[str, frozenset[str]]:
    statement = select(MemberGroup.group_id, MemberGroup.members).where(MemberGroup.group_id.in_(group_ids))
    return {group_id: frozenset(members) for group_id, members in session.execute(statement)}


def member_groups_synced(session: Session, platform: str) -> dict[str, datetime]:
    """When each group of this platform was last read whole."""
    statement = select(MemberGroup.group_id, MemberGroup.synced_at).where(MemberGroup.platform == platform)
    return {group_id: synced_at for group_id, synced_at in session.execute(statement)}


def store_member_group(
    session: Session, platform: str, group_id: str, members: frozenset[str], now: datetime
) -> tuple[frozenset[str], frozenset[str]]:
    """The group's whole list as its platform gave it; (added, removed) since the last one."""
    return _change_group(session, platform, group_id, lambda _: members, now, whole=True)


def remove_from_member_group(
    session: Session, platform: str, group_id: str, users: frozenset[str], now: datetime
) -> frozenset[str]:
    """Take these users out of the group (its platform said they left); those who were in it."""
    return _change_group(session, platform, group_id, lambda known: known - users, now, whole=False)[1]


def _change_group(
    session: Session,
    platform: str,
    group_id: str,
    change: Callable[[frozenset[str]], frozenset[str]],
    now: datetime,
    *,
    whole: bool,
) -> tuple[frozenset[str], frozenset[str]]:
    # The row is made first (if missing) and then locked, so two processes change it one after the other.
    values = {"platform": platform, "group_id": group_id, "members": [], "revision": 0, "synced_at": now}
    _insert_ignoring_duplicates(session, MemberGroup, values)
    group = session.scalars(
        select(MemberGroup).where(MemberGroup.platform == platform, MemberGroup.group_id == group_id).with_for_update()
    ).one()
    before = frozenset(group.members)
    after = change(before)
    if whole:
        group.synced_at = now
    if after != before:
        group.members = sorted(after)
        group.revision += 1
    return after - before, before - after


def remember_conversation(
    session: Session, platform: str, user_id: str, conversation_id: str, service_url: str, now: datetime
) -> bool:
    """Keep where to write to this person (the newest address wins); True when it is new or moved."""
    values = {
        "platform": platform,
        "user_id": user_id,
        "conversation_id": conversation_id,
        "service_url": service_url,
        "updated_at": now,
    }
    if _insert_ignoring_duplicates(session, ConversationReference, values):
        return True
    known = session.get(ConversationReference, (platform, user_id), with_for_update=True)
    assert known is not None
    moved = (known.conversation_id, known.service_url) != (conversation_id, service_url)
    if moved:
        known.conversation_id, known.service_url, known.updated_at = conversation_id, service_url, now
    return moved


def conversation_of(session: Session, platform: str, user_id: str) -> ConversationReference | None:
    return session.get(ConversationReference, (platform, user_id))


def sealed_names(session: Session, platform: str) -> list[tuple[str, str]]:
    """Everyone on this platform whose name the bot keeps: their id and sealed name."""
    query = select(ConversationReference.user_id, ConversationReference.name).where(
        ConversationReference.platform == platform, ConversationReference.name.is_not(None)
    )
    return [(user_id, str(name)) for user_id, name in session.execute(query)]


def keep_name(session: Session, platform: str, user_id: str, sealed: str) -> bool:
    """Keep this person's (sealed) name, where the bot knows where to write to them (True: it does)."""
    known = session.get(ConversationReference, (platform, user_id), with_for_update=True)
    if known is not None:
        known.name = sealed
    return known is not None


def reachable_users(session: Session, platform: str, limit: int) -> list[str]:
    """Whom the bot can write to on this platform (their ids, in order), at most `limit`."""
    query = select(ConversationReference.user_id).where(ConversationReference.platform == platform)
    return list(session.scalars(query.order_by(ConversationReference.user_id).limit(limit)))


# --- cases -------------------------------------------------------------------------------


def next_case_number(session: Session, school_id: str, year: int) -> int:
    """The next number in a school's yearly series; atomic under concurrent writers."""
    _insert_ignoring_duplicates(session, CaseCounter, {"school_id": school_id, "year": year, "last_number": 0})
    statement = (
        update(CaseCounter)
        .where(CaseCounter.school_id == school_id, CaseCounter.year == year)
        .values(last_number=CaseCounter.last_number + 1)
        .returning(CaseCounter.last_number)
    )
    return int(session.execute(statement).scalar_one())


def get_case(session: Session, case_id: int) -> Case | None:
    return session.get(Case, case_id)


def cases_with_reference(session: Session, reference: str) -> list[tuple[int, str]]:
    """(case id, school id) of every case with this reference: each school numbers its own."""
    statement = select(Case.id, Case.school_id).where(Case.reference == reference.strip().upper())
    return [(case_id, school_id) for case_id, school_id in session.execute(statement)]


def lock_case(session: Session, case_id: int) -> Case | None:
    """The case, locked until the transaction ends: actions on one case run one after another.

    PostgreSQL takes a row lock; SQLite already holds its write lock from BEGIN IMMEDIATE.
    """
    return session.scalars(select(Case).where(Case.id == case_id).with_for_update()).first()


def open_case_for_pupil(session: Session, school_id: str, route: str, lookup: str) -> Case | None:
    statement = select(Case).where(
        Case.school_id == school_id,
        Case.route == route,
        Case.pupil_lookup == lookup,
        Case.closed_at.is_(None),
    )
    return session.scalars(statement.order_by(Case.id)).first()


def cases_reported_by(
    session: Session, user_id: str, school_ids: Sequence[str], offset: int, limit: int
) -> tuple[list[Case], int]:
    """A page of the cases this user reported at these schools (not purged), newest first, and how many."""
    where = Case.reporter_id == user_id, Case.school_id.in_(school_ids), Case.purged_at.is_(None)
    return _page(session, *where, offset=offset, limit=limit)


def _page(session: Session, *where: ColumnElement[bool], offset: int, limit: int) -> tuple[list[Case], int]:
    total = session.scalar(select(func.count()).select_from(Case).where(*where)) or 0
    rows = session.scalars(select(Case).where(*where).order_by(Case.id.desc()).offset(offset).limit(limit))
    return list(rows), int(total)


@dataclass(frozen=True)
class DeskRow:
    """An open case as the coordinator's desk sorts it: no sealed column, read for every open case at once."""

    case_id: int
    school_id: str
    reference: str
    state: str
    acute: bool
    coordinator_id: str | None
    created_at: datetime
    deadline: datetime | None  # the earliest open reminder's due time
    deadline_kind: str | None
    deadline_level: int  # the rung that reminder stands on (0: not escalated)
    deadline_roles: str  # whom it reached last (a comma-separated list of roles)
    awaits_feedback: bool  # a melding without Veilig Thuis' feedback
    help_term: date | None  # the newest help plan's term


OPEN_REMINDER_STATES = ("scheduled", "waiting")


def desk_rows(
    session: Session, school_ids: Sequence[str], kinds: Sequence[str], team_member: str | None = None
) -> list[DeskRow]:
    """The open cases of these schools (only those whose team names `team_member`, when given), each
    with its next deadline among reminders of these `kinds` (those this release knows) and what
    decides its group, in four statements."""
    where = [Case.school_id.in_(school_ids)]
    if team_member is not None:
        where.append(Case.id.in_(select(TeamMember.case_id).where(TeamMember.user_id == team_member)))
    cases = list(
        session.execute(
            select(
                Case.id, Case.school_id, Case.reference, Case.state, Case.acute, Case.coordinator_id, Case.created_at
            ).where(Case.closed_at.is_(None), *where)
        )
    )
    ids = select(Case.id).where(Case.closed_at.is_(None), *where).scalar_subquery()
    deadlines: dict[int, tuple[datetime | None, str | None, int, str]] = {}
    reminders = select(Reminder.case_id, Reminder.due_at, Reminder.kind, Reminder.level, Reminder.recipient_role).where(
        Reminder.case_id.in_(ids), Reminder.state.in_(OPEN_REMINDER_STATES), Reminder.kind.in_(kinds)
    )
    for case_id, due_at, kind, level, roles in session.execute(reminders.order_by(Reminder.due_at.desc())):
        deadlines[case_id] = (due_at, kind, level, roles)  # the earliest comes last and stays
    awaiting = set(session.scalars(select(Report.case_id).where(Report.case_id.in_(ids), Report.feedback.is_(None))))
    newest_terms = select(HelpPlan.case_id, func.max(HelpPlan.term)).where(HelpPlan.case_id.in_(ids))
    terms = {case_id: term for case_id, term in session.execute(newest_terms.group_by(HelpPlan.case_id))}
    return [
        DeskRow(
            case_id,
            school_id,
            reference,
            state,
            acute,
            coordinator_id,
            created_at,
            *deadlines.get(case_id, (None, None, 0, "")),
            case_id in awaiting,
            terms.get(case_id),
        )
        for case_id, school_id, reference, state, acute, coordinator_id, created_at in cases
    ]


def team_roles_of(session: Session, user_id: str, case_ids: Sequence[int]) -> dict[int, list[str]]:
    roles: dict[int, list[str]] = {}
    statement = select(TeamMember.case_id, TeamMember.role).where(
        TeamMember.user_id == user_id, TeamMember.case_id.in_(case_ids)
    )
    for case_id, role in session.execute(statement.order_by(TeamMember.added_at)):
        roles.setdefault(case_id, []).append(role)
    return roles


def cases_by_id(session: Session, case_ids: Sequence[int]) -> dict[int, Case]:
    """These cases by id, in one statement (a page of a list, to open what it shows)."""
    return {case.id: case for case in session.scalars(select(Case).where(Case.id.in_(case_ids)))}


# --- signals and drafts --------------------------------------------------------------------


def get_draft(session: Session, draft_id: int) -> RegistrationDraft | None:
    return session.get(RegistrationDraft, draft_id)


# --- casework ------------------------------------------------------------------------------


def team_of(session: Session, case_id: int) -> list[TeamMember]:
    return list(session.scalars(select(TeamMember).where(TeamMember.case_id == case_id).order_by(TeamMember.added_at)))


def team_roles(session: Session, case_id: int, user_id: str) -> list[str]:
    statement = select(TeamMember.role).where(TeamMember.case_id == case_id, TeamMember.user_id == user_id)
    return list(session.scalars(statement))


def by_submission(session: Session, model: type[M], submission_key: str) -> M | None:
    """The row a submission created earlier (a double submit or a retry), if any."""
    statement = select(model).where(model.__table__.c["submission_key"] == submission_key)
    return session.scalars(statement).first()


def consultations_of(session: Session, case_id: int) -> list[Consultation]:
    return list(session.scalars(select(Consultation).where(Consultation.case_id == case_id).order_by(Consultation.id)))


def conversations_of(session: Session, case_id: int) -> list[Conversation]:
    return list(session.scalars(select(Conversation).where(Conversation.case_id == case_id).order_by(Conversation.id)))


def weighings_of(session: Session, case_id: int) -> list[Weighing]:
    return list(session.scalars(select(Weighing).where(Weighing.case_id == case_id).order_by(Weighing.round)))


def current_weighing(session: Session, case_id: int) -> Weighing | None:
    statement = select(Weighing).where(Weighing.case_id == case_id).order_by(Weighing.round.desc()).limit(1)
    return session.scalars(statement).first()


def answer_to(session: Session, weighing_id: int, question: int) -> WeighingAnswer | None:
    statement = select(WeighingAnswer).where(
        WeighingAnswer.weighing_id == weighing_id, WeighingAnswer.question == question
    )
    return session.scalars(statement).first()


def reports_of(session: Session, case_id: int) -> list[Report]:
    return list(session.scalars(select(Report).where(Report.case_id == case_id).order_by(Report.id)))


def latest_report(session: Session, case_id: int) -> Report | None:
    return session.scalars(select(Report).where(Report.case_id == case_id).order_by(Report.id.desc())).first()


def help_plans_of(session: Session, case_id: int) -> list[HelpPlan]:
    return list(session.scalars(select(HelpPlan).where(HelpPlan.case_id == case_id).order_by(HelpPlan.id)))


def latest_signal_id(session: Session, case_id: int) -> int | None:
    statement = select(Signal.id).where(Signal.case_id == case_id).order_by(Signal.id.desc()).limit(1)
    return session.scalars(statement).first()


def cases_of_pupil(session: Session, case: Case) -> list[Case]:
    """Every case of this case's pupil at its school (the same keyed lookup), oldest first; a purged
    case keeps no lookup, so it stands alone."""
    if case.pupil_lookup is None:
        return [case]
    statement = select(Case).where(Case.school_id == case.school_id, Case.pupil_lookup == case.pupil_lookup)
    return list(session.scalars(statement.order_by(Case.id)))


def events_of_cases(session: Session, case_ids: Sequence[int]) -> list[AuditEvent]:
    """Every audit event on these cases, looking and refusals included, in the order they happened:
    those on the chain, then those this transaction adds to it."""
    stored = session.scalars(select(AuditEvent).where(AuditEvent.case_id.in_(case_ids)).order_by(AuditEvent.id))
    return [*stored, *(event for event in audit_chain.pending(session) if event.case_id in case_ids)]


def case_events(session: Session, case_id: int, excluded: Sequence[str]) -> list[AuditEvent]:
    statement = (
        select(AuditEvent)
        .where(AuditEvent.case_id == case_id, AuditEvent.action.not_in(excluded))
        .order_by(AuditEvent.id)
    )
    return list(session.scalars(statement))


@dataclass(frozen=True)
class CaseCounts:
    """How much each part of a case's dossier holds, read in one statement."""

    signals: int
    consultations: int
    conversations: int
    weighings: int
    answers: int
    reports: int
    help_plans: int
    reminders: int
    events: int  # on the timeline: without the `excluded` actions
    special_forms: int  # consultations that found a special form of violence


def case_counts(session: Session, case_id: int, excluded: Sequence[str]) -> CaseCounts:
    def count(model: type[Base], *where: ColumnElement[bool]) -> Any:
        return select(func.count()).select_from(model).where(*where).scalar_subquery()

    answers = count(
        WeighingAnswer, WeighingAnswer.weighing_id.in_(select(Weighing.id).where(Weighing.case_id == case_id))
    )
    row = session.execute(
        select(
            count(Signal, Signal.case_id == case_id),
            count(Consultation, Consultation.case_id == case_id),
            count(Conversation, Conversation.case_id == case_id),
            count(Weighing, Weighing.case_id == case_id),
            answers,
            count(Report, Report.case_id == case_id),
            count(HelpPlan, HelpPlan.case_id == case_id),
            count(Reminder, Reminder.case_id == case_id),
            count(AuditEvent, AuditEvent.case_id == case_id, AuditEvent.action.not_in(excluded)),
            count(Consultation, Consultation.case_id == case_id, Consultation.special_form.is_(True)),
        )
    ).one()
    return CaseCounts(*(int(n) for n in row))


@dataclass(frozen=True)
class StepFacts:
    """What decides which steps fit a case now, read in one statement."""

    weighing_id: int | None  # the weighing now running, or the last one
    weighed_up_to_signal: int | None  # the newest signal that weighing took into account
    report_weighing_id: int | None  # the weighing the newest melding came from
    report_awaits_feedback: bool  # the newest melding has no feedback from Veilig Thuis yet
    newest_signal: int | None
    consultations: int
    conversations: int


def step_facts(session: Session, case_id: int) -> StepFacts:
    def newest(column: Any, model: Any, order: Any) -> Any:
        return select(column).where(model.case_id == case_id).order_by(order.desc()).limit(1).scalar_subquery()

    def count(model: Any) -> Any:
        return select(func.count()).select_from(model).where(model.case_id == case_id).scalar_subquery()

    row = session.execute(
        select(
            newest(Weighing.id, Weighing, Weighing.round),
            newest(Weighing.last_signal_id, Weighing, Weighing.round),
            newest(Report.weighing_id, Report, Report.id),
            newest(Report.feedback.is_(None), Report, Report.id),
            newest(Signal.id, Signal, Signal.id),
            count(Consultation),
            count(Conversation),
        )
    ).one()
    return StepFacts(row[0], row[1], row[2], bool(row[3]), row[4], int(row[5]), int(row[6]))


def newest_of(session: Session, model: type[M], case_id: int, offset: int, limit: int) -> list[M]:
    """One page of a part of the dossier, newest first, paged by the database."""
    column = model.__table__.c
    statement = select(model).where(column["case_id"] == case_id).order_by(column["id"].desc())
    return list(session.scalars(statement.offset(offset).limit(limit)))


def newest_weighings(session: Session, case_id: int, offset: int, limit: int) -> list[Weighing]:
    """Like `newest_of`, with each weighing's answers read in one more statement (not one per weighing)."""
    statement = (
        select(Weighing)
        .where(Weighing.case_id == case_id)
        .order_by(Weighing.round.desc())
        .options(selectinload(Weighing.answers))
    )
    return list(session.scalars(statement.offset(offset).limit(limit)))


def newest_events(session: Session, case_id: int, excluded: Sequence[str], offset: int, limit: int) -> list[AuditEvent]:
    statement = (
        select(AuditEvent)
        .where(AuditEvent.case_id == case_id, AuditEvent.action.not_in(excluded))
        .order_by(AuditEvent.id.desc())
    )
    return list(session.scalars(statement.offset(offset).limit(limit)))


def signal_categories(session: Session, case_id: int) -> list[list[str]]:
    """The categories of every signal of a case (not sealed: read without opening anything)."""
    return list(session.scalars(select(Signal.categories).where(Signal.case_id == case_id)))


@dataclass(frozen=True)
class CountedFacts:
    """What the anonymous counts of a case need beyond the case row, read without opening anything."""

    categories: frozenset[str]
    meldnorms: frozenset[int]
    help_started: bool
    first_decision_at: datetime | None  # the first melding, help plan or finished weighing


def counted_facts(session: Session, case_id: int) -> CountedFacts:
    def first(column: Any, model: Any) -> Any:
        return select(func.min(column)).where(model.case_id == case_id).scalar_subquery()

    finished, reported, helped = session.execute(
        select(
            first(Weighing.finished_at, Weighing),
            first(Report.recorded_at, Report),
            first(HelpPlan.recorded_at, HelpPlan),
        )
    ).one()
    moments = [_aware(moment) for moment in (finished, reported, helped) if moment is not None]
    meldnorms = session.scalars(select(Report.meldnorm).where(Report.case_id == case_id).distinct())
    return CountedFacts(
        categories=frozenset(c for categories in signal_categories(session, case_id) for c in categories),
        meldnorms=frozenset(meldnorms),
        help_started=helped is not None,
        first_decision_at=min(moments) if moments else None,
    )


def _aware(moment: datetime) -> datetime:
    """A moment read by a scalar subquery comes back naive on SQLite (UTC, as stored)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def next_reminder(session: Session, case_id: int) -> Reminder | None:
    """The case's reminder whose moment comes first (due, escalation or repeat)."""
    statement = select(Reminder).where(Reminder.case_id == case_id, Reminder.next_at.is_not(None))
    return session.scalars(statement.order_by(Reminder.next_at, Reminder.id).limit(1)).first()


def kindchecks_of(session: Session, case_id: int) -> list[Kindcheck]:
    return list(session.scalars(select(Kindcheck).where(Kindcheck.case_id == case_id).order_by(Kindcheck.id)))


def latest_help_plan(session: Session, case_id: int) -> HelpPlan | None:
    return session.scalars(select(HelpPlan).where(HelpPlan.case_id == case_id).order_by(HelpPlan.id.desc())).first()


# --- retention and statistics --------------------------------------------------------------


def expired_cases(session: Session, school_id: str, closed_before: datetime) -> list[int]:
    statement = select(Case.id).where(
        Case.school_id == school_id, Case.purged_at.is_(None), Case.closed_at < closed_before
    )
    return list(session.scalars(statement.order_by(Case.id)))


def delete_case_records(session: Session, case_id: int) -> None:
    """Delete every row that belongs to a case (children before parents); the case row stays."""
    reminders = select(Reminder.id).where(Reminder.case_id == case_id)
    weighings = select(Weighing.id).where(Weighing.case_id == case_id)
    for statement in (
        delete(ReminderPostponement).where(ReminderPostponement.reminder_id.in_(reminders)),
        delete(Reminder).where(Reminder.case_id == case_id),
        delete(OutboxMessage).where(OutboxMessage.case_id == case_id),
        delete(WeighingAnswer).where(WeighingAnswer.weighing_id.in_(weighings)),
        delete(Report).where(Report.case_id == case_id),
        delete(HelpPlan).where(HelpPlan.case_id == case_id),
        delete(Weighing).where(Weighing.case_id == case_id),
        delete(Consultation).where(Consultation.case_id == case_id),
        delete(Conversation).where(Conversation.case_id == case_id),
        delete(Kindcheck).where(Kindcheck.case_id == case_id),
        delete(Signal).where(Signal.case_id == case_id),
        delete(RegistrationDraft).where(RegistrationDraft.open_case_id == case_id),
        delete(TeamMember).where(TeamMember.case_id == case_id),
    ):
        session.execute(statement, execution_options={"synchronize_session": False})


def add_to_statistic(session: Session, school_id: str, registered: date, *measures: str) -> None:
    """One more for each of these counts of cases registered in that month, in one statement (an
    upsert: concurrent steps each add theirs)."""
    if not measures:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    month = {"school_id": school_id, "year": registered.year, "month": registered.month}
    statement = insert(StatisticCount).values([{**month, "measure": measure, "count": 1} for measure in measures])
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["school_id", "year", "month", "measure"], set_={"count": StatisticCount.count + 1}
        )
    )


def statistic_counts(
    session: Session, school_ids: Sequence[str], months: tuple[date, date] | None = None
) -> list[StatisticCount]:
    """The counts of these schools; with `months` (first, last), of the cases registered in those months only."""
    statement = select(StatisticCount).where(StatisticCount.school_id.in_(school_ids))
    if months is not None:
        first, last = (day.year * 12 + day.month - 1 for day in months)
        ordinal = StatisticCount.year * 12 + StatisticCount.month - 1
        statement = statement.where(StatisticCount.month > 0, ordinal.between(first, last))
    return list(session.scalars(statement))


# --- audit ---------------------------------------------------------------------------------


def append_audit_event(session: Session, event: AuditEvent) -> None:
    audit_chain.append(session, event)


# --- outbox and event receipts -------------------------------------------------------------


def case_notices(session: Session, case_id: int, kind: str) -> list[OutboxMessage]:
    """The original messages of one kind about a case (not the rows that rewrite them)."""
    statement = select(OutboxMessage).where(
        OutboxMessage.case_id == case_id, OutboxMessage.kind == kind, OutboxMessage.replaces_id.is_(None)
    )
    return list(session.scalars(statement.order_by(OutboxMessage.id)))


def reminder_for(session: Session, case_id: int, kind: str, subject_id: int) -> Reminder | None:
    statement = select(Reminder).where(
        Reminder.case_id == case_id, Reminder.kind == kind, Reminder.subject_id == subject_id
    )
    return session.scalars(statement).first()


def reminders_of(session: Session, case_id: int) -> list[Reminder]:
    return list(session.scalars(select(Reminder).where(Reminder.case_id == case_id).order_by(Reminder.id)))


def postponements_of(session: Session, reminder_ids: Sequence[int]) -> list[ReminderPostponement]:
    statement = select(ReminderPostponement).where(ReminderPostponement.reminder_id.in_(reminder_ids))
    return list(session.scalars(statement.order_by(ReminderPostponement.id)))


def claim_due_reminders(session: Session, now: datetime, limit: int) -> list[Reminder]:
    """Due reminders, locked for this transaction; rows another process holds are skipped.

    PostgreSQL: FOR UPDATE SKIP LOCKED, so two processes take disjoint rows. SQLite ignores the
    clause and serialises the two transactions with its write lock instead (BEGIN IMMEDIATE).
    """
    statement = (
        select(Reminder)
        .where(Reminder.next_at <= now)
        .order_by(Reminder.next_at, Reminder.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(session.scalars(statement))


def unalerted_staff_cases(session: Session) -> list[Case]:
    """Staff-member suspicions with no alert to a director or the board on record (rows of a release that
    sent only the first one, or a school that had nobody to alert)."""
    alerted = select(OutboxMessage.id).where(OutboxMessage.case_id == Case.id, OutboxMessage.kind == "board_route")
    statement = select(Case).where(Case.route == "staff_member", ~alerted.exists()).order_by(Case.id)
    return list(session.scalars(statement))


def parked_reminders(session: Session) -> list[Reminder]:
    return list(session.scalars(select(Reminder).where(Reminder.parked_at.is_not(None)).order_by(Reminder.id)))


def retry_parked_reminders(session: Session, now: datetime) -> int:
    """Make every parked reminder due again (after the cause was mended); the next sweep handles it."""
    result = session.execute(
        update(Reminder)
        .where(Reminder.parked_at.is_not(None))
        .values(next_at=now, parked_at=None, parked_reason=None)
        .returning(Reminder.id)
    )
    return len(result.all())


def casemanagers_of(session: Session, case_id: int) -> list[str]:
    statement = select(TeamMember.user_id).where(TeamMember.case_id == case_id, TeamMember.role == "casemanager")
    return list(session.scalars(statement.order_by(TeamMember.added_at)))


def queued_keys(session: Session, dedupe_keys: Sequence[str]) -> set[str]:
    """Which of these causes are in the outbox already (queued, sent or failed), in one statement."""
    statement = select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(dedupe_keys))
    return set(session.scalars(statement)) if dedupe_keys else set()


def _deliverable(now: datetime, stale_before: datetime) -> ColumnElement[bool]:
    """Pending and not waiting for a retry time, or claimed by a worker that outlived its lease."""
    return or_(
        and_(
            OutboxMessage.state == "pending",
            or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now),
        ),
        and_(OutboxMessage.state == "sending", OutboxMessage.claimed_at < stale_before),
    )


def deliverable_outbox(
    session: Session, now: datetime, stale_before: datetime, limit: int, platforms: Collection[str]
) -> list[tuple[int, str]]:
    """(id, recipient) of the messages to people on these platforms that may go now, oldest first."""
    statement = (
        select(OutboxMessage.id, OutboxMessage.recipient_id)
        .where(_deliverable(now, stale_before), OutboxMessage.platform.in_(platforms))
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    return [(row.id, row.recipient_id) for row in session.execute(statement)]


def claim_outbox_message(
    session: Session, message_id: int, now: datetime, stale_before: datetime
) -> tuple[OutboxMessage, bool] | None:
    """Move one deliverable message to 'sending' and mark it as maybe sent from here on.

    Returns the message and whether an earlier attempt may already have reached Slack; None
    when another worker holds it.
    """
    earlier = session.scalars(select(OutboxMessage.maybe_sent).where(OutboxMessage.id == message_id)).first()
    claimed = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, _deliverable(now, stale_before))
        .values(state="sending", claimed_at=now, attempts=OutboxMessage.attempts + 1, maybe_sent=True)
        .returning(OutboxMessage.id)
    ).first()
    if claimed is None or earlier is None:
        return None
    message = session.get(OutboxMessage, message_id, populate_existing=True)
    assert message is not None
    return message, earlier


def next_outbox_attempt(session: Session, platforms: Collection[str]) -> datetime | None:
    """When the earliest waiting retry to someone on these platforms may go."""
    statement = select(func.min(OutboxMessage.next_attempt_at)).where(
        OutboxMessage.state == "pending", OutboxMessage.platform.in_(platforms)
    )
    return session.scalar(statement)


def defer_outbox_recipient(session: Session, recipient_id: str, until: datetime) -> None:
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.recipient_id == recipient_id, OutboxMessage.state == "pending")
        .values(next_attempt_at=until)
    )


def failed_outbox(session: Session) -> list[OutboxMessage]:
    return list(
        session.scalars(select(OutboxMessage).where(OutboxMessage.state == "failed").order_by(OutboxMessage.id))
    )


def retry_failed_outbox(session: Session) -> int:
    """Give every failed message a fresh set of attempts (after the cause was mended)."""
    result = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.state == "failed")
        .values(state="pending", attempts=0, next_attempt_at=None)
        .returning(OutboxMessage.id)
    )
    return len(result.all())


def record_event_receipt(session: Session, platform: str, event_id: str, at: datetime) -> bool:
    """Remember an event id; False when some process has seen it before."""
    values = {"platform": platform, "event_id": event_id, "received_at": at}
    return _insert_ignoring_duplicates(session, EventReceipt, values)
