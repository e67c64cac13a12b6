"""The exports as PDF (reportlab): the dossier, and a conversation report with room to sign.

The text comes from the same parts as the Slack views (bot.views.dossier_text) and the same
message catalogue, printed with the shared kit of bot.documents.printing. Users' text is escaped
and kept whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from bot.catalogue import listing, plain, t
from bot.documents import dossier_text
from bot.documents.dates import show_date
from bot.documents.dossier_text import Item, Kind
from bot.documents.labels import TEAM_ROLES, label, named
from bot.documents.printing import BODY, HEAD, NOTE, SECTION, TITLE, Names, facts, markup, page, register_fonts
from bot.documents.timeline import timeline_line, what_happened
from bot.flows.audit import SYSTEM_ACTOR
from bot.flows.steps.access_report import AccessEntry
from bot.flows.steps.dossier import DossierView, TimelineEntry
from bot.flows.steps.export import Document, Export


def _item(parts: Item, names: Names) -> list[Flowable]:
    styles = {Kind.HEAD: HEAD, Kind.LINE: BODY, Kind.NOTE: NOTE}
    flow: list[Flowable] = []
    for part in parts:
        if part.kind is Kind.TEXT:
            flow.append(Paragraph(markup(part.text), BODY))
        else:
            flow.append(Paragraph(markup(part.text, names), styles[part.kind]))
    return [*flow, Spacer(1, 3 * mm)]


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
    flow: list[Flowable] = [Paragraph(markup(t(title_key)), SECTION)]
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
        Paragraph(markup(t("pdf_dossier_title", reference=view.reference)), TITLE),
        Paragraph(markup(t("pdf_dossier_closed_to_parents")), NOTE),
        Spacer(1, 4 * mm),
        facts(_pupil_rows(view) + [(k, v) for k, v in case_rows if v]),
    ]
    if view.acute:
        flow.append(Paragraph(markup(t("dossier_acute"), names), BODY))
    flow += _section("section_signals", [dossier_text.signal(n, s) for n, s in enumerate(view.signals, 1)], names)
    flow += _section("section_consultations", [dossier_text.consultation(c) for c in view.consultations], names)
    flow += _section("section_conversations", [dossier_text.conversation(c) for c in view.conversations], names)
    flow += _section("section_kindchecks", [dossier_text.kindcheck(k) for k in view.kindchecks], names)
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
        flow.append(Paragraph(markup(t("section_timeline")), SECTION))
        flow += [Paragraph(markup(timeline_line(entry), names), NOTE) for entry in view.timeline]
    return flow


def _signature_table(names: Sequence[str]) -> Table:
    rows = [[Paragraph(markup(who), NOTE), "", ""] for who in names]
    header = [Paragraph(markup(t(key)), NOTE) for key in ("pdf_sign_who", "pdf_sign_date", "pdf_sign_signature")]
    table = Table([header, *rows], colWidths=[70 * mm, 30 * mm, None], rowHeights=[None, *([16 * mm] * len(rows))])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _conversation(export: Export, names: Names) -> list[Flowable]:
    view, conversation = export.dossier, export.conversation
    assert conversation is not None
    return [
        Paragraph(markup(t("pdf_conversation_title", reference=view.reference)), TITLE),
        Spacer(1, 4 * mm),
        facts(_pupil_rows(view)),
        Spacer(1, 3 * mm),
        *_item(dossier_text.conversation(conversation), names),
        Paragraph(markup(t("pdf_conversation_parents_view")), HEAD),
        Table([[""]], colWidths=[None], rowHeights=[40 * mm], style=[("BOX", (0, 0), (-1, -1), 0.5, colors.grey)]),
        Paragraph(markup(t("pdf_conversation_sign")), HEAD),
        Paragraph(markup(t("pdf_conversation_sign_note")), NOTE),
        Spacer(1, 2 * mm),
        _signature_table([t("pdf_sign_parent", number=1), t("pdf_sign_parent", number=2), t("pdf_sign_school")]),
    ]


def _access_report(export: Export, names: Names) -> list[Flowable]:
    """Who viewed, changed, exported or was refused the pupil's dossier, when, and on which case."""
    view, report = export.dossier, export.access
    assert report is not None
    header = [Paragraph(markup(t(key)), NOTE) for key in ("pdf_access_when", "pdf_access_who", "pdf_access_kind",
                                                          "pdf_access_what", "pdf_access_case")]  # fmt: skip
    rows = [
        [
            Paragraph(markup(show_date(entry.at)), NOTE),
            Paragraph(markup(t("pdf_access_bot") if entry.actor_id == SYSTEM_ACTOR else names(entry.actor_id)), NOTE),
            Paragraph(markup(label(entry.kind)), NOTE),
            Paragraph(markup(_access_what(entry)), NOTE),
            Paragraph(markup(entry.reference), NOTE),
        ]
        for entry in report.entries
    ]
    table = Table([header, *rows], colWidths=[31 * mm, 33 * mm, 22 * mm, None, 26 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    cases = listing([Markup("{}").format(reference) for reference in report.references])
    return [
        Paragraph(markup(t("pdf_access_title")), TITLE),
        Paragraph(markup(t("pdf_access_intro")), NOTE),
        Spacer(1, 4 * mm),
        facts([*_pupil_rows(view), (t("pdf_access_cases"), cases), (t("pdf_access_count"), str(len(rows)))]),
        Spacer(1, 3 * mm),
        table,
    ]


def _access_what(entry: AccessEntry) -> Markup:
    what = what_happened(TimelineEntry(entry.at, entry.actor_id, entry.action, entry.detail))
    return t("pdf_access_via_server", what=what) if entry.detail.get("via") == "server" else what


def filename(export: Export) -> str:
    return file_name(export.dossier.reference, export.document, export.conversation_number)


def file_name(reference: str, document: Document, number: int | None) -> str:
    """Reference and kind only: the name shows in the chat and in file listings."""
    if document is Document.CONVERSATION:
        return plain(t("pdf_file_conversation", reference=reference, number=number))
    if document is Document.ACCESS_REPORT:
        return plain(t("pdf_file_access_report", reference=reference))
    return plain(t("pdf_file_dossier", reference=reference))


def render(export: Export, names: Names = lambda user_id: user_id) -> bytes:
    footer = t(
        "pdf_footer",
        reference=export.dossier.reference,
        date=show_date(export.generated_at),
        name=names(export.generated_by),
    )
    title = f"{export.dossier.reference} {plain(label(export.document))}"
    return page(_story(export, names), title=title, footer=plain(footer))


def _story(export: Export, names: Names) -> list[Flowable]:
    register_fonts()  # a paragraph's style names its font when it is made
    return _STORIES[export.document](export, names)


_STORIES = {Document.DOSSIER: _dossier, Document.CONVERSATION: _conversation, Document.ACCESS_REPORT: _access_report}


def people(export: Export) -> set[str]:
    """Everyone the document names, so that their names can be looked up before it is drawn."""
    named: set[str] = {export.generated_by}

    def note(user_id: str) -> str:
        named.add(user_id)
        return user_id

    _story(export, note)
    return named
