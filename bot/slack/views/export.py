"""The export modal: which document, and the warning that the file will then be stored in Slack.
Slack draws its own (not `modal_of`): the list of documents is loaded as its menu opens
(bot.slack.handlers.suggestions), since a static menu takes at most 100."""

from __future__ import annotations

from slack_sdk.models.blocks import Block, Option
from slack_sdk.models.views import View

from bot.catalogue import t
from bot.documents.dialogs import Form
from bot.documents.export import export_choices
from bot.flows.steps.export import Exportable
from bot.slack.ids import Block as B
from bot.slack.views.common import choice, context, modal, mrkdwn, named_option


def document_options(made: Exportable) -> list[Option]:
    return [named_option(choice.label, choice.value) for choice in export_choices(made)]


def export_modal(made: Exportable) -> View:
    view, options = made.dossier, document_options(made)
    blocks: list[Block] = [
        choice(B.EXPORT_DOCUMENT, "label_export_document", options, initial=options[0]),
        mrkdwn(t("export_stored_in_slack")),
        context(t("export_audited")),
    ]
    return modal(
        Form.EXPORT, view.reference, blocks, submit_key="button_export_confirm", metadata={"case": view.case_id}
    )
