"""Exporting a case from Slack: choose the document, confirm, and receive the PDF in the bot's DM.

The file goes to the requesting coordinator only (their DM with the bot), after they confirmed
that it will then be stored in Slack. The flow checks the access policy again on submit; the
modal's metadata only says which case was open.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.errors import SlackClientError
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.catalogue import t
from bot.documents.dialogs import Form
from bot.documents.export import chosen_document
from bot.documents.labels import label
from bot.flows.errors import MeldcodeError
from bot.flows.services import Services
from bot.flows.steps.export import Export, export_case, exportable
from bot.slack.handlers import forms
from bot.slack.handlers.errors import guarded
from bot.slack.handlers.respond import ack_refusal, show, shown
from bot.slack.ids import Action, Block
from bot.slack.names import StaffNames
from bot.slack.views.common import slack_mrkdwn, slack_plain
from bot.slack.views.export import export_modal
from bot.work import Work, caught

log = logging.getLogger(__name__)


@shown
def _export_form(services: Services, user_id: str, case_id: int) -> View:
    return export_modal(exportable(services, user_id, case_id))


async def handle_export_button(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    await ack()
    await show(client, body, await work.after_ack(_export_form, services, body["user"]["id"], forms.button_id(body)))


@caught
def _exported(services: Services, user_id: str, view: dict[str, Any]) -> Export:
    """The export, checked against the policy and audited."""
    document, number = chosen_document(forms.choice(view, Block.EXPORT_DOCUMENT))
    return export_case(services, user_id, forms.case_id(view), document, number)


async def handle_export_submission(
    ack: AsyncAck,
    body: dict[str, Any],
    view: dict[str, Any],
    client: AsyncWebClient,
    services: Services,
    work: Work,
    staff_names: StaffNames,
) -> None:
    user_id = body["user"]["id"]
    outcome = await work.before_ack(_exported, services, user_id, view)
    if isinstance(outcome, MeldcodeError):
        await ack_refusal(ack, view, outcome)
        return
    await ack()  # back to the case view; the file itself, in the DM, is the answer
    from bot.documents import pdf

    # A PDF is read outside Slack: staff by name, not by Slack id.
    known = await staff_names.names(client, await work.after_ack(pdf.people, outcome))
    document = await work.after_ack(pdf.render, outcome, lambda user: known.get(user, user))
    await _deliver(client, user_id, outcome, document, pdf.filename(outcome))


async def _deliver(client: AsyncWebClient, user_id: str, made: Export, document: bytes, filename: str) -> None:
    """Upload the PDF into the coordinator's DM with the bot; its name and title hold the reference only.

    If Slack refuses the upload, the coordinator hears so in the same DM (no file, nothing lost:
    the export can simply be made again).
    """
    reference = made.dossier.reference
    try:
        channel = (await client.conversations_open(users=user_id))["channel"]["id"]
        await client.files_upload_v2(
            channel=channel,
            file=document,
            filename=filename,
            title=slack_plain(t("export_title", reference=reference, document=label(made.document))),
        )
    except SlackClientError as error:
        log.warning("export of case %s: upload failed (%s)", made.dossier.case_id, type(error).__name__)
        try:
            await client.chat_postMessage(channel=user_id, text=slack_mrkdwn(t("export_failed", reference=reference)))
        except SlackClientError:
            log.warning("export of case %s: could not say so either", made.dossier.case_id)


def register(app: AsyncApp) -> None:
    app.action(Action.EXPORT_CASE)(guarded(handle_export_button))
    app.view_submission(Form.EXPORT)(guarded(handle_export_submission))
