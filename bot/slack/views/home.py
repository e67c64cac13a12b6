"""The App Home tab, per role: start a registration; the desk of open cases (coordinators and
directors); the cases whose team names the user; the user's own reports; the anonymous counts and
the interne evaluatie (coordinators, directors, the board); the user's language.

Within Slack's 100 blocks whatever the size: each list shows a page and says how many there are,
and the counts of many schools are summed for the board, then listed a page of schools at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup
from slack_sdk.models.blocks import ActionsBlock, Block, DividerBlock, StaticSelectElement
from slack_sdk.models.views import View

from bot.catalogue import current_language, t
from bot.documents.desk import (
    SCHOOLS_PER_PAGE,
    Home,
    HomePlace,
    range_line,
    reported_line,
    school_lines,
    statistics_summary,
)
from bot.documents.labels import keys
from bot.flows.steps.desk import DESK_PER_PAGE, TEAM_PER_PAGE, Desk
from bot.flows.steps.dossier import REPORTED_PER_PAGE, CasePage
from bot.flows.steps.statistics import SchoolStatistics
from bot.flows.vocabulary import Language
from bot.slack.ids import Action
from bot.slack.views.common import SECTION_TEXT_LIMIT, button, buttons, context, header, mrkdwn, option, slack_mrkdwn
from bot.slack.views.desk import desk_blocks, team_blocks


def _desk_pager(place: HomePlace, which: str, per_page: int) -> Callable[[Desk], list[Block]]:
    return lambda desk: _pager(desk.offset, len(desk.cases), desk.total, place, which, per_page)


def _case_lines(page: CasePage, place: HomePlace, which: str, per_page: int) -> list[Block]:
    if not page.total:
        return [context(t("home_none"))]
    blocks: list[Block] = []
    for case in page.cases:
        line = mrkdwn(reported_line(case))
        line.accessory = button(Action.OPEN_CASE, "button_open_case", str(case.case_id))
        blocks.append(line)
    return [*blocks, *_pager(page.offset, len(page.cases), page.total, place, which, per_page)]


def _pager(offset: int, shown: int, total: int, place: HomePlace, which: str, per_page: int) -> list[Block]:
    """'1–25 of 1,000' and the buttons to the pages before and after, when there is more than a page."""
    if offset == 0 and shown >= total:
        return []
    nav = []
    if offset > 0:
        nav.append(button(Action.HOME_PAGE, "button_page_previous", place.value(**{which: max(0, offset - per_page)})))
    if offset + shown < total:
        nav.append(button(Action.HOME_PAGE, "button_page_next", place.value(**{which: offset + shown})))
    return [context(range_line(offset, shown, total)), *buttons(nav)]


def _statistics(statistics: Sequence[SchoolStatistics], place: HomePlace) -> list[Block]:
    """Anonymous counts. One school: its last years. Several: their sum, then a page of schools with
    this year's line each."""
    blocks: list[Block] = [DividerBlock(), header(t("home_statistics")), mrkdwn(statistics_summary(statistics))]
    if len(statistics) > 1:
        shown = statistics[place.schools : place.schools + SCHOOLS_PER_PAGE]
        blocks += _text_blocks(school_lines(shown))
        blocks += _pager(place.schools, len(shown), len(statistics), place, "schools", SCHOOLS_PER_PAGE)
    blocks.append(context(t("home_statistics_note")))
    return [*blocks, *buttons([button(Action.OPEN_EVALUATION, "evaluation_button", "home")])]


def _text_blocks(lines: Sequence[Markup]) -> list[Block]:
    """Lines gathered into as few sections as Slack's text limit allows (a line is far shorter)."""
    blocks: list[Block] = []
    current: list[Markup] = []
    for line in lines:
        if current and len(slack_mrkdwn(Markup("\n").join([*current, line]))) > SECTION_TEXT_LIMIT:
            blocks.append(mrkdwn(Markup("\n").join(current)))
            current = []
        current.append(line)
    return [*blocks, mrkdwn(Markup("\n").join(current))] if current else blocks


def _language() -> list[Block]:
    """The person's own language, chosen here; the select shows the one they read now."""
    options = [option(key, value) for value, key in keys(Language).items()]
    now = current_language()
    note = mrkdwn(t("home_language_note"))
    note.accessory = StaticSelectElement(
        action_id=Action.CHOOSE_LANGUAGE, options=options, initial_option=next(o for o in options if o.value == now)
    )
    return [DividerBlock(), header(t("home_language")), note]


def _home(place: HomePlace, blocks: list[Block]) -> View:
    """The Home keeps its place, so that a click in it (taking a case) can draw it again where it was."""
    return View(type="home", blocks=blocks, private_metadata=place.value())


def home_view(home: Home) -> View:
    """In the language being spoken."""
    desk, team, reported, statistics, place = home.desk, home.team, home.reported, home.statistics, home.place
    blocks: list[Block] = [header(t("home_title"))]
    if not home.is_member:
        if statistics:
            return _home(place, [*blocks, *_statistics(statistics, place), *_language()])
        blocks.append(mrkdwn(t("error_not_a_member")))
        return _home(place, [*blocks, *_language()])
    blocks += [
        mrkdwn(t("home_intro")),
        ActionsBlock(elements=[button(Action.START_REGISTRATION, "button_start", "home", primary=True)]),
        context(t("home_emergency")),
    ]
    if desk is not None:
        blocks += [DividerBlock(), *desk_blocks(desk, place.value, _desk_pager(place, "overseen", DESK_PER_PAGE))]
    if team is not None:
        blocks += [DividerBlock(), *team_blocks(team, _desk_pager(place, "team", TEAM_PER_PAGE))]
    blocks += [
        DividerBlock(),
        header(t("home_my_reports")),
        *_case_lines(reported, place, "reported", REPORTED_PER_PAGE),
    ]
    if statistics:
        blocks += _statistics(statistics, place)
    return _home(place, [*blocks, *_language()])
