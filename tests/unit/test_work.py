"""What a listener sets off after its answer (bot.work.Work.soon): counted until done, so a test or
the demo can wait for it, and a failure is an incident in the log, not a lost exception."""

from __future__ import annotations

import asyncio
import logging
import threading

import pytest

from bot.work import Work


def test_work_set_off_after_the_answer_is_waited_for_and_its_failure_logged(caplog: pytest.LogCaptureFixture) -> None:
    work = Work()
    release, done = threading.Event(), []

    async def slow() -> None:
        await asyncio.to_thread(release.wait)
        done.append("slow")

    async def failing() -> None:
        raise RuntimeError("the platform said no")

    async def answer() -> None:
        work.soon(slow(), "a slow call")
        work.soon(failing(), "a failing call for case 7")
        await asyncio.sleep(0.05)
        with pytest.raises(TimeoutError):  # the slow one is still running
            await asyncio.to_thread(work.settle, 0.05)
        release.set()
        await asyncio.to_thread(work.settle, 5)

    with caplog.at_level(logging.ERROR, logger="bot.work"):
        asyncio.run(answer())
    work.shutdown()
    assert done == ["slow"]
    (record,) = caplog.records
    assert "RuntimeError while a failing call for case 7" in record.getMessage()
