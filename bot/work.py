"""Where a listener's blocking work runs (a flow, its storage, drawing a view): on threads, never on the
event loop that acknowledges every request.

Shared by the platform adapters. Work that the answer to the platform waits for (a submission is
stored before its ack) has threads of its own, so it never queues behind work done after another
request's ack (reading a dossier to show).
The listeners running at any moment are counted, so that a test or the demo can wait until
everything a request set off is done.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import logging
import threading
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

from bot.flows.errors import MeldcodeError
from bot.flows.incidents import log_incident

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

# A transaction on this machine takes milliseconds and mostly holds the interpreter; more threads
# would only take turns. Enough that a slow PostgreSQL round trip does not hold everyone up.
BEFORE_ACK_THREADS = 8
AFTER_ACK_THREADS = 8


async def _on(pool: ThreadPoolExecutor, work: Callable[[], T]) -> T:
    # In the listener's context, so that the thread speaks the language of the person it answers.
    return await asyncio.get_running_loop().run_in_executor(pool, contextvars.copy_context().run, work)


class Work:
    def __init__(self) -> None:
        self._before_ack = ThreadPoolExecutor(BEFORE_ACK_THREADS, thread_name_prefix="before-ack")
        self._after_ack = ThreadPoolExecutor(AFTER_ACK_THREADS, thread_name_prefix="after-ack")
        self._running = 0
        self._changed = threading.Condition()
        self._soon: set[asyncio.Task[None]] = set()  # held, or the loop may drop them unfinished

    async def before_ack(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run work the ack waits for."""
        return await _on(self._before_ack, functools.partial(fn, *args, **kwargs))

    async def after_ack(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run work that comes after the ack (what a modal or a message will show)."""
        return await _on(self._after_ack, functools.partial(fn, *args, **kwargs))

    def soon(self, call: Coroutine[Any, Any, None], doing: str) -> None:
        """Run `call` (a platform call the answer must not wait for) on the loop once the answer is
        out, counted as a listener; a failure is logged as an incident (`doing` says what, by ids only)."""

        async def run() -> None:
            try:
                await call
            except Exception as error:
                log_incident(log, error, doing)
            finally:
                self.leave()

        loop = asyncio.get_running_loop()  # first: off the loop, nothing is counted that never ends
        self.enter()
        task = loop.create_task(run())  # in this context: the user's language
        self._soon.add(task)
        task.add_done_callback(self._soon.discard)

    def enter(self) -> None:
        with self._changed:
            self._running += 1

    def leave(self) -> None:
        with self._changed:
            self._running -= 1
            self._changed.notify_all()

    def settle(self, timeout: float = 30.0) -> None:
        """Wait (from another thread than the loop's) until no listener is running."""
        with self._changed:
            if not self._changed.wait_for(lambda: self._running == 0, timeout):
                raise TimeoutError("listeners still running")

    def shutdown(self) -> None:
        self._before_ack.shutdown(wait=False)
        self._after_ack.shutdown(wait=False)


def caught(work: Callable[P, T]) -> Callable[P, T | MeldcodeError]:
    """`work`, returning the flow's refusal instead of raising it (it crosses from the work's thread
    to the listener as a value, which answers it: under the fields, or in place of the form)."""

    @functools.wraps(work)
    def run(*args: P.args, **kwargs: P.kwargs) -> T | MeldcodeError:
        try:
            return work(*args, **kwargs)
        except MeldcodeError as error:
            return error

    return run
