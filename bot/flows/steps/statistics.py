"""Anonymous counts per school and month of registration: what coordinators, directors and the board may see.

A case counts under coarse measures (registered, its route and categories, acute, a help plan, a
melding and its meldnorm, how it closed, the days it took to be taken and to its first decision,
the deadlines it missed). Each measure is added to the stored counts once, in the transaction that
makes it hold (`keep_counts`, called by the gate every step passes, by registration and by the
reminder sweep), so reading the statistics reads the counts only, never the cases, and retention
changes nothing in them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.flows.rules.access import Permission, schools_where
from bot.flows.services import Services
from bot.flows.vocabulary import CaseState, ReminderKind, Route
from storage import repositories as repo
from storage.models import Case

REGISTERED = "registered"
ACUTE = "acute"
REPORTED = "reported"
HELP_STARTED = "help_started"
CLOSED = "closed"  # closed, whatever the reason (also as closed:<reason>)
ROUTE = "route"  # route:<route>
CATEGORY = "category"  # category:<signal category>, once per case whatever its signals
MELDNORM = "meldnorm"  # meldnorm:<1|2>, once per case and norm
DAYS_TO_TAKE = "days_to_take"  # days_to_take:<whole days from registration to a coordinator taking it>
DAYS_TO_DECISION = "days_to_decision"  # days_to_decision:<whole days to the first melding, help plan or closing>
MISSED = "missed"  # missed:<reminder kind>: a deadline nobody met, so its reminder climbed a rung

_NO_FACTS = repo.CountedFacts(frozenset(), frozenset(), False, None)


def measure(name: str, value: object) -> str:
    return f"{name}:{value}"


def _days(start: datetime, end: datetime) -> int:
    return max(0, (end - start).days)


def measures_of(case: Case, facts: repo.CountedFacts) -> list[str]:
    measures = [REGISTERED, measure(ROUTE, case.route)]
    measures += [measure(CATEGORY, category) for category in sorted(facts.categories)]
    if case.acute:
        measures.append(ACUTE)
    if facts.meldnorms:
        measures += [REPORTED, *(measure(MELDNORM, norm) for norm in sorted(facts.meldnorms))]
    if facts.help_started:
        measures.append(HELP_STARTED)
    if case.taken_at is not None:
        measures.append(measure(DAYS_TO_TAKE, _days(case.created_at, case.taken_at)))
    if facts.first_decision_at is not None:
        measures.append(measure(DAYS_TO_DECISION, _days(case.created_at, facts.first_decision_at)))
    if case.state == CaseState.CLOSED:
        measures += [CLOSED, measure(CLOSED, case.close_reason)]
    return measures


def keep_counts(session: Session, case: Case) -> None:
    """Add the measures that hold for this case now and were not counted before (each once, ever)."""
    facts = _NO_FACTS if case.id is None else repo.counted_facts(session, case.id)
    _add(session, case, measures_of(case, facts))


def count_missed(session: Session, case: Case, kind: ReminderKind) -> None:
    """A deadline of this kind passed with nobody acting (its reminder escalated): counted once per case."""
    _add(session, case, [measure(MISSED, kind)])


def count_safety_plan_route(session: Session, school_id: str, day: date) -> None:
    """A concern between pupils goes to the school's safety plan and makes no case: counted as it is chosen."""
    repo.add_to_statistic(session, school_id, day, measure(ROUTE, Route.BETWEEN_CHILDREN))


def _add(session: Session, case: Case, measures: list[str]) -> None:
    counted = set(case.counted or ())
    new = set(measures) - counted
    repo.add_to_statistic(session, case.school_id, case.created_at.date(), *sorted(new))
    if new:
        case.counted = sorted(counted | new)


@dataclass(frozen=True)
class SchoolStatistics:
    school_name: str
    years: dict[int, Counter[str]] = field(default_factory=dict)  # newest year first


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
