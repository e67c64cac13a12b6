"""The exports as PDF (reportlab): the dossier, and a conversation report with room to sign.

The text comes from the same parts as the Slack views (bot.views.dossier_text) and the same
message catalogue. Users' text is escaped and kept whole; the font is Bitstream Vera, shipped
with reportlab, which covers the accents and Latin letters of Dutch, Turkish and Polish names.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from markupsafe import Markup
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bot.catalogue import listing, pieces, plain, t
from bot.documents import dossier_text
from bot.documents.dates import show_date
from bot.documents.dossier_text import Item, Kind
from bot.documents.labels import TEAM_ROLES, label, named
from bot.documents.timeline import timeline_line
from bot.flows.steps.dossier import DossierView
from bot.flows.steps.export import Document, Export

Names = Callable[[str], str]  # a Slack user id to the name printed for it

_FONTS = Path(reportlab.__file__).parent / "fonts"
_REGULAR, _BOLD, _ITALIC = "MeldSans", "MeldSans-Bold", "MeldSans-Italic"
# Emoji have no glyph in the PDF's font: the catalogue's are left out of print.
_EMOJI = re.compile("[\u2300-\u27bf\ufe0f\U0001f000-\U0001faff] ?")


def _register_fonts() -> None:
    if _REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in ((_REGULAR, "Vera.ttf"), (_BOLD, "VeraBd.ttf"), (_ITALIC, "VeraIt.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(_FONTS / file)))
    pdfmetrics.registerFontFamily(_REGULAR, normal=_REGULAR, bold=_BOLD, italic=_ITALIC, boldItalic=_BOLD)


def _style(
    name: str, size: float, *, font: str = _REGULAR, color: colors.Color = colors.black, before: float = 0
) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=size * 1.35, textColor=color, spaceBefore=before, alignment=TA_LEFT
    )


_TITLE = _style("title", 16, font=_BOLD)
_SECTION = _style("section", 12.5, font=_BOLD, before=10)
_HEAD = _style("head", 10, font=_BOLD, before=6)
_BODY = _style("body", 9.5)
_NOTE = _style("note", 8, color=colors.HexColor("#555555"))


def _markup(sentence: Markup | str, names: Names = str) -> str:
    """A catalogue sentence as reportlab markup: people by name, emphasis in bold, the rest escaped.
    A plain `str` is what a user typed: escaped, its line breaks kept, never read as markup."""
    out = []
    for piece in pieces(sentence):
        if piece.bold is not None:
            out.append("<b>" if piece.bold else "</b>")
        elif piece.person is not None:
            out.append(escape(names(piece.person)))
        else:
            # The catalogue's emoji have no glyph in print; what a user typed is kept whole.
            text = _EMOJI.sub("", piece.text) if isinstance(sentence, Markup) else piece.text
            out.append(escape(text).replace("\n", "<br/>"))
    return "".join(out)


def _item(parts: Item, names: Names) -> list[Flowable]:
    styles = {Kind.HEAD: _HEAD, Kind.LINE: _BODY, Kind.NOTE: _NOTE}
    flow: list[Flowable] = []
    for part in parts:
        if part.kind is Kind.TEXT:
            flow.append(Paragraph(_markup(part.text), _BODY))
        else:
            flow.append(Paragraph(_markup(part.text, names), styles[part.kind]))
    return [*flow, Spacer(1, 3 * mm)]


def _facts(rows: Sequence[tuple[Markup | str, Markup | str]]) -> Table:
    table = Table(
        [[Paragraph(_markup(k), _NOTE), Paragraph(_markup(v), _BODY)] for k, v in rows], colWidths=[45 * mm, None]
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def _pupil_rows(view: DossierView) -> list[tuple[Markup | str, Markup | str]]:
    return [
        (t("label_pupil_name"), view.pupil_name),
        (t("label_pupil_group"), view.pupil_group),
        (t("label_age_band"), label(view.age_band) if view.age_band else ""),
        (t("label_school"), view.school_name),
    ]


def _section(title_key: str, items: Sequence[Item], names: Names) -> list[Flowable]:
    if not items:
        return []
    flow: list[Flowable] = [Paragraph(_markup(t(title_key)), _SECTION)]
    # An item stays on one page where it fits; a longer one flows on.
    return flow + [KeepTogether(_item(parts, names)) for parts in items]


def _dossier(export: Export, names: Names) -> list[Flowable]:
    view = export.dossier
    team = listing([Markup("{} ({})").format(names(user), named(TEAM_ROLES, role)) for user, role in view.team])
    case_rows = [
        (t("pdf_route"), label(view.route)),
        (t("pdf_state"), label(view.state)),
        (t("pdf_registered"), t("pdf_by_on", name=names(view.reporter_id), date=show_date(view.created_at))),
        (t("pdf_coordinator"), names(view.coordinator_id) if view.coordinator_id else ""),
        (t("label_team"), team),
    ]
    flow: list[Flowable] = [
        Paragraph(_markup(t("pdf_dossier_title", reference=view.reference)), _TITLE),
        Paragraph(_markup(t("pdf_dossier_closed_to_parents")), _NOTE),
        Spacer(1, 4 * mm),
        _facts(_pupil_rows(view) + [(k, v) for k, v in case_rows if v]),
    ]
    if view.acute:
        flow.append(Paragraph(_markup(t("dossier_acute"), names), _BODY))
    flow += _section("section_signals", [dossier_text.signal(n, s) for n, s in enumerate(view.signals, 1)], names)
    flow += _section("section_consultations", [dossier_text.consultation(c) for c in view.consultations], names)
    flow += _section("section_conversations", [dossier_text.conversation(c) for c in view.conversations], names)
    flow += _section("section_weighings", [dossier_text.weighing(w) for w in view.weighings], names)
    flow += _section("section_reports", [dossier_text.report(r) for r in view.reports], names)
    flow += _section("section_help_plans", [dossier_text.help_plan(p) for p in view.help_plans], names)
    if view.closing is not None:
        closing = view.closing
        parts = [
            dossier_text.head(t("now_closed", reason=label(closing.reason), date=show_date(closing.closed_at))),
            *dossier_text.labelled("pdf_close_note", closing.note),
            *dossier_text.labelled("pdf_monitoring", closing.monitoring),
        ]
        flow += _section("pdf_closing", [parts], names)
    flow += _section("section_reminders", [dossier_text.reminder(r) for r in view.reminders], names)
    if view.timeline:
        flow.append(Paragraph(_markup(t("section_timeline")), _SECTION))
        flow += [Paragraph(_markup(timeline_line(entry), names), _NOTE) for entry in view.timeline]
    return flow


def _signature_table(names: Sequence[str]) -> Table:
    rows = [[Paragraph(_markup(who), _NOTE), "", ""] for who in names]
    header = [Paragraph(_markup(t(key)), _NOTE) for key in ("pdf_sign_who", "pdf_sign_date", "pdf_sign_signature")]
    table = Table([header, *rows], colWidths=[70 * mm, 30 * mm, None], rowHeights=[None, *([16 * mm] * len(rows))])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _conversation(export: Export, names: Names) -> list[Flowable]:
    view, conversation = export.dossier, export.conversation
    assert conversation is not None
    return [
        Paragraph(_markup(t("pdf_conversation_title", reference=view.reference)), _TITLE),
        Spacer(1, 4 * mm),
        _facts(_pupil_rows(view)),
        Spacer(1, 3 * mm),
        *_item(dossier_text.conversation(conversation), names),
        Paragraph(_markup(t("pdf_conversation_parents_view")), _HEAD),
        Table([[""]], colWidths=[None], rowHeights=[40 * mm], style=[("BOX", (0, 0), (-1, -1), 0.5, colors.grey)]),
        Paragraph(_markup(t("pdf_conversation_sign")), _HEAD),
        Paragraph(_markup(t("pdf_conversation_sign_note")), _NOTE),
        Spacer(1, 2 * mm),
        _signature_table([t("pdf_sign_parent", number=1), t("pdf_sign_parent", number=2), t("pdf_sign_school")]),
    ]


def filename(export: Export) -> str:
    """Reference and kind only: the name shows in Slack and in file listings."""
    if export.document is Document.CONVERSATION:
        return plain(t("pdf_file_conversation", reference=export.dossier.reference, number=export.conversation_number))
    return plain(t("pdf_file_dossier", reference=export.dossier.reference))


def render(export: Export, names: Names = lambda user_id: user_id) -> bytes:
    _register_fonts()
    buffer = io.BytesIO()
    title = label(export.document)
    footer = plain(
        t(
            "pdf_footer",
            reference=export.dossier.reference,
            date=show_date(export.generated_at),
            name=names(export.generated_by),
        )
    )

    def decorate(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(_REGULAR, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(18 * mm, 10 * mm, footer)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, plain(t("pdf_page", page=document.page)))
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"{export.dossier.reference} {plain(title)}",
        author=plain(t("pdf_author")),
        creator="meldbot",
    )
    document.build(_story(export, names), onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def _story(export: Export, names: Names) -> list[Flowable]:
    _register_fonts()  # a paragraph's style names its font when it is made
    return _conversation(export, names) if export.document is Document.CONVERSATION else _dossier(export, names)


def people(export: Export) -> set[str]:
    """Everyone the document names, so that their names can be looked up before it is drawn."""
    named: set[str] = {export.generated_by}

    def note(user_id: str) -> str:
        named.add(user_id)
        return user_id

    _story(export, note)
    return named
