"""The interne evaluatie as a PDF a director can hand the board: a chart of how the concerns were
handled, drawn with reportlab's own charts, and a table per section."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from bot.catalogue import plain, t
from bot.documents.dates import show_date
from bot.documents.evaluation import HANDLING, Figure, Section, filename, heading, notes, sections
from bot.documents.printing import BODY, NOTE, REGULAR, SECTION, TITLE, markup, page, register_fonts
from bot.flows.steps.evaluation import Evaluation

_WIDTH = 174 * mm  # A4 less the margins
_BAR = colors.HexColor("#3b6ea5")
_FIGURE = ParagraphStyle("figure", parent=BODY, alignment=TA_RIGHT)


def _chart(figures: Sequence[Figure]) -> Drawing:
    """One bar per way of handling; a figure too small to show is drawn empty and says "< n"."""
    rows = list(reversed(figures))  # a horizontal chart draws its first category at the bottom
    height = 14 * mm + 9 * mm * len(rows)
    drawing = Drawing(_WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 72 * mm, 6 * mm
    chart.width, chart.height = _WIDTH - chart.x - 14 * mm, height - 10 * mm
    chart.data = [[figure.value or 0 for figure in rows]]
    chart.categoryAxis.categoryNames = [plain(figure.label) for figure in rows]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = _BAR
    chart.bars[0].strokeColor = None
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = "values"  # each bar says what this reader may see, "< 5" included
    chart.barLabelArray = [[plain(figure.shown) for figure in rows]]
    if not any(figure.value for figure in rows):
        chart.valueAxis.valueMax = 1  # an empty period still draws its axis
    drawing.add(chart)
    return drawing


def _table(section: Section) -> Table:
    rows = [[Paragraph(markup(f.label), BODY), Paragraph(markup(f.shown), _FIGURE)] for f in section.figures]
    table = Table(rows, colWidths=[_WIDTH - 30 * mm, 30 * mm])
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def render(evaluation: Evaluation, made_on: date) -> bytes:
    register_fonts()
    parts = sections(evaluation)
    figures = {figure.key: figure for section in parts for figure in section.figures}
    story: list[Flowable] = [
        Paragraph(markup(t("evaluation_title")), TITLE),
        Paragraph(markup(heading(evaluation)), BODY),
        *(Paragraph(markup(line), NOTE) for line in notes(evaluation)),
        Spacer(1, 4 * mm),
        Paragraph(markup(t("evaluation_chart_title", registered=figures["registered"].shown)), SECTION),
        _chart([figures[key] for key in HANDLING]),
    ]
    for section in parts:
        story += [Paragraph(markup(section.title), SECTION), _table(section)]
    footer = plain(t("evaluation_footer", school=evaluation.school_name, date=show_date(made_on)))
    title = plain(filename(evaluation)).removesuffix(".pdf")
    return page(story, title=title, footer=footer)
