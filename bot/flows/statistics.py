"""Anonymous counts per school and year: what coordinators, directors and the board may see.

A case counts under a few coarse measures (registered, its route, acute, reported, how it
closed). Live cases are counted from their rows; retention adds a purged case's measures to
the stored counts before its data goes, so the numbers do not change when the dossier does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bot.flows.access import Permission, schools_where
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


def statistics_for(services: Services, user_id: str) -> list[SchoolStatistics]:
    """The counts of every school where the policy lets this user see statistics."""
    visible = schools_where(services.directory, user_id, Permission.VIEW_STATISTICS)
    result = []
    with services.db.reading() as session:
        for school in visible:
            years: dict[int, Counter[str]] = {}
            for case, reported in repo.live_cases(session, school.id):
                years.setdefault(case.created_at.year, Counter()).update(measures_of(case, reported))
            for row in repo.statistic_counts(session, school.id):
                years.setdefault(row.year, Counter())[row.measure] += row.count
            result.append(SchoolStatistics(school.name, dict(sorted(years.items(), reverse=True))))
    return result
