"""The interne evaluatie as people read it: sections of labelled figures, shared by Slack, the PDF
and the CSV. A count too small for its reader shows as "< n"; a median or share of too few, as "–".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from bot.catalogue import joined, plain, t
from bot.documents.dates import show_date
from bot.documents.dialogs import Dialog, Heading, Part, Says, buttons, info
from bot.documents.labels import EVALUATION_COUNTS, label, named
from bot.documents.notices import Button, Does
from bot.flows.steps.evaluation import Evaluation
from bot.flows.steps.statistics import (
    ACUTE,
    CATEGORY,
    CLOSED,
    DAYS_TO_DECISION,
    DAYS_TO_TAKE,
    HELP_STARTED,
    MELDNORM,
    REGISTERED,
    REPORTED,
    ROUTE,
    measure,
)
from bot.flows.vocabulary import CloseReason, Route, SignalCategory
from bot.forms import small_number


@dataclass(frozen=True)
class Figure:
    key: str  # a stable name for the CSV (the measure, or what was derived from the measures)
    label: Markup
    shown: Markup  # as this reader may see it
    value: float | None  # the number behind it, None when it is not shown


@dataclass(frozen=True)
class Section:
    title: Markup
    figures: tuple[Figure, ...]


MELDNORMS = (1, 2, 3)  # 3: a new melding when the help did not reach its results (question 5 no)

# How the concerns were handled: the figures the PDF's chart draws.
HANDLING = (
    measure(CLOSED, CloseReason.NO_SUSPICION),
    HELP_STARTED,
    measure(CLOSED, CloseReason.HELP_SUCCEEDED),
    REPORTED,
    measure(CLOSED, CloseReason.HANDED_OVER),
)


def _counted(evaluation: Evaluation, key: str, text: Markup, n: int) -> Figure:
    if evaluation.hidden(n):
        return Figure(key, text, t("evaluation_fewer_than", threshold=evaluation.threshold or 0), None)
    return Figure(key, text, t("evaluation_number", value=n), n)


def _count(evaluation: Evaluation, name: str, text: Markup | None = None) -> Figure:
    text = text if text is not None else named(EVALUATION_COUNTS, name)
    return _counted(evaluation, name, text, evaluation.count(name))


def _derived(key: str, text: Markup, value: float | None, shown: Markup) -> Figure:
    return Figure(key, text, shown if value is not None else t("evaluation_not_shown"), value)


def sections(evaluation: Evaluation) -> list[Section]:
    share, take, decide = (
        evaluation.share_reported(),
        evaluation.median(DAYS_TO_TAKE),
        evaluation.median(DAYS_TO_DECISION),
    )
    return [
        Section(
            t("evaluation_section_registered"),
            (
                _count(evaluation, REGISTERED),
                *(_count(evaluation, measure(ROUTE, route)) for route in Route),
                _count(evaluation, ACUTE),
                *(
                    _count(evaluation, measure(CATEGORY, c), t("evaluation_category", category=label(c)))
                    for c in SignalCategory
                ),
            ),
        ),
        Section(
            t("evaluation_section_handled"),
            (
                *(_count(evaluation, name) for name in HANDLING[:4]),
                *(_count(evaluation, measure(MELDNORM, n), t("evaluation_meldnorm", meldnorm=n)) for n in MELDNORMS),
                _count(evaluation, HANDLING[4]),
            ),
        ),
        Section(
            t("evaluation_section_pace"),
            (
                _derived(
                    "share_reported",
                    t("evaluation_share_reported"),
                    share,
                    t("evaluation_percent", percent=round((share or 0) * 100)),
                ),
                _derived(
                    "median_days_to_take", t("evaluation_median_take"), take, t("evaluation_days", days=take or 0)
                ),
                _derived(
                    "median_days_to_decision",
                    t("evaluation_median_decision"),
                    decide,
                    t("evaluation_days", days=decide or 0),
                ),
                _counted(evaluation, "deadlines_missed", t("evaluation_missed"), evaluation.missed()),
            ),
        ),
    ]


def heading(evaluation: Evaluation) -> Markup:
    period = evaluation.period
    return t(
        "evaluation_heading", school=evaluation.school_name, first=show_date(period.first), last=show_date(period.last)
    )


def notes(evaluation: Evaluation) -> list[Markup]:
    lines = [t("evaluation_note_period")]
    if evaluation.threshold is not None:
        lines.append(t("evaluation_note_small", threshold=evaluation.threshold))
    return lines


def evaluation_parts(evaluation: Evaluation) -> list[Part]:
    """What a screen shows of it: the heading, each section's figures, and the notes."""
    parts: list[Part] = [Says(heading(evaluation))]
    for section in sections(evaluation):
        lines = [Markup("{} · <b>{}</b>").format(figure.label, figure.shown) for figure in section.figures]
        parts += [Heading(section.title), Says(joined(lines))]
    return [*parts, *(Says(line, aside=True) for line in notes(evaluation))]


def evaluation_dialog(evaluation: Evaluation, schools: Sequence[tuple[str, str]], years: Sequence[int]) -> Dialog:
    """The evaluation as a dialog whose buttons choose another school year or school (for a platform
    where a choice does not redraw a dialog by itself: Teams). `schools` are (id, name)."""
    start, school = evaluation.period.first.year, evaluation.school_id
    year_buttons = []
    for year in years:
        shown = t("evaluation_school_year", start=year, end=year + 1)
        year_buttons.append(Button(Does.OPEN_EVALUATION, shown, f"{school}:{year}", primary=year == start))
    school_buttons = [
        Button(Does.OPEN_EVALUATION, name, f"{school_id}:{start}", primary=school_id == school)
        for school_id, name in schools
    ]
    choices = [*buttons(*year_buttons), *(buttons(*school_buttons) if len(schools) > 1 else [])]
    return info(t("evaluation_modal_title"), *choices, *evaluation_parts(evaluation))


def chosen_evaluation(value: object) -> tuple[str | None, int]:
    """The school and the school year (by the year it starts) a button names; (None, 0): the first offered."""
    school, _, year = str(value or "").rpartition(":")
    return school or None, small_number(year, 9999)


def filename(evaluation: Evaluation, suffix: str = "pdf") -> str:
    """The school's id and the period: no number in it."""
    period = evaluation.period
    name = t(
        "evaluation_file", school=evaluation.school_id, first=period.first.isoformat(), last=period.last.isoformat()
    )
    return f"{plain(name)}.{suffix}"


def as_csv(evaluation: Evaluation, parts: Sequence[Section] | None = None) -> str:
    """One row per figure: the school, the period, a stable key, its label and what this reader may see."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["school", "from", "to", "figure", "label", "value"])
    period = evaluation.period
    for section in parts if parts is not None else sections(evaluation):
        for figure in section.figures:
            writer.writerow(
                [
                    evaluation.school_id,
                    period.first.isoformat(),
                    period.last.isoformat(),
                    figure.key,
                    plain(figure.label),
                    plain(figure.shown),
                ]
            )
    return out.getvalue()
