"""Teams as the outbox's Transport: a proactive message in the person's personal chat with the bot.

Teams lets a bot write to someone only in a conversation that person has with it (the app installed
for them), found by the reference kept when it was (bot.teams.app). Someone without one is
unreachable: the message fails at once, and the coordinator is told how to mend it (install the
app for that person), instead of it being dropped.

What "already sent" means here: the Bot Connector has no way to list a chat's messages, so a
message whose answer was lost cannot be found again. It is sent again (Teams may then show it
twice); its buttons act once however often they are clicked, as the server checks every action.
Each activity carries its outbox id in its channel data, for whoever reads the chat's export.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from microsoft_teams.api.activities.message import MessageActivityInput
from microsoft_teams.api.models.channel_data import ChannelData
from microsoft_teams.apps import App
from microsoft_teams.cards import AdaptiveCard

from bot.documents.notices import notice_of
from bot.flows.services import Services
from bot.flows.vocabulary import NoticeKind
from bot.outbox.transport import Address, Busy, SendFailed
from bot.teams.cards import notice_card
from bot.teams.ids import PLATFORM
from bot.teams.names import TeamsNames, naming
from storage import repositories as repo

NOT_INSTALLED = "no personal chat with the bot: install the Meldcode app for this person (README, Microsoft Teams)"


def address(service_url: str, conversation_id: str, activity_id: str) -> Address:
    """Where a message the bot sent is, for rewriting it."""
    return f"{service_url}|{conversation_id}|{activity_id}"


class TeamsTransport:
    def __init__(self, app: App, services: Services, names: TeamsNames) -> None:
        self._app = app
        self._services = services
        self._names = names

    def draw(self, kind: str, payload: dict[str, Any]) -> object:
        with naming(self._names.known()):  # drawn on the loop: the names as last read
            return notice_card(notice_of(NoticeKind(kind), payload))

    async def send(self, recipient: str, drawn: object, outbox_id: int) -> Address:
        assert isinstance(drawn, AdaptiveCard)
        where = await asyncio.to_thread(self._conversation, recipient)
        if where is None:
            raise SendFailed(NOT_INSTALLED, answered=True, permanent=True, unreachable=True)
        conversation_id, service_url = where
        activity = (
            MessageActivityInput()
            .add_card(drawn)
            .with_channel_data(ChannelData.model_validate({"meldbotOutboxId": outbox_id}))
        )
        sent = await self._call(self._app.send(conversation_id, activity, service_url=service_url))
        return address(service_url, conversation_id, str(sent.id))

    async def rewrite(self, address: Address, drawn: object) -> None:
        assert isinstance(drawn, AdaptiveCard)
        service_url, conversation_id, activity_id = address.split("|", 2)
        activity = MessageActivityInput().add_card(drawn).with_id(activity_id)
        await self._call(self._app.send(conversation_id, activity, service_url=service_url))

    async def find(self, recipient: str, outbox_id: int) -> Address | None:
        return None  # Teams cannot list a chat's messages (see the module's docstring)

    def _conversation(self, recipient: str) -> tuple[str, str] | None:
        self._names.fresh()  # on this thread, so that the next card drawn names people as they are now
        with self._services.db.reading() as session:
            known = repo.conversation_of(session, PLATFORM, recipient)
            return (known.conversation_id, known.service_url) if known else None

    @staticmethod
    async def _call(sending: Any) -> Any:
        """The SDK's call, its failures told in the outbox's terms (reasons hold no content)."""
        try:
            return await sending
        except httpx.HTTPStatusError as error:
            status = error.response.status_code
            if status == 429:
                raise Busy(float(error.response.headers.get("Retry-After") or 1)) from None
            if status in (403, 404):  # the app was removed for this person, or the chat is gone
                raise SendFailed(f"Teams answered {status}: {NOT_INSTALLED}", answered=True, permanent=True,
                                 unreachable=True) from None  # fmt: skip
            if status >= 500:
                raise SendFailed(f"Teams answered {status}", answered=False) from None
            raise SendFailed(f"Teams refused it ({status})", answered=True, permanent=True) from None
        except httpx.RequestError as error:
            raise SendFailed(f"no answer from Teams ({type(error).__name__})", answered=False) from None
