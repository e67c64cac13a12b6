"""*Mijn casussen*: a person's own overview as a dialog, for a platform without a page of its own
for the bot (Teams; Slack has its App Home). The desk of open cases, the cases whose team names
them and their own reports, each case with the button that opens or takes it, a page at a time;
and the person's own language."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from bot.catalogue import current_language, joined, t
from bot.documents.desk import (
    SCHOOLS_PER_PAGE,
    Home,
    HomePlace,
    case_line,
    counts_line,
    group_choices,
    range_line,
    reported_line,
    school_choices,
    school_lines,
    statistics_summary,
)
from bot.documents.dialogs import Buttons, Dialog, Heading, Input, Kind, Option, Part, Says, buttons, info
from bot.documents.labels import keys
from bot.documents.notices import Button, Does
from bot.flows.steps.desk import DESK_PER_PAGE, TEAM_PER_PAGE, Desk
from bot.flows.steps.dossier import REPORTED_PER_PAGE, CaseSummary
from bot.flows.vocabulary import Language
from bot.forms import Field


def my_cases(home: Home) -> Dialog:
    if not home.is_member:
        return info(t("my_cases_title"), Says(t("error_not_a_member")), *_statistics(home), *_language())
    parts: list[Part] = []
    if home.desk is not None:
        desk = home.desk
        parts += [Heading(t("desk_title", count=sum(desk.counts.values()))), Says(counts_line(desk), aside=True)]
        parts += _filters(desk, home.place)
        parts += _desk_lines(desk, several_schools=bool(desk.schools) and not desk.school)
        parts += _pager(home.place, "overseen", desk.offset, len(desk.cases), desk.total, DESK_PER_PAGE)
    if home.team is not None:
        team = home.team
        parts += [Heading(t("desk_team_title", count=team.total)), *_desk_lines(team, several_schools=False)]
        parts += _pager(home.place, "team", team.offset, len(team.cases), team.total, TEAM_PER_PAGE)
    reported = home.reported
    parts += [Heading(t("home_my_reports")), *_reported_lines(reported.cases)]
    parts += _pager(home.place, "reported", reported.offset, len(reported.cases), reported.total, REPORTED_PER_PAGE)
    return info(t("my_cases_title"), *parts, *_statistics(home), *_language())


def _statistics(home: Home) -> list[Part]:
    """The anonymous counts, for those the policy shows them, and the button to the interne evaluatie."""
    statistics = home.statistics
    if not statistics:
        return []
    parts: list[Part] = [Heading(t("home_statistics")), Says(statistics_summary(statistics))]
    if len(statistics) > 1:
        first = home.place.schools
        shown = statistics[first : first + SCHOOLS_PER_PAGE]
        parts += [Says(joined(school_lines(shown)))]
        parts += _pager(home.place, "schools", first, len(shown), len(statistics), SCHOOLS_PER_PAGE)
    evaluation = Button(Does.OPEN_EVALUATION, t("evaluation_button"), "")
    return [*parts, Says(t("home_statistics_note"), aside=True), *buttons(evaluation)]


def _language() -> list[Part]:
    """The person's own language, chosen here: the one they read now is the primary button."""
    now = current_language()
    choices = (
        Button(Does.CHOOSE_LANGUAGE, t(key), value, primary=value == now) for value, key in keys(Language).items()
    )
    return [Heading(t("home_language")), Says(t("home_language_note"), aside=True), *buttons(*choices)]


EVERY = "*"  # a filter's choice of every group or school: a choice's value may not be empty, no school id is "*"


def _filters(desk: Desk, place: HomePlace) -> list[Part]:
    """The desk's filters: a choice per filter, and the button that shows the desk as they are set
    (a choice does not redraw a dialog by itself)."""
    groups = tuple(Option(value or EVERY, text) for value, text in group_choices(desk))
    due = str(desk.due) if desk.due else EVERY
    parts: list[Part] = [Input(Field.DESK_DUE, "label_desk_due", Kind.ONE_OF, True, options=groups, initial=due)]
    if desk.schools:
        schools = tuple(Option(value or EVERY, text) for value, text in school_choices(desk.schools))
        parts.append(Input(Field.DESK_SCHOOL, "label_desk_school", Kind.ONE_OF, True, options=schools,
                           initial=desk.school or EVERY))  # fmt: skip
    return [*parts, *buttons(Button(Does.FILTER_DESK, t("button_desk_filter"), place.value()))]


def _desk_lines(desk: Desk, several_schools: bool) -> list[Part]:
    if not desk.cases:
        return [Says(t("home_none"), aside=True)]
    lines: list[Part] = []
    for case in desk.cases:
        value = str(case.case_id)
        if case.may_take:
            act = Button(Does.TAKE_CASE, t("button_take"), value, primary=True)
        else:
            act = Button(Does.OPEN_CASE, t("button_open_case"), value)
        lines += [Says(case_line(case, several_schools)), Buttons((act,))]
    return lines


def _reported_lines(cases: Sequence[CaseSummary]) -> list[Part]:
    if not cases:
        return [Says(t("home_none"), aside=True)]
    lines: list[Part] = []
    for case in cases:
        lines += [
            Says(reported_line(case)),
            Buttons((Button(Does.OPEN_CASE, t("button_open_case"), str(case.case_id)),)),
        ]
    return lines


def _pager(place: HomePlace, which: str, offset: int, shown: int, total: int, per_page: int) -> list[Part]:
    """'1–10 of 40' and the buttons to the pages before and after, when there is more than a page."""
    if offset == 0 and shown >= total:
        return []
    nav = []
    if offset > 0:
        earlier = place.value(**{which: max(0, offset - per_page)})
        nav.append(Button(Does.MY_CASES, t("button_page_previous"), earlier))
    if offset + shown < total:
        nav.append(Button(Does.MY_CASES, t("button_page_next"), place.value(**{which: offset + shown})))
    return [Says(Markup(range_line(offset, shown, total)), aside=True), *buttons(*nav)]
