"""The export of a case as a PDF, as every platform offers it: which documents this user may make
of the dossier, the dialog to choose one, and the choice read back."""

from __future__ import annotations

from markupsafe import Markup

from bot.catalogue import t
from bot.documents.dates import show_date
from bot.documents.dialogs import Dialog, Form, Input, Kind, Option, Says
from bot.documents.labels import label
from bot.flows.steps.export import Document, Exportable
from bot.forms import Field, record_id


def export_choices(made: Exportable) -> tuple[Option, ...]:
    """What this user may make: the whole dossier, the report of one conversation held (for the
    parents to sign), the pupil's access report."""
    options = []
    if Document.DOSSIER in made.documents:
        options.append(Option(Document.DOSSIER, t("export_choice_dossier")))
    if Document.CONVERSATION in made.documents:
        for number, conversation in enumerate(made.dossier.conversations, start=1):
            with_whom, held_on = conversation.with_whom, conversation.held_on
            if with_whom is not None and held_on is not None:
                when, who = show_date(held_on), label(with_whom)
                text = t("export_choice_conversation", date=when, with_whom=who)
                options.append(Option(f"{Document.CONVERSATION}:{number}", text))
    if Document.ACCESS_REPORT in made.documents:
        options.append(Option(Document.ACCESS_REPORT, t("export_choice_access_report")))
    return tuple(options)


def chosen_document(value: str) -> tuple[Document, int | None]:
    """The document a choice names, and for a conversation's report its number (0 when it names
    none; anything unknown is the dossier, and the flow checks the user's right to it again)."""
    kind, _, number = value.partition(":")
    document = next((d for d in Document if d.value == kind), Document.DOSSIER)
    return document, record_id(number) if document is Document.CONVERSATION else None


def export_dialog(made: Exportable, stored_where: Markup) -> Dialog:
    """Choose the document; `stored_where` warns where the file will then be kept (the platform's)."""
    options = export_choices(made)
    document = Input(Field.EXPORT_DOCUMENT, "label_export_document", Kind.ONE_OF, options=options,
                     initial=options[0].value)  # fmt: skip
    return Dialog(
        Form.EXPORT,
        made.dossier.reference,
        (document, Says(stored_where), Says(t("export_audited"), aside=True)),
        submit_key="button_export_confirm",
        close_key="modal_cancel",
        metadata={"case": made.dossier.case_id},
    )
