"""`meldbot run` as a real separate process (HTTP mode) against the fake Slack, for tests that
kill it, restart it, or run two at once."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.devtools.fake_slack import FakeSlack


@dataclass
class Running:
    process: subprocess.Popen[bytes]
    base: str
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"meldbot run did not come up:\n{self.output()}") from None
                time.sleep(0.1)

    def kill(self) -> None:
        """SIGKILL: no clean-up, no last flush; what was in flight stays in flight."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def meldbot_process(cwd: Path, fake: FakeSlack, env: dict[str, str], *, healthy: bool = True) -> Iterator[Running]:
    """Start `meldbot run`; its output goes to a file (a pipe nobody reads would fill and block it)."""
    port = _free_port()
    log = cwd / f"meldbot-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=cwd,
            env={**os.environ, **env, "PORT": str(port), "HOST": "127.0.0.1", "SLACK_API_URL": fake.url},
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    running = Running(process, f"http://127.0.0.1:{port}", log)
    try:
        if healthy:
            running.wait_healthy()
        yield running
    finally:
        running.kill()
