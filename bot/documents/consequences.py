"""What an answer of the afwegingskader sets in motion, in words: the hint under a question and the
line in the answer form. The framework decides (framework.consequences); this only says it."""

from __future__ import annotations

from bot.catalogue import joined, t
from bot.documents.labels import CONSEQUENCES, label, named
from bot.flows.rules.framework import Consequence, Stage


def consequence_text(consequence: Consequence) -> str:
    after = consequence.after
    if after.stage is Stage.ASK:
        text = t("consequence_next", number=after.question)
    elif after.stage is Stage.REPORT_DUE:
        text = t("consequence_report_due", meldnorm=after.meldnorm)
        if after.question is not None:  # question 2: the weighing goes on, together with Veilig Thuis
            text += " " + t("consequence_then_with_veilig_thuis", number=after.question)
    elif after.stage is Stage.HELP_PLAN_DUE:
        text = t("consequence_help_plan")
    else:
        text = named(CONSEQUENCES, after.outcome)
    return t("consequence_director") + " " + text if consequence.informs_director else text


def hint_lines(consequences: tuple[Consequence, ...]) -> list[str]:
    """One line per outcome; answers that lead to the same place share it ("Ja / Twijfel: …")."""
    lines: dict[str, list[str]] = {}
    for consequence in consequences:
        lines.setdefault(consequence_text(consequence), []).append(label(consequence.answer))
    return [t("hint_answer_line", answers=joined(answers, " / "), consequence=text) for text, answers in lines.items()]
