"""Anonymous counts per school and year: what coordinators, directors and the board may see.

A case counts under a few coarse measures (registered, its route, acute, reported, how it
closed). Each measure is added to the stored counts once, in the transaction that makes it hold
(`keep_counts`, called by the gate every step passes and by registration), so reading the
statistics reads the counts only, never the cases, and retention changes nothing in them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from bot.flows.rules.access import Permission, schools_where
from bot.flows.services import Services
from bot.flows.vocabulary import CaseState
from storage import repositories as repo
from storage.models import Case

REGISTERED = "registered"
ACUTE = "acute"
REPORTED = "reported"
CLOSED = "closed"  # closed, whatever the reason (also as closed:<reason>)


def measures_of(case: Case, reported: bool) -> list[str]:
    measures = [REGISTERED, f"route:{case.route}"]
    if case.acute:
        measures.append(ACUTE)
    if reported:
        measures.append(REPORTED)
    if case.state == CaseState.CLOSED:
        measures += [CLOSED, f"{CLOSED}:{case.close_reason}"]
    return measures


@dataclass(frozen=True)
class SchoolStatistics:
    school_name: str
    years: dict[int, Counter[str]] = field(default_factory=dict)  # newest year first


# States in which a case cannot have a melding yet: no need to look.
_NOT_REPORTED_YET = frozenset({CaseState.NEW, CaseState.IN_PROGRESS, CaseState.REFERRED_TO_BOARD})


def keep_counts(session: Session, case: Case) -> None:
    """Add the measures that hold for this case now and were not counted before (each once, ever)."""
    counted = set(case.counted or ())
    looked = REPORTED in counted or case.state in _NOT_REPORTED_YET
    reported = REPORTED in counted or (not looked and repo.has_report(session, case.id))
    new = set(measures_of(case, reported)) - counted
    repo.add_to_statistic(session, case.school_id, case.created_at.year, *sorted(new))
    if new:
        case.counted = sorted(counted | new)


def statistics_for(services: Services, user_id: str) -> list[SchoolStatistics]:
    """The counts of every school where the policy lets this user see statistics, in one read."""
    visible = schools_where(services.directory, user_id, Permission.VIEW_STATISTICS)
    if not visible:
        return []
    years: dict[str, dict[int, Counter[str]]] = {school.id: {} for school in visible}
    with services.db.reading() as session:
        for row in repo.statistic_counts(session, list(years)):
            years[row.school_id].setdefault(row.year, Counter())[row.measure] += row.count
    return [SchoolStatistics(s.name, dict(sorted(years[s.id].items(), reverse=True))) for s in visible]
