"""`/meldcode help`: the five steps and the afwegingskader in short, for anyone at the school.

The answers' outcomes are the framework's own (framework.consequences, said by
documents.consequences), so the guide cannot drift from what the bot does.
"""

from __future__ import annotations

from markupsafe import Markup

from bot.catalogue import joined, t
from bot.documents.consequences import hint_lines
from bot.documents.labels import QUESTIONS, named
from bot.flows.rules.framework import CURRENT, WeighingState, consequences

STEP_KEYS = ("guide_step_1", "guide_step_2", "guide_step_3", "guide_step_4", "guide_step_5")


def steps() -> Markup:
    return joined([t("guide_steps_head"), *(t(key) for key in STEP_KEYS)])


def framework_questions() -> list[Markup]:
    """Each question of the afwegingskader with where each answer leads, as asked for the first time."""
    parts = []
    for number in CURRENT.questions:
        # Question 5 evaluates help that runs; the others are asked in a weighing's first pass.
        state = WeighingState(question=number, help_running=number == 5)
        head = t("guide_question", number=number, question=named(QUESTIONS, number))
        parts.append(joined([head, *hint_lines(consequences(CURRENT, state, number))]))
    return parts
