"""The desk in the App Home: open cases grouped by what is due, late ones marked, filters and pages;
and the cases whose team names the reader. (bot.documents.desk writes the lines.)"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from slack_sdk.models.blocks import ActionsBlock, Block, ExternalDataSelectElement, Option, StaticSelectElement

from bot.catalogue import t
from bot.documents.desk import case_line, counts_line, group_choices, school_choices
from bot.flows.steps.desk import Desk
from bot.slack.ids import Action
from bot.slack.ids import Block as BlockId
from bot.slack.views.common import MAX_SELECT_OPTIONS, button, context, header, mrkdwn, named_option

Place = Callable[..., str]  # the Home's place with some of its parts changed, as a button or option value


def case_lines(desk: Desk, several_schools: bool) -> list[Block]:
    blocks: list[Block] = []
    for case in desk.cases:
        line = mrkdwn(case_line(case, several_schools))
        if case.may_take:
            line.accessory = button(Action.TAKE_CASE, "button_take", str(case.case_id), primary=True)
        else:
            line.accessory = button(Action.OPEN_CASE, "button_open_case", str(case.case_id))
        blocks.append(line)
    return blocks


def overview(desk: Desk) -> Block:
    return context(counts_line(desk))


def filters(desk: Desk, place: Place) -> Block:
    """A select per filter; each option's value is the whole place it leads to (on its first page)."""
    groups = [named_option(text, place(due=value, overseen=0)) for value, text in group_choices(desk)]
    chosen = place(due=str(desk.due) if desk.due else "", overseen=0)
    elements: list[StaticSelectElement | ExternalDataSelectElement] = [_select(Action.HOME_FILTER_DUE, groups, chosen)]
    if desk.schools:
        schools = desk_school_options(desk.schools, place)
        current = place(school=desk.school, overseen=0)
        if len(schools) <= MAX_SELECT_OPTIONS:
            elements.append(_select(Action.HOME_FILTER_SCHOOL, schools, current))
        else:  # a board's many schools: searched as the director types (bot.slack.handlers.suggestions)
            initial = next(o for o in schools if o.value == current)
            elements.append(
                ExternalDataSelectElement(
                    action_id=Action.HOME_FILTER_SCHOOL, min_query_length=0, initial_option=initial
                )
            )
    return ActionsBlock(block_id=BlockId.DESK_FILTERS, elements=elements)


def desk_school_options(schools: Sequence[tuple[str, str]], place: Place) -> list[Option]:
    """Every school to filter the desk by, each leading to the desk's first page of that school."""
    return [named_option(text, place(school=value, overseen=0)) for value, text in school_choices(schools)]


def _select(action: Action, options: list[Option], chosen: str) -> StaticSelectElement:
    initial = next((o for o in options if o.value == chosen), options[0])
    return StaticSelectElement(action_id=action, options=options, initial_option=initial)


def desk_blocks(desk: Desk, place: Place, pager: Callable[[Desk], list[Block]]) -> list[Block]:
    title = t("desk_title", count=sum(desk.counts.values()))
    lines = case_lines(desk, several_schools=bool(desk.schools) and not desk.school)
    return [header(title), overview(desk), filters(desk, place), *(lines or [context(t("home_none"))]), *pager(desk)]


def team_blocks(team: Desk, pager: Callable[[Desk], list[Block]]) -> list[Block]:
    return [header(t("desk_team_title", count=team.total)), *case_lines(team, several_schools=False), *pager(team)]
