"""The export modal: which document, and the warning that the file will then be stored in Slack."""

from __future__ import annotations

from slack_sdk.models.blocks import Block, Option
from slack_sdk.models.views import View

from bot.catalogue import t
from bot.documents.dates import show_date
from bot.documents.labels import label
from bot.flows.steps.dossier import DossierView
from bot.slack.ids import Block as B
from bot.slack.ids import Callback
from bot.slack.views.common import choice, context, modal, mrkdwn, option

DOSSIER = "dossier"
CONVERSATION = "conversation"


def document_options(view: DossierView) -> list[Option]:
    """The whole dossier, or the report of one conversation held (for the parents to sign)."""
    options = [option("export_choice_dossier", DOSSIER)]
    for number, conversation in enumerate(view.conversations, start=1):
        if conversation.with_whom is not None and conversation.held_on is not None:
            when, who = show_date(conversation.held_on), label(conversation.with_whom)
            options.append(option("export_choice_conversation", f"{CONVERSATION}:{number}", date=when, with_whom=who))
    return options


def export_modal(view: DossierView) -> View:
    options = document_options(view)
    blocks: list[Block] = [
        choice(B.EXPORT_DOCUMENT, "label_export_document", options, initial=options[0]),
        mrkdwn(t("export_stored_in_slack")),
        context(t("export_audited")),
    ]
    return modal(
        Callback.EXPORT, view.reference, blocks, submit_key="button_export_confirm", metadata={"case": view.case_id}
    )
