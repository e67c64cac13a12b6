"""Delivering outbox rows to Slack: claimed one by one, marked sent, left pending on failure."""

from __future__ import annotations

import logging
from datetime import timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.flows.ports import Clock
from bot.flows.vocabulary import NoticeKind
from bot.views.messages import render_notice
from storage import repositories as repo
from storage.db import Database
from storage.models import OutboxMessage

log = logging.getLogger(__name__)


# A claim older than this is taken to belong to a worker that died mid-send. It must exceed the
# longest a send can take (the client's timeout), or a slow send would be repeated.
CLAIM_LEASE = timedelta(seconds=60)
SEND_TIMEOUT_SECONDS = 15


class OutboxDelivery:
    """At-least-once delivery: a message whose sender died after Slack accepted it may be sent again."""

    def __init__(self, db: Database, client: WebClient, clock: Clock) -> None:
        self._db = db
        self._client = client
        self._clock = clock

    def flush(self, limit: int = 100) -> int:
        """Try every deliverable message once; return how many were delivered."""
        with self._db.transaction() as session:
            ids = repo.deliverable_outbox_ids(session, self._clock.now() - CLAIM_LEASE, limit)
        return sum(self._deliver(message_id) for message_id in ids)

    def _deliver(self, message_id: int) -> bool:
        now = self._clock.now()
        with self._db.transaction() as session:
            message = repo.claim_outbox_message(session, message_id, now, now - CLAIM_LEASE)
            if message is None:
                return False  # another worker has it
            recipient, kind, payload = message.recipient_id, NoticeKind(message.kind), dict(message.payload)
            target = session.get(OutboxMessage, message.replaces_id) if message.replaces_id else None
            place: tuple[str, str] | None = None
            if target is not None:
                if target.channel_id is None or target.message_ts is None:
                    # The message to rewrite has not reached Slack yet; try again on a later pass.
                    message.state, message.claimed_at = "pending", None
                    return False
                place = (target.channel_id, target.message_ts)
        rendered = render_notice(kind, payload)
        blocks = [b.to_dict() for b in rendered.blocks]
        try:
            if place is not None:
                response = self._client.chat_update(channel=place[0], ts=place[1], text=rendered.text, blocks=blocks)
            else:
                response = self._client.chat_postMessage(channel=recipient, text=rendered.text, blocks=blocks)
        except (SlackApiError, SlackClientError, OSError) as error:
            reason = _reason(error)
            log.warning("outbox message %s not delivered: %s", message_id, reason)
            self._finish(message_id, "pending", reason)
            return False
        self._finish(message_id, "sent", None, response.get("channel"), response.get("ts"))
        log.info("outbox message %s (%s) delivered", message_id, kind)
        return True

    def _finish(
        self, message_id: int, state: str, error: str | None, channel_id: str | None = None, ts: str | None = None
    ) -> None:
        with self._db.transaction() as session:
            message = session.get(OutboxMessage, message_id)
            assert message is not None
            message.state = state
            message.last_error = error
            if state == "sent":
                message.sent_at = self._clock.now()
                message.channel_id, message.message_ts = channel_id, ts


def _reason(error: Exception) -> str:
    """A short reason without message content: Slack's error code, or the exception's class."""
    if isinstance(error, SlackApiError):
        return f"slack:{error.response.status_code}:{error.response.get('error', '')}"[:200]
    return type(error).__name__
