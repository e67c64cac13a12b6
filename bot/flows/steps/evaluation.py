"""The interne evaluatie: per school and period, how often concerns arose, how they were handled
and how fast (seed 000 §1.5.3), read from the anonymous counts alone, so that it survives retention.

A period is whole months of registration: a concern counts in the period it was registered in,
with everything that became of it since. Counts below the school's threshold are shown as
"< threshold" to whoever does not oversee the school (the board), because a small number in a
small school can point at a child.
"""

from __future__ import annotations

import calendar
import statistics as stats
from collections import Counter
from dataclasses import dataclass
from datetime import date

from bot.flows.errors import AccessDenied
from bot.flows.rules.access import Permission, decide, school_roles
from bot.flows.rules.directory import School
from bot.flows.services import Services
from bot.flows.steps.statistics import MISSED, REGISTERED, REPORTED, ROUTE, measure
from bot.flows.vocabulary import Role, Route
from storage import repositories as repo

SCHOOL_YEAR_STARTS = 8  # August: a Dutch school year runs from August to July
_EXACT_FOR = frozenset({Role.COORDINATOR, Role.DIRECTOR})


@dataclass(frozen=True)
class Period:
    """Whole months: from the first day of `first`'s month to the last day of `last`'s."""

    first: date
    last: date

    @classmethod
    def of_months(cls, start: date, end: date) -> Period:
        if end < start:
            raise ValueError("the period ends before it starts")
        return cls(start.replace(day=1), end.replace(day=calendar.monthrange(end.year, end.month)[1]))

    @classmethod
    def school_year(cls, today: date, back: int = 0) -> Period:
        """The school year `today` falls in, or the one `back` years before it."""
        start = (today.year if today.month >= SCHOOL_YEAR_STARTS else today.year - 1) - back
        return cls(date(start, SCHOOL_YEAR_STARTS, 1), date(start + 1, SCHOOL_YEAR_STARTS - 1, 31))


@dataclass(frozen=True)
class Evaluation:
    school_id: str
    school_name: str
    period: Period
    counts: Counter[str]
    threshold: int | None  # counts from 1 up to below it are not shown exactly; None: all exact

    def count(self, name: str) -> int:
        return self.counts[name]

    def hidden(self, count: int) -> bool:
        """Whether this count is too small to show to this reader."""
        return self.threshold is not None and 0 < count < self.threshold

    def days(self, name: str) -> list[int]:
        """Each case's whole days for a measure kept as days (days_to_take, days_to_decision)."""
        prefix = f"{name}:"
        found = [(int(m.removeprefix(prefix)), n) for m, n in self.counts.items() if m.startswith(prefix)]
        return sorted(day for day, n in found for _ in range(n))

    def median(self, name: str) -> float | None:
        """The median of a measure kept as days; None without cases, or too few to show."""
        days = self.days(name)
        return stats.median(days) if days and not self.hidden(len(days)) else None

    def missed(self) -> int:
        """Deadlines nobody met in time: per case, each kind of deadline once."""
        return sum(n for m, n in self.counts.items() if m.startswith(f"{MISSED}:"))

    def share_reported(self) -> float | None:
        """The share of the meldcode's concerns (the home route) that led to a melding; None when
        there were none, or the numbers are too small to show."""
        concerns, reported = self.count(measure(ROUTE, Route.HOME)), self.count(REPORTED)
        if not concerns or self.hidden(concerns) or self.hidden(reported):
            return None
        return reported / concerns

    @property
    def registered(self) -> int:
        return self.count(REGISTERED)


def evaluation_of(services: Services, school: School, period: Period, *, exact: bool) -> Evaluation:
    """The evaluation of one school, without asking who reads it (the operator's command decides)."""
    counts: Counter[str] = Counter()
    with services.db.reading() as session:
        for row in repo.statistic_counts(session, [school.id], (period.first, period.last)):
            counts[row.measure] += row.count
    threshold = None if exact else services.directory.small_numbers
    return Evaluation(school.id, school.name, period, counts, threshold)


def evaluation_for(services: Services, user_id: str, school_id: str, period: Period) -> Evaluation:
    """The evaluation as this user may see it: exact for who oversees the school, with small
    numbers hidden for the board; refused (and audited) for anyone else."""

    def read() -> Evaluation:
        school = services.directory.school(school_id)
        if school is None or not decide(services.directory, user_id, Permission.VIEW_STATISTICS, school_id=school_id):
            raise AccessDenied(user_id, str(Permission.VIEW_STATISTICS), school_id=school.id if school else None)
        exact = bool(school_roles(services.directory, user_id, school_id) & _EXACT_FOR)
        return evaluation_of(services, school, period, exact=exact)

    return services.perform(read)
