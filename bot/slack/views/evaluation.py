"""The interne evaluatie in Slack: a modal with the school and school year to show (menus, which
redraw it as soon as one is chosen), and its figures."""

from __future__ import annotations

from collections.abc import Sequence

from slack_sdk.models.blocks import ActionsBlock, Block, Option, StaticSelectElement
from slack_sdk.models.views import View

from bot.catalogue import t
from bot.documents.dialogs import Form
from bot.documents.evaluation import evaluation_parts
from bot.flows.steps.evaluation import Evaluation
from bot.slack.ids import Action
from bot.slack.views.common import modal, named_option, option
from bot.slack.views.dialogs import blocks_of


def _select(action: Action, options: list[Option], chosen: str) -> StaticSelectElement:
    return StaticSelectElement(
        action_id=action, options=options, initial_option=next(o for o in options if o.value == chosen)
    )


def evaluation_modal(evaluation: Evaluation, schools: Sequence[tuple[str, str]], years: Sequence[int]) -> View:
    """`schools` (id, name) the reader may choose from; `years` the school years offered, by the year they start."""
    start = evaluation.period.first.year
    choices = []
    if len(schools) > 1:
        school_options = [named_option(name, school_id) for school_id, name in schools]
        choices.append(_select(Action.EVALUATION_SCHOOL, school_options, evaluation.school_id))
    year_options = [option("evaluation_school_year", str(year), start=year, end=year + 1) for year in years]
    choices.append(_select(Action.EVALUATION_PERIOD, year_options, str(start)))
    blocks: list[Block] = [ActionsBlock(elements=choices), *blocks_of(evaluation_parts(evaluation))]
    metadata = {"school": evaluation.school_id, "year": start}
    return modal(Form.INFO, t("evaluation_modal_title"), blocks, metadata=metadata)
