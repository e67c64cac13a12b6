"""The desk: the open cases a person works on, grouped by what is due now, each with its next
deadline and whether it is late, filtered and paged, for the App Home (or another platform's tab).

The grouping and sorting read every open case's plain columns at once (a school has tens, a board
a few thousand); only the page shown is opened, so its pupils' names are the only sealed values read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from bot.flows.rules.access import Permission, grants, school_roles, schools_where
from bot.flows.services import Services
from bot.flows.steps.dossier import opener
from bot.flows.vocabulary import CaseState, ReminderKind, Role
from storage import repositories as repo

# A reminder of a kind this release does not know (written by a newer one) is no deadline it can name.
KNOWN_KINDS = tuple(kind.value for kind in ReminderKind)
DESK_PER_PAGE = 15
TEAM_PER_PAGE = 10


class Due(StrEnum):
    """What an open case waits for now, in the order the desk shows them."""

    TO_TAKE = "to_take"  # registered, nobody took it
    STEPS = "steps"  # steps 2 and 3: consultation and conversation
    WEIGHING = "weighing"  # step 4, and the melding or help plan it asks for
    FEEDBACK = "feedback"  # a melding awaits Veilig Thuis' feedback
    HELP = "help"  # help runs until its term
    MONITORING = "monitoring"  # after the melding the school follows the child until it closes
    BOARD = "board"  # the board route: recorded, in the board's hands


_BY_STATE = {
    CaseState.NEW: Due.TO_TAKE,
    CaseState.IN_PROGRESS: Due.STEPS,
    CaseState.WEIGHING: Due.WEIGHING,
    CaseState.REPORT_DUE: Due.WEIGHING,
    CaseState.HELP_PLAN_DUE: Due.WEIGHING,
    CaseState.HELP_RUNNING: Due.HELP,
    CaseState.REPORTED: Due.MONITORING,
    CaseState.REFERRED_TO_BOARD: Due.BOARD,
}
_ORDER = {due: n for n, due in enumerate(Due)}


def due_of(row: repo.DeskRow) -> Due:
    state = CaseState(row.state)
    if state is CaseState.REPORTED and row.awaits_feedback:
        return Due.FEEDBACK
    return _BY_STATE.get(state, Due.STEPS)


@dataclass(frozen=True)
class DeskCase:
    case_id: int
    reference: str
    school_name: str
    due: Due
    state: CaseState
    acute: bool
    coordinator_id: str | None
    deadline: datetime | None
    deadline_kind: ReminderKind | None
    overdue: bool
    help_term: date | None
    pupil_name: str
    pupil_group: str
    team_roles: tuple[Role, ...] = ()  # on the team desk: this person's roles in the case
    may_take: bool = False  # the reader may take it from the list


@dataclass(frozen=True)
class Desk:
    cases: tuple[DeskCase, ...]  # the page shown
    offset: int
    total: int  # how many match the filters
    counts: dict[Due, int]  # per group, within the school filter
    overdue: int  # within the school filter
    schools: tuple[tuple[str, str], ...] = ()  # (id, name) the reader may filter by
    school: str = ""  # the school filter ("" every school)
    due: Due | None = None  # the group filter (None every group)
    escalated: int | None = None  # for a director: deadlines whose reminder climbed to the director


def _sort_key(row: repo.DeskRow, now: datetime) -> tuple[int, int, datetime, int]:
    late = row.deadline is not None and row.deadline < now
    return (
        _ORDER[due_of(row)],
        0 if late else 1,
        row.deadline or datetime.max.replace(tzinfo=now.tzinfo),
        -row.case_id,
    )


def _page(
    services: Services, rows: list[repo.DeskRow], offset: int, per_page: int
) -> list[tuple[repo.DeskRow, str, str]]:
    """The rows of one page, each with its pupil's name and group opened."""
    shown = rows[offset : offset + per_page]
    with services.db.reading() as session:
        cases = repo.cases_by_id(session, [row.case_id for row in shown])
    fields = {case_id: opener(services.cipher, case) for case_id, case in cases.items()}
    return [
        (row, fields[row.case_id]("pupil_name"), fields[row.case_id]("pupil_group"))
        for row in shown
        if row.case_id in fields
    ]


def _case(row: repo.DeskRow, name: str, group: str, now: datetime, names: dict[str, str], **extra: object) -> DeskCase:
    return DeskCase(
        case_id=row.case_id,
        reference=row.reference,
        school_name=names.get(row.school_id, row.school_id),
        due=due_of(row),
        state=CaseState(row.state),
        acute=row.acute,
        coordinator_id=row.coordinator_id,
        deadline=row.deadline,
        deadline_kind=ReminderKind(row.deadline_kind) if row.deadline_kind else None,
        overdue=row.deadline is not None and row.deadline < now,
        help_term=row.help_term,
        pupil_name=name,
        pupil_group=group,
        **extra,  # type: ignore[arg-type]
    )


def desk_for(
    services: Services, user_id: str, *, school: str = "", due: Due | None = None, offset: int = 0
) -> Desk | None:
    """The open cases of every school this user oversees (coordinator, director), or None when none.
    A school filter the user does not oversee, or a page past the end, shows from the start."""
    overseen = schools_where(services.directory, user_id, Permission.OVERSEE)
    if not overseen:
        return None
    names = {s.id: s.name for s in overseen}
    school = school if school in names else ""
    with services.db.reading() as session:
        rows = repo.desk_rows(session, [school] if school else list(names), KNOWN_KINDS)
    now = services.clock.now()
    rows.sort(key=lambda row: _sort_key(row, now))
    counts = Counter(due_of(row) for row in rows)
    overdue = sum(1 for row in rows if row.deadline is not None and row.deadline < now)
    directed = [s.id for s in overseen if Role.DIRECTOR in school_roles(services.directory, user_id, s.id)]
    escalated = None
    if directed:
        escalated = sum(
            1
            for row in rows
            if row.school_id in directed and row.deadline_level > 0 and Role.DIRECTOR in row.deadline_roles.split(",")
        )
    chosen = [row for row in rows if due is None or due_of(row) is due]
    offset = offset if offset < len(chosen) else 0
    # Who holds the school role that takes cases (the case itself decides again when they click).
    takers = {s.id for s in overseen if grants(school_roles(services.directory, user_id, s.id), Permission.TAKE)}
    page = [
        _case(row, name, group, now, names, may_take=due_of(row) is Due.TO_TAKE and row.school_id in takers)
        for row, name, group in _page(services, chosen, offset, DESK_PER_PAGE)
    ]
    return Desk(
        cases=tuple(page),
        offset=offset,
        total=len(chosen),
        counts={d: counts[d] for d in Due if counts[d]},
        overdue=overdue,
        schools=tuple(names.items()) if len(names) > 1 else (),
        school=school,
        due=due,
        escalated=escalated,
    )


def team_desk_for(services: Services, user_id: str, *, offset: int = 0) -> Desk | None:
    """The open cases whose team names this user (team member, casemanager), at schools where they
    are still staff, with the deadline that is theirs; None when there are none."""
    staff_at = {s.id: s.name for s in schools_where(services.directory, user_id, Permission.REGISTER)}
    if not staff_at:
        return None
    with services.db.reading() as session:
        rows = repo.desk_rows(session, list(staff_at), KNOWN_KINDS, team_member=user_id)
        roles = repo.team_roles_of(session, user_id, [row.case_id for row in rows])
    if not rows:
        return None
    now = services.clock.now()
    rows.sort(key=lambda row: _sort_key(row, now))
    offset = offset if offset < len(rows) else 0
    page = [
        _case(row, name, group, now, staff_at, team_roles=tuple(Role(r) for r in roles.get(row.case_id, ())))
        for row, name, group in _page(services, rows, offset, TEAM_PER_PAGE)
    ]
    counts = Counter(due_of(row) for row in rows)
    overdue = sum(1 for row in rows if row.deadline is not None and row.deadline < now)
    return Desk(tuple(page), offset, len(rows), {d: counts[d] for d in Due if counts[d]}, overdue)
