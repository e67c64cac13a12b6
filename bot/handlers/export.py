"""Exporting a case from Slack: choose the document, confirm, and receive the PDF in the bot's DM.

The file goes to the requesting coordinator only (their DM with the bot), after they confirmed
that it will then be stored in Slack. The flow checks the access policy again on submit; the
modal's metadata only says which case was open.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

from bot import pdf
from bot.flows.errors import MeldcodeError
from bot.flows.export import Document, Export, export_case, exportable
from bot.flows.services import Services
from bot.handlers import forms
from bot.handlers.errors import guarded
from bot.handlers.respond import ack_refusal, error_modal, show
from bot.ids import Action, Block, Callback
from bot.texts import t
from bot.views.export import CONVERSATION, export_modal

log = logging.getLogger(__name__)


def handle_export_button(ack: Ack, body: dict[str, Any], client: WebClient, services: Services) -> None:
    ack()
    try:
        view = export_modal(exportable(services, body["user"]["id"], forms.button_id(body)))
    except MeldcodeError as error:
        view = error_modal(error)
    show(client, body, view)


def handle_export_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, services: Services
) -> None:
    user_id = body["user"]["id"]
    kind, _, number = forms.choice(view, Block.EXPORT_DOCUMENT).partition(":")
    document = Document.CONVERSATION if kind == CONVERSATION else Document.DOSSIER
    try:
        made = export_case(services, user_id, forms.case_id(view), document, forms.record_id(number) or None)
    except MeldcodeError as error:
        ack_refusal(ack, view, error)
        return
    ack()  # back to the case view; the file itself, in the DM, is the answer
    _deliver(client, user_id, made)


def _deliver(client: WebClient, user_id: str, made: Export) -> None:
    """Upload the PDF into the coordinator's DM with the bot; its name and title hold the reference only.

    If Slack refuses the upload, the coordinator hears so in the same DM (no file, nothing lost:
    the export can simply be made again).
    """
    reference = made.dossier.reference
    try:
        channel = client.conversations_open(users=user_id)["channel"]["id"]
        client.files_upload_v2(
            channel=channel,
            file=pdf.render(made),
            filename=pdf.filename(made),
            title=f"{reference} · {t(f'export_document_{made.document}')}",
        )
    except SlackClientError as error:
        log.warning("export of case %s: upload failed (%s)", made.dossier.case_id, type(error).__name__)
        try:
            client.chat_postMessage(channel=user_id, text=t("export_failed", reference=reference))
        except SlackClientError:
            log.warning("export of case %s: could not say so either", made.dossier.case_id)


def register(app: App) -> None:
    app.action(Action.EXPORT_CASE)(guarded(handle_export_button))
    app.view_submission(Callback.EXPORT)(guarded(handle_export_submission))
