"""A suspicion against a staff member: not the meldcode, but the board route the law prescribes.

Staff must tell the bevoegd gezag (the school board) at once; the board consults the
vertrouwensinspecteur and, for a suspected sexual offence, must then report to the police or
justice (seed 000, footnote 4). The reporter chooses whom the bot alerts: the director, or the
board itself when the suspicion may concern the director. Only the route is recorded, no pupil
data; the coordinators hear by reference only that a report went this way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.flows import audit, notices, submissions
from bot.flows.errors import InvalidInput
from bot.flows.rules.directory import Directory, School
from bot.flows.services import Services
from bot.flows.steps.registration import alert_acute, new_case, school_to_register
from bot.flows.vocabulary import AuditAction, BoardAlert, CaseState, NoticeKind, Route
from storage.models import Case

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StaffRouteRecorded:
    case_id: int
    reference: str
    alerted: BoardAlert | None  # None: nobody to alert is configured; the reporter informs the board


def alert_options(directory: Directory, school: School) -> tuple[BoardAlert, ...]:
    """Whom the bot can alert at this school: its director(s), and the board's admins in meldbot.yml."""
    options = []
    if school.directors:
        options.append(BoardAlert.DIRECTOR)
    if directory.admins:
        options.append(BoardAlert.BOARD)
    return tuple(options)


def record_staff_suspicion(
    services: Services,
    user_id: str,
    school_id: str,
    alert: BoardAlert | None,
    acute: bool,
    submission_key: str,
) -> StaffRouteRecorded:
    """Record that the board route was taken and alert whom the reporter chose (by reference only)."""

    def work() -> StaffRouteRecorded:
        school = school_to_register(services, user_id, school_id)
        options = alert_options(services.directory, school)
        if (alert is None and options) or (alert is not None and alert not in options):
            raise InvalidInput({"board_alert": "error_required"})
        with services.db.transaction() as session:
            case = submissions.earlier(session, Case, submission_key, user_id, school_id=school.id)
            if case is None:
                case = _record(session, services, school, user_id, alert, acute, submission_key)
                if acute:  # the coordinators, and whom the reporter chose: never a director passed over
                    alert_acute(
                        session,
                        services,
                        school,
                        user_id,
                        [*school.coordinators, *_alerted(services, school, alert)],
                        submission_key,
                    )
            return StaffRouteRecorded(case.id, case.reference, alert)

    return services.perform(work)


def remind_unrecorded(services: Services, user_id: str, school_id: str, acute: bool, view_key: str) -> None:
    """The reporter closed the choice without recording: nothing is on record and nobody was alerted,
    so the reporter hears (in words without details) that the duty to tell the board still stands.
    A child in acute danger is not left waiting for that: the coordinators are alerted now."""

    def work() -> None:
        school = school_to_register(services, user_id, school_id)
        with services.db.transaction() as session:
            if submissions.earlier(session, Case, view_key, user_id) is not None:
                return  # recorded after all
            now = services.clock.now()
            notices.enqueue(session, now, NoticeKind.STAFF_ROUTE_UNRECORDED, [user_id], cause=f"closed-{view_key}")
            if acute:
                alert_acute(session, services, school, user_id, school.coordinators, view_key)

    services.perform(work)


def _alerted(services: Services, school: School, alert: BoardAlert | None) -> list[str]:
    """Whom the reporter's choice alerts: the director(s), or the board's admins (or nobody)."""
    if alert is BoardAlert.BOARD:
        return sorted(services.directory.admins)
    return list(school.directors) if alert is BoardAlert.DIRECTOR else []


def _record(
    session: Session,
    services: Services,
    school: School,
    user_id: str,
    alert: BoardAlert | None,
    acute: bool,
    submission_key: str,
) -> Case:
    case = new_case(session, services, school.id, user_id, Route.STAFF_MEMBER, submission_key, acute)
    case.state = CaseState.REFERRED_TO_BOARD
    audit.on_case(
        session, services.clock, user_id, AuditAction.BOARD_ROUTE_RECORDED, case, alerted=str(alert) if alert else None
    )
    now = services.clock.now()
    alerted = _alerted(services, school, alert)
    if alert is not None:
        notices.enqueue(
            session, now, NoticeKind.BOARD_ROUTE, alerted, cause="board", case=case, to_board=alert is BoardAlert.BOARD
        )
    # The coordinators, by reference only; whoever was alerted or reported it already knows.
    coordinators = [c for c in school.coordinators if c != user_id and c not in alerted]
    notices.enqueue(session, now, NoticeKind.BOARD_ROUTE_NOTED, coordinators, cause="board-noted", case=case)
    log.info("case %s: board route recorded (alerted: %s)", case.reference, alert)
    return case
