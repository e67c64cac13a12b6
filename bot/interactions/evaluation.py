"""Which interne evaluatie a person sees, on every platform: one school they may see the counts of,
for one of the last school years (this one when the year asked for is not offered)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.flows.ports import local_today
from bot.flows.rules.access import Permission, schools_where
from bot.flows.services import Services
from bot.flows.steps.evaluation import SCHOOL_YEAR_STARTS, Evaluation, Period, evaluation_for

YEARS_OFFERED = 3  # this school year and the two before it


@dataclass(frozen=True)
class Chosen:
    evaluation: Evaluation
    schools: tuple[tuple[str, str], ...]  # (id, name) of those the reader may choose from
    years: tuple[int, ...]  # the school years offered, by the year they start


def evaluation_of(services: Services, user_id: str, school_id: str | None, year: int) -> Chosen:
    """`school_id` None: the first the reader may see. A school they may not see is asked for all
    the same, so that the refusal is on record."""
    visible = schools_where(services.directory, user_id, Permission.VIEW_STATISTICS)
    current = Period.school_year(local_today(services.clock).date()).first.year
    years = tuple(current - back for back in range(YEARS_OFFERED))
    if school_id is None:
        school_id = visible[0].id if visible else ""
    elif services.directory.school(school_id) is None:
        school_id = ""
    period = Period.school_year(date(year if year in years else current, SCHOOL_YEAR_STARTS, 1))
    evaluation = evaluation_for(services, user_id, school_id, period)
    return Chosen(evaluation, tuple((s.id, s.name) for s in visible), years)
