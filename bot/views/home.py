"""The App Home tab: start a registration, and the cases this user may see."""

from __future__ import annotations

from collections.abc import Sequence

from slack_sdk.models.blocks import ActionsBlock, Block, DividerBlock, HeaderBlock, PlainTextObject
from slack_sdk.models.views import View

from bot.flows.dossier import CaseSummary
from bot.flows.statistics import ACUTE, CLOSED, REGISTERED, REPORTED, SchoolStatistics
from bot.ids import Action
from bot.texts import t
from bot.views.case import state_text
from bot.views.common import context, mrkdwn, show_date
from bot.views.messages import button

STATISTICS_YEARS = 3  # this year and the two before it


def _case_lines(cases: Sequence[CaseSummary], with_button: bool) -> list[Block]:
    if not cases:
        return [context(t("home_none"))]
    blocks: list[Block] = []
    for case in cases:
        line = mrkdwn(
            t("home_case_line", reference=case.reference, state=state_text(case.state), date=show_date(case.created_at))
        )
        if with_button:
            line.accessory = button(Action.OPEN_CASE, "button_open_case", str(case.case_id))
        blocks.append(line)
    return blocks


def _statistics(statistics: Sequence[SchoolStatistics]) -> list[Block]:
    """Anonymous counts per school, for the last few years: no reference, no name, no date."""
    blocks: list[Block] = [DividerBlock(), HeaderBlock(text=PlainTextObject(text=t("home_statistics")))]
    for school in statistics:
        lines = [
            t(
                "home_statistics_year",
                year=year,
                registered=counts[REGISTERED],
                acute=counts[ACUTE],
                reported=counts[REPORTED],
                closed=counts[CLOSED],
            )
            for year, counts in list(school.years.items())[:STATISTICS_YEARS]
        ]
        blocks.append(mrkdwn(f"*{school.school_name}*\n" + ("\n".join(lines) or t("home_none"))))
    blocks.append(context(t("home_statistics_note")))
    return blocks


def home_view(
    is_member: bool,
    overseen: Sequence[CaseSummary] | None,
    reported: Sequence[CaseSummary],
    statistics: Sequence[SchoolStatistics] = (),
) -> View:
    """`overseen` is None for users who see no school-wide list (not a coordinator or director);
    `statistics` is empty for users who may not see them."""
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text=t("home_title")))]
    if not is_member:
        if statistics:
            return View(type="home", blocks=[*blocks, *_statistics(statistics)])
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
            HeaderBlock(text=PlainTextObject(text=t("home_open_cases"))),
            *_case_lines(overseen, with_button=True),
        ]
    blocks += [
        DividerBlock(),
        HeaderBlock(text=PlainTextObject(text=t("home_my_reports"))),
        *_case_lines(reported, with_button=True),
    ]
    if statistics:
        blocks += _statistics(statistics)
    return View(type="home", blocks=blocks)
