"""The one place that sends the outbox in a running bot: a task on the event loop, woken by the commit
that queued a message (from any thread) and by the scheduler's sweep. Requests never send: their
answer never waits for a delivery, and concurrent requests never fight over the same rows."""

from __future__ import annotations

import asyncio
import logging
import threading

from bot.outbox.delivery import Outbox

log = logging.getLogger(__name__)


class DeliveryWorker:
    def __init__(self, outbox: Outbox) -> None:
        self._outbox = outbox
        self._state = threading.Condition()  # woken / patient / busy, shared with other threads
        self._woken = False
        self._patient = False  # the sweep's wake: wait out short Retry-After and backoff times
        self._busy = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._signal: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start on the running loop (the server's)."""
        self._loop, self._signal = asyncio.get_running_loop(), asyncio.Event()
        self._task = self._loop.create_task(self._run(), name="outbox-delivery")
        if self._woken:  # a wake before the start (work left from before a restart)
            self._signal.set()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    def wake(self, *, patient: bool = False) -> None:
        """There may be messages to send: the worker goes through the outbox (again) as soon as it
        can. Safe from any thread; it never waits."""
        with self._state:
            self._woken, self._patient = True, self._patient or patient
            loop, signal = self._loop, self._signal
        if loop is not None and signal is not None and not loop.is_closed():
            loop.call_soon_threadsafe(signal.set)

    def drain(self, timeout: float = 30.0) -> None:
        """Wait (from another thread than the loop's) until every wake so far has been worked off:
        tests and the demo read the fake Slack after it."""
        with self._state:
            if not self._state.wait_for(lambda: not (self._woken or self._busy), timeout):
                raise TimeoutError("the outbox worker did not come to rest")

    async def _run(self) -> None:
        assert self._signal is not None
        while True:
            await self._signal.wait()
            self._signal.clear()
            with self._state:
                patient, self._woken, self._patient, self._busy = self._patient, False, False, True
            try:
                await self._outbox.flush(patient=patient)
            except Exception as error:  # the database may be briefly away; the next wake or sweep retries
                log.warning("outbox delivery interrupted: %s", type(error).__name__)
            finally:
                with self._state:
                    self._busy = False
                    self._state.notify_all()
