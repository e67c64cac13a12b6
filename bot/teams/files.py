"""A file for someone in Teams, the way Teams lets a bot give one (personal chats only; the app's
manifest says `supportsFiles`): a consent card offers it, Teams shows it with Allow and Decline;
once allowed, Teams opens an upload session in the person's OneDrive, the bot puts the file there,
and shows it in the chat as a file card. What the offer and the card say is a reference only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
from microsoft_teams.api.activities.message import MessageActivityInput
from microsoft_teams.api.models.attachment import Attachment
from microsoft_teams.api.models.file import FileConsentCard, FileInfoCard, FileUploadInfo

CONSENT = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO = "application/vnd.microsoft.teams.card.file.info"
UPLOAD_TIMEOUT = 60.0  # seconds: a dossier of a few hundred pages into OneDrive


@dataclass(frozen=True)
class Offer:
    name: str  # the file's name, as Teams proposes it for the OneDrive
    description: str
    context: dict[str, Any]  # comes back with the person's answer: what to make (ids only)


def offer_message(offer: Offer) -> MessageActivityInput:
    card = FileConsentCard(description=offer.description, accept_context=offer.context,
                           decline_context=offer.context)  # fmt: skip
    return MessageActivityInput().add_attachments(Attachment(content_type=CONSENT, name=offer.name, content=card))


# Where Teams opens a person's upload session: their OneDrive, which is SharePoint (in Microsoft's
# national clouds too).
ONEDRIVE_HOSTS = (".sharepoint.com", ".sharepoint.us", ".sharepoint-mil.us", ".sharepoint.cn")


def may_upload_to(url: str | None, *, local: bool) -> bool:
    """Whether a named upload session is a OneDrive's (or, in the local test mode, this machine's)."""
    parsed = urlsplit(url or "")
    if local and parsed.scheme == "http" and parsed.hostname == "127.0.0.1":
        return True
    return parsed.scheme == "https" and (parsed.hostname or "").endswith(ONEDRIVE_HOSTS)


async def upload(into: FileUploadInfo, data: bytes, *, local: bool) -> None:
    """The whole file in one request of the upload session (OneDrive takes up to 60 MiB in one).
    Only into a OneDrive: the session is named in a request, and a dossier goes nowhere else."""
    if not into.upload_url or not may_upload_to(into.upload_url, local=local):
        raise ValueError("Teams named no upload session in a OneDrive")
    headers = {"Content-Range": f"bytes 0-{len(data) - 1}/{len(data)}"}
    async with httpx.AsyncClient(timeout=UPLOAD_TIMEOUT) as client:
        (await client.put(into.upload_url, content=data, headers=headers)).raise_for_status()


def file_message(uploaded: FileUploadInfo) -> MessageActivityInput:
    """The uploaded file, as a card in the chat that opens it from the person's OneDrive."""
    card = FileInfoCard(unique_id=uploaded.unique_id, file_type=uploaded.file_type)
    attachment = Attachment(content_type=FILE_INFO, name=uploaded.name, content_url=uploaded.content_url, content=card)
    return MessageActivityInput().add_attachments(attachment)
