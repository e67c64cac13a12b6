"""Delivering outbox rows to Slack: each message once, in order per person, whatever Slack does.

- A row is claimed atomically (one process, one worker), sent, and marked sent.
- Slack busy (429): the row and every later row for that person wait for `Retry-After`.
- Slack down (5xx, connection errors): retried with exponential backoff and jitter; after
  `MAX_ATTEMPTS` the row is marked failed, the case's coordinator is told, and `meldbot check`
  lists it. A refusal that no retry can mend (the user is gone, say) fails at once.
- Never twice: every message carries its outbox id in Slack message metadata. An attempt whose
  outcome is unknown (a lost response, a process killed mid-send) leaves `maybe_sent`; the next
  attempt first looks for that id in the DM and, if Slack has it, only records it as sent.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator

from bot.flows.failures import report_failure
from bot.flows.incidents import log_incident
from bot.flows.services import Services
from bot.flows.vocabulary import NoticeKind
from bot.views.messages import render_notice
from storage import repositories as repo
from storage.models import OutboxMessage

log = logging.getLogger(__name__)

SEND_TIMEOUT_SECONDS = 15
MAX_ATTEMPTS = 12  # with the backoff below: about six hours of trying
MAX_BACKOFF = timedelta(hours=1)
BACKOFF = BackoffRetryIntervalCalculator(backoff_factor=15)  # 30 s, 60 s, 2 min, … plus jitter
INLINE_RETRY_AFTER = 5  # a patient flush waits out a Retry-After this short instead of leaving
INLINE_TRIES = 3
PATIENCE = timedelta(seconds=10)  # a patient flush waits for retries due this soon ...
PATIENT_BUDGET = timedelta(seconds=120)  # ... for this long at most, then leaves them to the next sweep
WORKERS = 8  # people served at once; one person's messages go one after another, in order
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


def inline_wait(send_timeout: float) -> float:
    return min(INLINE_RETRY_AFTER, send_timeout)


def claim_lease(send_timeout: float) -> timedelta:
    """How long a claim protects a row: longer than one attempt can hold it (each inline try a
    conversations.open, a history look-up and a post, each up to the timeout, and the waits
    between tries), so that no other worker sends a message that is still being sent."""
    calls = INLINE_TRIES * 3 * send_timeout
    return timedelta(seconds=calls + (INLINE_TRIES - 1) * inline_wait(send_timeout) + 1)


class Outcome(Enum):
    SENT = "sent"
    DEFERRED = "deferred"  # not now: Slack asked us to wait, or the message to rewrite is not out yet
    RETRY = "retry"  # failed for now; backoff set
    FAILED = "failed"  # given up; the coordinator is told
    TAKEN = "taken"  # another worker had it
    MERGED = "merged"  # a rewrite of a message that never reached Slack: the change went into that message


@dataclass(frozen=True)
class _Claimed:
    id: int
    recipient: str
    kind: str  # a NoticeKind, unless a newer release wrote it: then drawing it fails, once
    payload: dict[str, Any]
    attempts: int
    maybe_sent: bool  # as it stood before this attempt
    rewrites: bool  # this row changes an earlier message in place
    place: tuple[str, str] | None  # (channel, ts) of that message, once Slack has it


class _Busy(Exception):
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


class OutboxDelivery:
    def __init__(
        self,
        services: Services,
        client: WebClient,
        *,
        send_timeout: float = SEND_TIMEOUT_SECONDS,
        workers: int = WORKERS,
    ) -> None:
        self._services = services
        self._client = client
        self._lease = claim_lease(send_timeout)
        self._inline_wait = inline_wait(send_timeout)
        self._workers = workers
        self._channels: dict[str, str] = {}

    @property
    def _now(self) -> datetime:
        return self._services.clock.now()

    def flush(self, limit: int = 500, *, patient: bool = False) -> int:
        """Try every message that may go now, once; return how many were delivered.

        `patient` (the scheduler's sweep) waits out short Retry-After and backoff times and
        goes on, within `PATIENT_BUDGET`; a request handler does not wait, so that nobody's
        click waits on Slack's rate limits. Works in batches of `limit`.
        """
        delivered, started = 0, self._now
        while True:
            now = self._now
            with self._services.db.transaction() as session:
                rows = repo.deliverable_outbox(session, now, now - self._lease, limit)
            moved = self._deliver_batch(rows, patient)
            delivered += moved
            if len(rows) == limit and moved:
                continue
            if not patient:
                return delivered
            with self._services.db.transaction() as session:
                soonest = repo.next_outbox_attempt(session)
            now = self._now
            if soonest is None or soonest - now > PATIENCE or soonest - started > PATIENT_BUDGET:
                return delivered
            self._services.clock.sleep(max((soonest - now).total_seconds(), 0.0))

    def _deliver_batch(self, rows: list[tuple[int, str]], patient: bool) -> int:
        queues: dict[str, list[int]] = {}
        for message_id, recipient in rows:
            queues.setdefault(recipient, []).append(message_id)
        if len(queues) <= 1 or self._workers == 1:
            return sum(self._deliver_queue(ids, patient) for ids in queues.values())
        with ThreadPoolExecutor(max_workers=min(self._workers, len(queues)), thread_name_prefix="outbox") as pool:
            return sum(pool.map(lambda ids: self._deliver_queue(ids, patient), queues.values()))

    def _deliver_queue(self, ids: list[int], patient: bool) -> int:
        """One person's messages in order; a message that must wait holds back the ones after it
        (one that failed for good does not: its coordinator is told, and the next may go)."""
        delivered = 0
        for message_id in ids:
            try:
                outcome = self._deliver(message_id, patient)
            except Exception:  # a database hiccup: the row stays claimed and is retried after its lease
                log.exception("outbox message %s: delivery interrupted", message_id)
                return delivered
            if outcome is Outcome.SENT:
                delivered += 1
            elif outcome in (Outcome.DEFERRED, Outcome.RETRY):  # failed or merged is settled: the next may go
                return delivered
        return delivered

    def _deliver(self, message_id: int, patient: bool) -> Outcome:
        claimed = self._claim(message_id)
        if claimed is None:
            return Outcome.TAKEN
        if claimed.rewrites and claimed.place is None:
            return self._merge_or_wait(claimed)
        try:
            rendered = render_notice(NoticeKind(claimed.kind), claimed.payload)
            blocks = [b.to_dict() for b in rendered.blocks]
        except Exception as error:  # a bug, or a kind this release cannot draw: no retry would mend it
            incident = log_incident(log, error, "drawing outbox message %s (%s)", claimed.id, claimed.kind)
            reason = f"incident {incident}: {type(error).__name__}"
            return self._settle(claimed, Outcome.FAILED, maybe_sent=claimed.maybe_sent, error=reason)
        for inline_try in range(1, INLINE_TRIES + 1):
            try:
                channel, ts = self._send(claimed, rendered.text, blocks)
            except _Busy as busy:
                if patient and busy.seconds <= self._inline_wait and inline_try < INLINE_TRIES:
                    self._services.clock.sleep(busy.seconds)
                    continue
                return self._defer_recipient(claimed, busy.seconds)
            except (SlackClientError, OSError) as error:  # a refusal, a 5xx, or no answer at all
                return self._failed_attempt(claimed, error)
            return self._settle(claimed, Outcome.SENT, channel=channel, ts=ts)
        raise AssertionError("unreachable: the last inline try defers")

    def _claim(self, message_id: int) -> _Claimed | None:
        now = self._now
        with self._services.db.transaction() as session:
            claimed = repo.claim_outbox_message(session, message_id, now, now - self._lease)
            if claimed is None:
                return None
            message, maybe_sent = claimed
            place = None
            if message.replaces_id is not None:
                target = session.get(OutboxMessage, message.replaces_id)
                if target is not None and target.channel_id and target.message_ts:
                    place = (target.channel_id, target.message_ts)
            return _Claimed(
                message.id,
                message.recipient_id,
                message.kind,
                dict(message.payload),
                message.attempts,
                maybe_sent,
                message.replaces_id is not None,
                place,
            )

    def _merge_or_wait(self, claimed: _Claimed) -> Outcome:
        """A rewrite whose message is not in Slack yet waits for it; if that message failed for good,
        there is nothing in Slack to change: the change goes into the failed message instead, so
        that `meldbot outbox retry` sends it as it now reads, and the person's next messages go."""
        with self._services.db.transaction() as session:
            message = session.get(OutboxMessage, claimed.id)
            assert message is not None and message.replaces_id is not None
            target = session.get(OutboxMessage, message.replaces_id)
            if target is not None and target.state != "failed":
                pass  # still on its way: wait for its place in Slack
            else:
                if target is not None:
                    target.payload = dict(message.payload)
                message.state, message.claimed_at, message.maybe_sent = "merged", None, False
                return Outcome.MERGED
        return self._settle(claimed, Outcome.DEFERRED, maybe_sent=claimed.maybe_sent)

    def _send(self, claimed: _Claimed, text: str, blocks: list[dict[str, Any]]) -> tuple[str, str]:
        """Post (or rewrite) the message; (channel, ts) of where it is in Slack."""
        try:
            if claimed.place is not None:
                channel, ts = claimed.place
                self._client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
                return channel, ts
            channel = self._dm_channel(claimed.recipient)
            if claimed.maybe_sent:
                found = self._find_in_history(channel, claimed.id)
                if found is not None:
                    log.info("outbox message %s was already in Slack; not sent again", claimed.id)
                    return channel, found
            response = self._client.chat_postMessage(
                channel=channel,
                text=text,
                blocks=blocks,
                metadata={"event_type": METADATA_TYPE, "event_payload": {"outbox_id": claimed.id}},
            )
            return str(response.get("channel") or channel), str(response["ts"])
        except SlackApiError as error:
            if error.response.status_code == 429:
                raise _Busy(_retry_after(error)) from error
            raise

    def _dm_channel(self, user_id: str) -> str:
        """The DM channel with a person (cached): the place to look a message up afterwards."""
        channel = self._channels.get(user_id)
        if channel is None:
            response = self._client.conversations_open(users=user_id)
            channel = self._channels[user_id] = str(response["channel"]["id"])
        return channel

    def _find_in_history(self, channel: str, message_id: int) -> str | None:
        """The ts of our message with this outbox id, if Slack has it. No time window: the bot's
        clock and Slack's need not agree, and a message that may have arrived is a recent one."""
        cursor = None
        for _ in range(HISTORY_PAGES):
            response = self._client.conversations_history(
                channel=channel, include_all_metadata=True, limit=100, cursor=cursor
            )
            for message in response.get("messages") or []:
                metadata = message.get("metadata") or {}
                payload = metadata.get("event_payload") or {}
                if metadata.get("event_type") == METADATA_TYPE and payload.get("outbox_id") == message_id:
                    return str(message["ts"])
            cursor = (response.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return None
        return None

    def _failed_attempt(self, claimed: _Claimed, error: Exception) -> Outcome:
        reason = _reason(error)
        status = error.response.status_code if isinstance(error, SlackApiError) else None
        # Slack answered with a refusal: nothing arrived. No answer or a 5xx: it may have.
        answered = status is not None and status < 500
        maybe_sent = claimed.maybe_sent or not answered
        permanent = isinstance(error, SlackApiError) and error.response.get("error") in PERMANENT_ERRORS
        if permanent or claimed.attempts >= MAX_ATTEMPTS:
            log.error("outbox message %s failed for good after %s attempt(s): %s", claimed.id, claimed.attempts, reason)
            unreachable = isinstance(error, SlackApiError) and error.response.get("error") in UNREACHABLE_ERRORS
            return self._settle(claimed, Outcome.FAILED, maybe_sent=maybe_sent, error=reason, unreachable=unreachable)
        wait = min(timedelta(seconds=BACKOFF.calculate_sleep_duration(claimed.attempts)), MAX_BACKOFF)
        log.warning("outbox message %s not delivered (%s); next try in %ss", claimed.id, reason, int(wait.seconds))
        return self._settle(claimed, Outcome.RETRY, maybe_sent=maybe_sent, error=reason, wait=wait)

    def _defer_recipient(self, claimed: _Claimed, seconds: float) -> Outcome:
        """Slack said 'too many': this message and every later one to the same person wait."""
        until = self._now + timedelta(seconds=seconds)
        with self._services.db.transaction() as session:
            repo.defer_outbox_recipient(session, claimed.recipient, until)
        log.info("outbox: Slack asks to wait %ss before the next message to this person", seconds)
        return self._settle(claimed, Outcome.DEFERRED, maybe_sent=claimed.maybe_sent, wait=timedelta(seconds=seconds))

    def _settle(
        self,
        claimed: _Claimed,
        outcome: Outcome,
        *,
        maybe_sent: bool = False,
        error: str | None = None,
        wait: timedelta | None = None,
        channel: str | None = None,
        ts: str | None = None,
        unreachable: bool = False,
    ) -> Outcome:
        now = self._now
        with self._services.db.transaction() as session:
            message = session.get(OutboxMessage, claimed.id)
            assert message is not None
            message.claimed_at, message.maybe_sent = None, maybe_sent
            if outcome is Outcome.SENT:
                message.state, message.sent_at, message.last_error = "sent", now, None
                message.channel_id, message.message_ts = channel, ts
                log.info("outbox message %s (%s) delivered", claimed.id, claimed.kind)
            elif outcome is Outcome.FAILED:
                message.state, message.last_error = "failed", error
                report_failure(session, self._services, message, recipient_unreachable=unreachable)
            else:
                message.state = "pending"
                message.last_error = error or message.last_error
                message.next_attempt_at = now + wait if wait is not None else None
                if outcome is Outcome.DEFERRED:
                    message.attempts -= 1  # being asked to wait is no failed attempt
        return outcome


def _retry_after(error: SlackApiError) -> float:
    headers = {str(k).lower(): v for k, v in (error.response.headers or {}).items()}
    value = headers.get("retry-after", "1")
    try:
        return max(1.0, float(value[0] if isinstance(value, list) else value))
    except (TypeError, ValueError):
        return 1.0


def _reason(error: Exception) -> str:
    """A short reason without message content: Slack's error code, or the exception's class."""
    if isinstance(error, SlackApiError):
        return f"slack:{error.response.status_code}:{error.response.get('error', '')}"[:200]
    return type(error).__name__
