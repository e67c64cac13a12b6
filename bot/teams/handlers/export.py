"""Exporting a case from Teams: choose the document in a dialog, allow the file in the chat, and
find the PDF there (bot.teams.files).

The PDF is made, and the export audited, only once the person allowed the file: a declined offer
exports nothing. The access policy is checked when the document is chosen, and again when it is
made: the offer's context passes through the client, and names a case and a document only.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from microsoft_teams.api.activities.message import MessageActivityInput
from microsoft_teams.api.models.file import FileConsentCardResponse, FileUploadInfo

from bot.catalogue import speaking, t
from bot.documents import dialogs, pdf
from bot.documents.dialogs import Says
from bot.documents.export import chosen_document, export_dialog
from bot.documents.labels import label
from bot.flows.errors import MeldcodeError
from bot.flows.incidents import log_incident
from bot.flows.services import Services
from bot.flows.steps.export import export_case, exportable, may_export
from bot.flows.steps.language import Reader
from bot.forms import Field, record_id
from bot.teams import files
from bot.teams.chat import Chat
from bot.teams.dialogs import teams_plain
from bot.teams.files import Offer
from bot.teams.handlers.answer import Asked, Sender, Serving, Shown
from bot.teams.ids import PLATFORM
from bot.teams.names import TeamsNames
from storage import repositories as repo

log = logging.getLogger(__name__)


def choose(services: Services, asked: Asked) -> Shown:
    made = exportable(services, asked.user_id, record_id(asked.data.get("value")))
    return Shown(export_dialog(made, t("export_stored_in_teams")))


def chosen(services: Services, asked: Asked) -> Shown:
    """The document chosen: offered as a file in the person's chat with the bot."""
    case_id = record_id(asked.meta.get("case"))
    choice = asked.values.choice(Field.EXPORT_DOCUMENT)
    document, number = chosen_document(choice)
    reference = may_export(services, asked.user_id, case_id, document)
    described = teams_plain(t("export_title", reference=reference, document=label(document)))
    offer = Offer(pdf.file_name(reference, document, number), described,
                  {"case": case_id, "document": choice})  # fmt: skip
    return Shown(dialogs.info(reference, Says(t("export_offered"))), offer=offer)


@dataclass(frozen=True)
class _Made:
    data: bytes | None  # None: refused
    said: str  # why it was refused, or what to say if it cannot be put into the OneDrive


def _made(services: Services, user_id: str, context: Mapping[str, Any], into: FileUploadInfo,
          names: TeamsNames) -> _Made | None:  # fmt: skip
    """The file the person allowed, checked against the policy again and audited (on a thread,
    where the person's language is read, so that what it says is drawn here too). None when Teams
    sent this answer before: its upload session names it, and every process shares the receipts."""
    session_id = hashlib.sha256(str(into.upload_url).encode()).hexdigest()  # the URL itself is a credential
    with services.db.transaction() as session:
        if not repo.record_event_receipt(session, PLATFORM, f"file:{session_id}", services.clock.now()):
            return None
    document, number = chosen_document(str(context.get("document") or ""))
    try:
        export = export_case(services, user_id, record_id(context.get("case")), document, number, via=PLATFORM)
    except MeldcodeError as refused:
        return _Made(None, teams_plain(dialogs.refusal_text(refused)))
    known = names.fresh()  # a PDF is read outside Teams: staff by name
    data = pdf.render(export, lambda user: known.get(user, user))
    return _Made(data, teams_plain(t("export_failed_teams", reference=export.dossier.reference)))


async def consented(serving: Serving, sender: Sender, answer: FileConsentCardResponse) -> None:
    """The person's answer to the offer: when allowed, the PDF is made and put where Teams said,
    after the answer (a declined offer made nothing, and says nothing)."""
    into = answer.upload_info
    if answer.action != "accept" or into is None or not sender.user_id or sender.chat is None:
        return
    context = answer.context if isinstance(answer.context, dict) else {}
    with speaking(Reader(serving.services, PLATFORM, sender.user_id)):
        work = serving.work
        work.soon(_deliver(serving, sender.user_id, context, into, sender.chat), "delivering an export in Teams")


async def _deliver(serving: Serving, user_id: str, context: Mapping[str, Any], into: FileUploadInfo,
                   chat: Chat) -> None:  # fmt: skip
    """Made, put into the OneDrive and shown; whatever fails, the person hears it in the chat."""
    try:
        made = await serving.work.after_ack(_made, serving.services, user_id, context, into, serving.names)
    except Exception as error:
        incident = log_incident(log, error, "making an export in Teams")
        await chat.send(MessageActivityInput().with_text(teams_plain(t("error_generic", incident=incident))))
        return
    if made is None:
        return
    if made.data is None:
        await chat.send(MessageActivityInput().with_text(made.said))
        return
    try:
        await files.upload(into, made.data, local=serving.local)
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as error:
        log.warning("Teams: an export could not be put into the OneDrive (%s)", type(error).__name__)
        await chat.send(MessageActivityInput().with_text(made.said))
        return
    await chat.send(files.file_message(into))
