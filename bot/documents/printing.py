"""The print kit every PDF shares (reportlab): the font, the styles, catalogue sentences as print
markup, a table of facts, and an A4 page with a footer and page numbers.

The font is Bitstream Vera, shipped with reportlab, which covers the accents and Latin letters of
Dutch, Turkish and Polish names.
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
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from bot.catalogue import pieces, plain, t

Names = Callable[[str], str]  # a Slack user id to the name printed for it

_FONTS = Path(reportlab.__file__).parent / "fonts"
REGULAR, BOLD, ITALIC = "MeldSans", "MeldSans-Bold", "MeldSans-Italic"
# Emoji have no glyph in the PDF's font: the catalogue's are left out of print.
_EMOJI = re.compile("[\u2300-\u27bf\ufe0f\U0001f000-\U0001faff] ?")


def register_fonts() -> None:
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in ((REGULAR, "Vera.ttf"), (BOLD, "VeraBd.ttf"), (ITALIC, "VeraIt.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(_FONTS / file)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


def style(
    name: str, size: float, *, font: str = REGULAR, color: colors.Color = colors.black, before: float = 0
) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=size * 1.35, textColor=color, spaceBefore=before, alignment=TA_LEFT
    )


TITLE = style("title", 16, font=BOLD)
SECTION = style("section", 12.5, font=BOLD, before=10)
HEAD = style("head", 10, font=BOLD, before=6)
BODY = style("body", 9.5)
NOTE = style("note", 8, color=colors.HexColor("#555555"))


def markup(sentence: Markup | str, names: Names = str) -> str:
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


def facts(rows: Sequence[tuple[Markup | str, Markup | str]]) -> Table:
    table = Table(
        [[Paragraph(markup(k), NOTE), Paragraph(markup(v), BODY)] for k, v in rows], colWidths=[45 * mm, None]
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def page(story: list[Flowable], *, title: str, footer: str) -> bytes:
    """The story on A4 pages, each with the footer and its page number."""
    register_fonts()
    buffer = io.BytesIO()

    def decorate(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
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
        title=title,
        author=plain(t("pdf_author")),
        creator="meldbot",
    )
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
