"""The person's chat with the bot that a request came from: where what the request sets off after
its answer goes (a card rewritten, a file offered or shown). It is the only chat such an answer
may change, since what names a card in it (a dialog's metadata) passes through the client."""

from __future__ import annotations

from dataclasses import dataclass

from microsoft_teams.api.activities.message import MessageActivityInput
from microsoft_teams.apps import App
from microsoft_teams.cards import AdaptiveCard

from bot.teams.transport import TeamsTransport, address


@dataclass(frozen=True)
class Chat:
    app: App
    transport: TeamsTransport
    service_url: str
    conversation_id: str

    async def rewrite(self, card_id: str, card: AdaptiveCard) -> None:
        await self.transport.rewrite(address(self.service_url, self.conversation_id, card_id), card)

    async def send(self, message: MessageActivityInput) -> None:
        await self.app.send(self.conversation_id, message, service_url=self.service_url)
