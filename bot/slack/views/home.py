"""The App Home tab: start a registration, the cases this user may see (paged), and the anonymous counts.

Within Slack's 100 blocks whatever the size: each list shows a page and says how many there are,
and the counts of many schools are summed for the board, then listed a page of schools at a time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from slack_sdk.models.blocks import ActionsBlock, Block, DividerBlock
from slack_sdk.models.views import View

from bot.catalogue import t
from bot.documents.dates import show_date
from bot.flows.steps.dossier import OPEN_PER_PAGE, REPORTED_PER_PAGE, CasePage
from bot.flows.steps.statistics import ACUTE, CLOSED, REGISTERED, REPORTED, SchoolStatistics
from bot.slack.ids import Action
from bot.slack.views.case import state_text
from bot.slack.views.common import SECTION_TEXT_LIMIT, button, buttons, context, header, mrkdwn

STATISTICS_YEARS = 3  # this year and the two before it
SCHOOLS_PER_PAGE = 30


@dataclass(frozen=True)
class HomePlace:
    """Where in each list of the Home the user is (what a paging button asks for)."""

    overseen: int = 0
    reported: int = 0
    schools: int = 0

    def value(self, **changed: int) -> str:
        moved = {"overseen": self.overseen, "reported": self.reported, "schools": self.schools, **changed}
        return ":".join(str(moved[name]) for name in ("overseen", "reported", "schools"))


def _case_lines(page: CasePage, place: HomePlace, which: str, per_page: int) -> list[Block]:
    if not page.total:
        return [context(t("home_none"))]
    blocks: list[Block] = []
    for case in page.cases:
        line = mrkdwn(
            t("home_case_line", reference=case.reference, state=state_text(case.state), date=show_date(case.created_at))
        )
        line.accessory = button(Action.OPEN_CASE, "button_open_case", str(case.case_id))
        blocks.append(line)
    return [*blocks, *_pager(page.offset, len(page.cases), page.total, place, which, per_page)]


def _pager(offset: int, shown: int, total: int, place: HomePlace, which: str, per_page: int) -> list[Block]:
    """'1–25 of 1,000' and the buttons to the pages before and after, when there is more than a page."""
    if offset == 0 and shown >= total:
        return []
    nav = []
    if offset > 0:
        nav.append(button(Action.HOME_PAGE, "button_page_newer", place.value(**{which: max(0, offset - per_page)})))
    if offset + shown < total:
        nav.append(button(Action.HOME_PAGE, "button_page_older", place.value(**{which: offset + shown})))
    return [context(t("home_range", first=offset + 1, last=offset + shown, total=total)), *buttons(nav)]


def _year_lines(years: dict[int, Counter[str]]) -> list[str]:
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


def _statistics(statistics: Sequence[SchoolStatistics], place: HomePlace) -> list[Block]:
    """Anonymous counts: no reference, no name of a person, no date. One school: its last years.
    Several: their sum, then a page of schools with this year's line each."""
    blocks: list[Block] = [DividerBlock(), header(t("home_statistics"))]
    if len(statistics) == 1:
        [school] = statistics
        blocks.append(mrkdwn(f"*{school.school_name}*\n" + ("\n".join(_year_lines(school.years)) or t("home_none"))))
    else:
        summed: dict[int, Counter[str]] = {}
        for school in statistics:
            for year, counts in school.years.items():
                summed.setdefault(year, Counter()).update(counts)
        board = "\n".join(_year_lines(dict(sorted(summed.items(), reverse=True)))) or t("home_none")
        blocks.append(mrkdwn(t("home_statistics_board", schools=len(statistics)) + "\n" + board))
        shown = statistics[place.schools : place.schools + SCHOOLS_PER_PAGE]
        lines = [f"*{s.school_name}* · " + (_year_lines(s.years)[:1] or [t("home_none")])[0] for s in shown]
        blocks += _text_blocks(lines)
        blocks += _pager(place.schools, len(shown), len(statistics), place, "schools", SCHOOLS_PER_PAGE)
    blocks.append(context(t("home_statistics_note")))
    return blocks


def _text_blocks(lines: Sequence[str]) -> list[Block]:
    """Lines gathered into as few sections as Slack's text limit allows."""
    blocks: list[Block] = []
    current = ""
    for line in lines:
        line = line[: SECTION_TEXT_LIMIT - 1]
        if current and len(current) + 1 + len(line) > SECTION_TEXT_LIMIT:
            blocks.append(mrkdwn(current))
            current = ""
        current = f"{current}\n{line}" if current else line
    return [*blocks, mrkdwn(current)] if current else blocks


def home_view(
    is_member: bool,
    overseen: CasePage | None,
    reported: CasePage,
    statistics: Sequence[SchoolStatistics] = (),
    place: HomePlace = HomePlace(),
) -> View:
    """`overseen` is None for users who see no school-wide list (not a coordinator or director);
    `statistics` is empty for users who may not see them."""
    blocks: list[Block] = [header(t("home_title"))]
    if not is_member:
        if statistics:
            return View(type="home", blocks=[*blocks, *_statistics(statistics, place)])
        blocks.append(mrkdwn(t("error_not_a_member")))
        return View(type="home", blocks=blocks)
    blocks += [
        mrkdwn(t("home_intro")),
        ActionsBlock(elements=[button(Action.START_REGISTRATION, "button_start", "home", primary=True)]),
        context(t("home_emergency")),
    ]
    if overseen is not None:
        blocks += [
            DividerBlock(),
            header(t("home_open_cases", count=overseen.total)),
            *_case_lines(overseen, place, "overseen", OPEN_PER_PAGE),
        ]
    blocks += [
        DividerBlock(),
        header(t("home_my_reports")),
        *_case_lines(reported, place, "reported", REPORTED_PER_PAGE),
    ]
    if statistics:
        blocks += _statistics(statistics, place)
    return View(type="home", blocks=blocks)
