"""The export modal: which document, and the warning that the file will then be stored in Slack."""

from __future__ import annotations

from slack_sdk.models.blocks import Block, Option
from slack_sdk.models.views import View

from bot.catalogue import t
from bot.documents.dates import show_date
from bot.documents.labels import label
from bot.flows.steps.export import Document, Exportable
from bot.slack.ids import Block as B
from bot.slack.ids import Callback
from bot.slack.views.common import choice, context, modal, mrkdwn, option


def document_options(made: Exportable) -> list[Option]:
    """What this user may make: the whole dossier, the report of one conversation held (for the
    parents to sign), the pupil's access report."""
    view, options = made.dossier, []
    if Document.DOSSIER in made.documents:
        options.append(option("export_choice_dossier", Document.DOSSIER))
    for number, conversation in enumerate(view.conversations, start=1):
        with_whom, held_on = conversation.with_whom, conversation.held_on
        if with_whom is not None and held_on is not None and Document.CONVERSATION in made.documents:
            value = f"{Document.CONVERSATION}:{number}"  # the conversation's report
            when, who = show_date(held_on), label(with_whom)
            options.append(option("export_choice_conversation", value, date=when, with_whom=who))
    if Document.ACCESS_REPORT in made.documents:
        options.append(option("export_choice_access_report", Document.ACCESS_REPORT))
    return options


def export_modal(made: Exportable) -> View:
    view, options = made.dossier, document_options(made)
    blocks: list[Block] = [
        choice(B.EXPORT_DOCUMENT, "label_export_document", options, initial=options[0]),
        mrkdwn(t("export_stored_in_slack")),
        context(t("export_audited")),
    ]
    return modal(
        Callback.EXPORT, view.reference, blocks, submit_key="button_export_confirm", metadata={"case": view.case_id}
    )
