"""Slack as the outbox's transport: messages in each person's DM with the bot, found again by metadata."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.flows.vocabulary import NoticeKind
from bot.outbox.transport import Address, Busy, SendFailed
from bot.slack.views.messages import Message, render_notice

METADATA_TYPE = "meldbot_outbox"
HISTORY_PAGES = 3  # how far back to look for a message that may have arrived (newest first)

# Refusals that no retry can mend; anything else may be Slack's passing trouble.
PERMANENT_ERRORS = frozenset(
    {
        "channel_not_found",
        "user_not_found",
        "user_disabled",
        "cannot_dm_bot",
        "is_archived",
        "not_in_channel",
        "msg_too_long",
        "no_text",
        "invalid_blocks",
        "invalid_blocks_format",
        "invalid_metadata_format",
        "message_not_found",
        "cant_update_message",
    }
)
# Refusals that say the person cannot be reached at all: a warning to them would not arrive either.
UNREACHABLE_ERRORS = frozenset({"channel_not_found", "user_not_found", "user_disabled", "cannot_dm_bot", "is_archived"})


class SlackTransport:
    def __init__(self, client: AsyncWebClient) -> None:
        self._client = client
        self._channels: dict[str, str] = {}  # user id -> DM channel id

    def draw(self, kind: str, payload: dict[str, Any]) -> Message:
        return render_notice(NoticeKind(kind), payload)

    async def send(self, recipient: str, drawn: object, outbox_id: int) -> Address:
        assert isinstance(drawn, Message)
        async with _failures():
            channel = await self._dm_channel(recipient)
            response = await self._client.chat_postMessage(
                channel=channel,
                text=drawn.text,
                blocks=[b.to_dict() for b in drawn.blocks],
                metadata={"event_type": METADATA_TYPE, "event_payload": {"outbox_id": outbox_id}},
            )
        return _address(str(response.get("channel") or channel), str(response["ts"]))

    async def rewrite(self, address: Address, drawn: object) -> None:
        assert isinstance(drawn, Message)
        channel, _, ts = address.partition(":")
        async with _failures():
            await self._client.chat_update(
                channel=channel, ts=ts, text=drawn.text, blocks=[b.to_dict() for b in drawn.blocks]
            )

    async def find(self, recipient: str, outbox_id: int) -> Address | None:
        """Our message with this outbox id in the person's DM, if Slack has it. No time window: the
        bot's clock and Slack's need not agree, and a message that may have arrived is a recent one."""
        async with _failures():
            channel = await self._dm_channel(recipient)
            cursor = None
            for _ in range(HISTORY_PAGES):
                response = await self._client.conversations_history(
                    channel=channel, include_all_metadata=True, limit=100, cursor=cursor
                )
                for message in response.get("messages") or []:
                    metadata = message.get("metadata") or {}
                    payload = metadata.get("event_payload") or {}
                    if metadata.get("event_type") == METADATA_TYPE and payload.get("outbox_id") == outbox_id:
                        return _address(channel, str(message["ts"]))
                cursor = (response.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    return None
        return None

    async def _dm_channel(self, user_id: str) -> str:
        """The DM channel with a person (cached): where messages go, and where to look them up."""
        channel = self._channels.get(user_id)
        if channel is None:
            response = await self._client.conversations_open(users=user_id)
            channel = self._channels[user_id] = str(response["channel"]["id"])
        return channel


@asynccontextmanager
async def _failures() -> AsyncIterator[None]:
    """Slack's answers as the outbox's failure kinds: a 429 is Busy, anything else a SendFailed."""
    try:
        yield
    except SlackApiError as error:
        status = error.response.status_code
        if status == 429:
            raise Busy(_retry_after(error)) from error
        code = str(error.response.get("error", ""))
        raise SendFailed(
            f"slack:{status}:{code}"[:200],
            answered=status < 500,  # a 5xx may come after Slack took the message
            permanent=code in PERMANENT_ERRORS,
            unreachable=code in UNREACHABLE_ERRORS,
        ) from error
    except (TimeoutError, SlackClientError, aiohttp.ClientError, OSError) as error:  # no answer at all
        raise SendFailed(type(error).__name__, answered=False) from error


def _address(channel: str, ts: str) -> Address:
    """Where a message is in Slack: its channel and its ts (neither holds a colon)."""
    return f"{channel}:{ts}"


def _retry_after(error: SlackApiError) -> float:
    headers = {str(k).lower(): v for k, v in (error.response.headers or {}).items()}
    value = headers.get("retry-after", "1")
    try:
        return max(1.0, float(value[0] if isinstance(value, list) else value))
    except (TypeError, ValueError):
        return 1.0
