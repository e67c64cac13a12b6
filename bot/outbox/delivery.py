"""Delivering outbox rows through their platform's transport: each message once, in order per person.

- A row is claimed atomically (one process, one worker), sent, and marked sent.
- The platform busy (429): the row and every later row for that person wait for `Retry-After`.
- The platform down (5xx, connection errors): retried with exponential backoff and jitter; after
  `MAX_ATTEMPTS` the row is marked failed, the case's coordinator is told, and `meldbot check`
  lists it. A refusal that no retry can mend (the user is gone, say) fails at once.
- Never twice: every message carries its outbox id. An attempt whose outcome is unknown (a lost
  answer, a process killed mid-send) leaves `maybe_sent`; the next attempt first asks the
  transport to find that id and, if the platform has it, only records it as sent.

Sending waits on the network and runs on the event loop; the database work of each step runs on
threads of its own, so that delivery never holds a thread while the platform answers.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import random
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import Any, TypeVar

from bot.catalogue import speaking
from bot.flows.failures import report_failure
from bot.flows.incidents import log_incident
from bot.flows.services import Services
from bot.flows.steps.language import language_of
from bot.flows.vocabulary import Language
from bot.outbox.transport import Address, Busy, SendFailed, Transport
from storage import repositories as repo
from storage.models import OutboxMessage

log = logging.getLogger(__name__)

T = TypeVar("T")

SEND_TIMEOUT_SECONDS = 15
MAX_ATTEMPTS = 12  # with the backoff below: about six hours of trying
FIRST_BACKOFF = timedelta(seconds=30)  # then 60 s, 2 min, … doubling, plus up to a second of jitter
MAX_BACKOFF = timedelta(hours=1)
INLINE_RETRY_AFTER = 5  # a patient flush waits out a Retry-After this short instead of leaving
INLINE_TRIES = 3
PATIENCE = timedelta(seconds=10)  # a patient flush waits for retries due this soon ...
PATIENT_BUDGET = timedelta(seconds=120)  # ... for this long at most, then leaves them to the next sweep
WORKERS = 8  # people served at once; one person's messages go one after another, in order
STORE_THREADS = 4  # the database steps of delivery (claim, settle): short transactions


def inline_wait(send_timeout: float) -> float:
    return min(INLINE_RETRY_AFTER, send_timeout)


def claim_lease(send_timeout: float) -> timedelta:
    """How long a claim protects a row: longer than one attempt can hold it (each inline try a
    look-up of the channel, of the history and a post, each up to the timeout, and the waits
    between tries), so that no other worker sends a message that is still being sent."""
    calls = INLINE_TRIES * 3 * send_timeout
    return timedelta(seconds=calls + (INLINE_TRIES - 1) * inline_wait(send_timeout) + 1)


class Outcome(Enum):
    SENT = "sent"
    DEFERRED = "deferred"  # not now: the platform asked us to wait, or the message to rewrite is not out yet
    RETRY = "retry"  # failed for now; backoff set
    FAILED = "failed"  # given up; the coordinator is told
    TAKEN = "taken"  # another worker had it
    MERGED = "merged"  # a rewrite of a message that never arrived: the change went into that message


@dataclass(frozen=True)
class _Claimed:
    id: int
    platform: str
    recipient: str
    kind: str  # a NoticeKind, unless a newer release wrote it: then drawing it fails, once
    payload: dict[str, Any]
    attempts: int
    maybe_sent: bool  # as it stood before this attempt
    rewrites: bool  # this row changes an earlier message in place
    place: Address | None  # where that message is, once the platform has it
    language: Language  # the recipient's, as it stands when the message goes


class Outbox:
    def __init__(
        self,
        services: Services,
        transports: Mapping[str, Transport],
        *,
        send_timeout: float = SEND_TIMEOUT_SECONDS,
        workers: int = WORKERS,
    ) -> None:
        self._services = services
        # One per platform this process serves; a message to someone on another platform stays
        # pending for a process that serves theirs (nothing is dropped or failed for it).
        self._transports = dict(transports)
        self._lease = claim_lease(send_timeout)
        self._inline_wait = inline_wait(send_timeout)
        self._workers = workers
        self._store = ThreadPoolExecutor(max_workers=STORE_THREADS, thread_name_prefix="outbox-store")

    @property
    def _now(self) -> datetime:
        return self._services.clock.now()

    async def _stored(self, work: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._store, work, *args)

    async def _sleep(self, seconds: float) -> None:
        # The services' clock decides what waiting means (a test's clock just moves on).
        await self._stored(self._services.clock.sleep, seconds)

    async def flush(self, limit: int = 500, *, patient: bool = False) -> int:
        """Try every message that may go now, once; return how many were delivered.

        `patient` (the sweep) waits out short Retry-After and backoff times and goes on, within
        `PATIENT_BUDGET`; a wake after a commit does not, so that one person's rate limit does
        not hold up the next commit's messages. Works in batches of `limit`.
        """
        delivered, started = 0, self._now
        while True:
            now = self._now
            rows = await self._stored(self._deliverable, now, limit)
            moved = await self._deliver_batch(rows, patient)
            delivered += moved
            if len(rows) == limit and moved:
                continue
            if not patient:
                return delivered
            soonest = await self._stored(self._next_attempt)
            now = self._now
            if soonest is None or soonest - now > PATIENCE or soonest - started > PATIENT_BUDGET:
                return delivered
            await self._sleep(max((soonest - now).total_seconds(), 0.0))

    def _deliverable(self, now: datetime, limit: int) -> list[tuple[int, str]]:
        with self._services.db.reading() as session:
            return repo.deliverable_outbox(session, now, now - self._lease, limit, self._transports)

    def _next_attempt(self) -> datetime | None:
        with self._services.db.reading() as session:
            return repo.next_outbox_attempt(session, self._transports)

    async def _deliver_batch(self, rows: list[tuple[int, str]], patient: bool) -> int:
        queues: dict[str, list[int]] = {}
        for message_id, recipient in rows:
            queues.setdefault(recipient, []).append(message_id)
        turns = asyncio.Semaphore(self._workers)

        async def one_person(ids: list[int]) -> int:
            async with turns:
                return await self._deliver_queue(ids, patient)

        return sum(await asyncio.gather(*(one_person(ids) for ids in queues.values())))

    async def _deliver_queue(self, ids: list[int], patient: bool) -> int:
        """One person's messages in order; a message that must wait holds back the ones after it
        (one that failed for good does not: its coordinator is told, and the next may go)."""
        delivered = 0
        for message_id in ids:
            try:
                outcome = await self._deliver(message_id, patient)
            except Exception:  # a database hiccup: the row stays claimed and is retried after its lease
                log.exception("outbox message %s: delivery interrupted", message_id)
                return delivered
            if outcome is Outcome.SENT:
                delivered += 1
            elif outcome in (Outcome.DEFERRED, Outcome.RETRY):  # failed or merged is settled: the next may go
                return delivered
        return delivered

    async def _deliver(self, message_id: int, patient: bool) -> Outcome:
        claimed = await self._stored(self._claim, message_id)
        if claimed is None:
            return Outcome.TAKEN
        if claimed.rewrites and claimed.place is None:
            return await self._stored(self._merge_or_wait, claimed)
        try:
            with speaking(claimed.language):
                drawn = self._transports[claimed.platform].draw(claimed.kind, claimed.payload)
        except Exception as error:  # a bug, or a kind this release cannot draw: no retry would mend it
            incident = log_incident(log, error, "drawing outbox message %s (%s)", claimed.id, claimed.kind)
            reason = f"incident {incident}: {type(error).__name__}"
            return await self._settled(claimed, Outcome.FAILED, maybe_sent=claimed.maybe_sent, error=reason)
        for inline_try in range(1, INLINE_TRIES + 1):
            try:
                address = await self._send(claimed, drawn)
            except Busy as busy:
                if patient and busy.seconds <= self._inline_wait and inline_try < INLINE_TRIES:
                    await self._sleep(busy.seconds)
                    continue
                return await self._stored(self._defer_recipient, claimed, busy.seconds)
            except SendFailed as failure:
                return await self._stored(self._failed_attempt, claimed, failure)
            return await self._settled(claimed, Outcome.SENT, address=address)
        raise AssertionError("unreachable: the last inline try defers")

    async def _send(self, claimed: _Claimed, drawn: object) -> Address:
        transport = self._transports[claimed.platform]
        if claimed.place is not None:
            await transport.rewrite(claimed.place, drawn)
            return claimed.place
        if claimed.maybe_sent:
            found = await transport.find(claimed.recipient, claimed.id)
            if found is not None:
                log.info("outbox message %s was already delivered; not sent again", claimed.id)
                return found
        return await transport.send(claimed.recipient, drawn, claimed.id)

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
                if target is not None and target.address:
                    place = target.address
            return _Claimed(
                message.id,
                message.platform,
                message.recipient_id,
                message.kind,
                dict(message.payload),
                message.attempts,
                maybe_sent,
                message.replaces_id is not None,
                place,
                language_of(session, self._services.directory, message.platform, message.recipient_id),
            )

    def _merge_or_wait(self, claimed: _Claimed) -> Outcome:
        """A rewrite whose message has not arrived yet waits for it; if that message failed for good,
        there is nothing to change: the change goes into the failed message instead, so that
        `meldbot outbox retry` sends it as it now reads, and the person's next messages go."""
        with self._services.db.transaction() as session:
            message = session.get(OutboxMessage, claimed.id)
            assert message is not None and message.replaces_id is not None
            target = session.get(OutboxMessage, message.replaces_id)
            if target is not None and target.state != "failed":
                pass  # still on its way: wait for its place
            else:
                if target is not None:
                    target.payload = dict(message.payload)
                message.state, message.claimed_at, message.maybe_sent = "merged", None, False
                return Outcome.MERGED
        return self._settle(claimed, Outcome.DEFERRED, maybe_sent=claimed.maybe_sent)

    def _failed_attempt(self, claimed: _Claimed, failure: SendFailed) -> Outcome:
        maybe_sent = claimed.maybe_sent or not failure.answered
        if failure.permanent or claimed.attempts >= MAX_ATTEMPTS:
            log.error(
                "outbox message %s failed for good after %s attempt(s): %s",
                claimed.id,
                claimed.attempts,
                failure.reason,
            )
            return self._settle(
                claimed,
                Outcome.FAILED,
                maybe_sent=maybe_sent,
                error=failure.reason,
                unreachable=failure.unreachable,
            )
        wait = min(FIRST_BACKOFF * 2 ** (claimed.attempts - 1) + timedelta(seconds=random.random()), MAX_BACKOFF)
        log.warning(
            "outbox message %s not delivered (%s); next try in %ss", claimed.id, failure.reason, int(wait.seconds)
        )
        return self._settle(claimed, Outcome.RETRY, maybe_sent=maybe_sent, error=failure.reason, wait=wait)

    def _defer_recipient(self, claimed: _Claimed, seconds: float) -> Outcome:
        """The platform said 'too many': this message and every later one to the same person wait."""
        until = self._now + timedelta(seconds=seconds)
        with self._services.db.transaction() as session:
            repo.defer_outbox_recipient(session, claimed.recipient, until)
        log.info("outbox: asked to wait %ss before the next message to this person", seconds)
        return self._settle(claimed, Outcome.DEFERRED, maybe_sent=claimed.maybe_sent, wait=timedelta(seconds=seconds))

    async def _settled(self, claimed: _Claimed, outcome: Outcome, **how: Any) -> Outcome:
        return await self._stored(functools.partial(self._settle, claimed, outcome, **how))

    def _settle(
        self,
        claimed: _Claimed,
        outcome: Outcome,
        *,
        maybe_sent: bool = False,
        error: str | None = None,
        wait: timedelta | None = None,
        address: Address | None = None,
        unreachable: bool = False,
    ) -> Outcome:
        now = self._now
        with self._services.db.transaction() as session:
            message = session.get(OutboxMessage, claimed.id)
            assert message is not None
            message.claimed_at, message.maybe_sent = None, maybe_sent
            if outcome is Outcome.SENT:
                assert address is not None
                message.state, message.sent_at, message.last_error = "sent", now, None
                message.address = address
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

    def close(self) -> None:
        self._store.shutdown(wait=False)
