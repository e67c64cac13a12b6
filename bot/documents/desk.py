"""A person's own overview (Slack's App Home, Teams' *Mijn casussen*), on every platform: what it
holds, where its reader is in each list, and its lines: a case on the desk (open cases grouped
by what is due, late ones marked), the desk's counts, one of their own reports, and where a page of
a list is. The overview is private to its user, so a desk line names the pupil; a message never does."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from bot.catalogue import joined, listing, t
from bot.documents.dates import show_date, show_day
from bot.documents.labels import TEAM_ROLES, label, named
from bot.flows.steps.desk import Desk, DeskCase, Due
from bot.flows.steps.dossier import CasePage, CaseSummary
from bot.flows.steps.statistics import ACUTE, CLOSED, REGISTERED, REPORTED, SchoolStatistics


@dataclass(frozen=True)
class HomePlace:
    """Where in each list the user is, and the desk's filters (what a paging button or a filter's
    option asks for, as its value)."""

    overseen: int = 0
    reported: int = 0
    schools: int = 0
    team: int = 0
    school: str = ""  # the desk's school filter ("" every school)
    due: str = ""  # the desk's group filter ("" every group)

    def value(self, **changed: int | str) -> str:
        moved = {name: getattr(self, name) for name in PLACE_PARTS} | changed
        return ":".join(str(moved[name]) for name in PLACE_PARTS)


PLACE_PARTS = ("overseen", "reported", "schools", "team", "school", "due")


@dataclass(frozen=True)
class Home:
    """`desk` is None for users who oversee no school (not a coordinator or director), `team` for
    users in no case's team; `statistics` is empty for users who may not see them."""

    is_member: bool
    desk: Desk | None
    team: Desk | None
    reported: CasePage
    statistics: Sequence[SchoolStatistics]
    place: HomePlace


def _deadline(case: DeskCase) -> Markup | None:
    if case.deadline is None or case.deadline_kind is None:
        return None
    kind, day = label(case.deadline_kind), show_day(case.deadline)
    return t("desk_overdue", kind=kind, date=day) if case.overdue else t("desk_deadline", kind=kind, date=day)


def case_line(case: DeskCase, several_schools: bool) -> Markup:
    pupil = t("desk_pupil", name=case.pupil_name, group=case.pupil_group)
    parts = [t("desk_case_line", reference=case.reference, pupil=pupil, due=label(case.due))]
    details = []
    if several_schools:
        details.append(Markup("{}").format(case.school_name))
    if case.team_roles:
        details.append(t("desk_your_role", roles=listing([named(TEAM_ROLES, role) for role in case.team_roles])))
    if case.coordinator_id and not case.team_roles:
        details.append(t("desk_taken_by", user_id=case.coordinator_id))
    if case.acute:
        details.append(t("desk_acute"))
    if case.help_term is not None and case.due is Due.HELP:
        details.append(t("desk_help_term", date=show_date(case.help_term)))
    deadline = _deadline(case)
    if deadline is not None:
        details.append(deadline)
    if details:
        parts.append(joined(details, separator=" · "))
    return joined(parts)


def counts_line(desk: Desk) -> Markup:
    """How many per group, how many late, and (for a director) how many deadlines climbed to them."""
    groups = [t("desk_group_count", group=label(due), count=count) for due, count in desk.counts.items()]
    if desk.overdue:
        groups.append(t("desk_overdue_count", count=desk.overdue))
    if desk.escalated:
        groups.append(t("desk_escalated_count", count=desk.escalated))
    return joined(groups, separator=" · ") if groups else t("home_none")


def reported_line(case: CaseSummary) -> Markup:
    return t("home_case_line", reference=case.reference, state=label(case.state), date=show_date(case.created_at))


def range_line(offset: int, shown: int, total: int) -> Markup:
    return t("home_range", first=offset + 1, last=offset + shown, total=total)


# --- the anonymous counts: no reference, no name of a person, no date ------------------------------

STATISTICS_YEARS = 3  # this year and the two before it
SCHOOLS_PER_PAGE = 30


def year_lines(years: dict[int, Counter[str]]) -> list[Markup]:
    return [
        t(
            "home_statistics_year",
            year=year,
            registered=counts[REGISTERED],
            acute=counts[ACUTE],
            reported=counts[REPORTED],
            closed=counts[CLOSED],
        )
        for year, counts in list(years.items())[:STATISTICS_YEARS]
    ]


def statistics_summary(statistics: Sequence[SchoolStatistics]) -> Markup:
    """One school: its last years. Several: their sum (each school's line follows, a page at a time)."""
    if len(statistics) == 1:
        [school] = statistics
        return joined(
            [t("home_statistics_school", school=school.school_name), *(year_lines(school.years) or [t("home_none")])]
        )
    summed: dict[int, Counter[str]] = {}
    for school in statistics:
        for year, counts in school.years.items():
            summed.setdefault(year, Counter()).update(counts)
    board = year_lines(dict(sorted(summed.items(), reverse=True))) or [t("home_none")]
    return joined([t("home_statistics_board", schools=len(statistics)), *board])


def school_lines(statistics: Sequence[SchoolStatistics]) -> list[Markup]:
    """This year's line of each of these schools."""
    return [
        t("home_statistics_school_line", school=s.school_name, counts=(year_lines(s.years) or [t("home_none")])[0])
        for s in statistics
    ]


def group_choices(desk: Desk) -> list[tuple[str, Markup]]:
    """What the desk's group filter offers, as (value, label): every group (""), then each group
    with its count; the chosen group too when it has emptied, so that the filter still shows it."""
    counts = {**desk.counts, **({desk.due: 0} if desk.due and desk.due not in desk.counts else {})}
    every = [("", t("desk_filter_every_group"))]
    return every + [(str(due), t("desk_filter_group", group=label(due), count=n)) for due, n in counts.items()]


def school_choices(schools: Sequence[tuple[str, str]]) -> list[tuple[str, Markup | str]]:
    """What its school filter offers, for who oversees several `schools` (id, name): every school
    (""), then each."""
    return [("", t("desk_filter_every_school")), *schools]
