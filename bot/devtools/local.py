"""The real app in HTTP mode on 127.0.0.1, talking to a fake Slack: for the demo and the tests."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn

from bot import scheduler
from bot.devtools.driver import SlackDriver
from bot.devtools.fake_slack import FakeSlack
from bot.flows.services import Services
from bot.server import Asgi
from bot.slack.app import SlackBot, SlackSettings, build_app
from bot.slack.server import EVENTS_PATH, SlackEndpoint

BOT_TOKEN = "xoxb-local-fake"
SIGNING_SECRET = "local-signing-secret"


@dataclass
class LocalSlack:
    fake: FakeSlack
    driver: SlackDriver
    bot: SlackBot
    services: Services
    base_url: str

    def sweep(self) -> None:
        """What the scheduler does every 30 s (due reminders to the outbox, the worker woken to
        deliver), waiting until the worker is done so that the caller can read Slack."""
        scheduler.sweep(self.services, self.bot.worker)
        self.bot.worker.drain()

    def flush(self, *, patient: bool = False) -> int:
        """One pass of the outbox on the bot's loop, beside its worker: how many were delivered."""
        return self.bot.call(lambda: self.bot.outbox.flush(patient=patient))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve_http(asgi: Asgi) -> Iterator[str]:
    """Serve the app with uvicorn on a free local port, in a thread, until the block ends."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(asgi, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the local HTTP server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def local_slack(services: Services, fake: FakeSlack | None = None) -> Iterator[LocalSlack]:
    fake = fake or FakeSlack()
    fake.start()
    try:
        slack = SlackSettings(bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_url=fake.url)
        bot = build_app(services, slack)

        def settle() -> None:
            """Every listener finished, and the worker sent what they queued. A listener Bolt started
            after acknowledging (an event) starts before anything the loop is handed later."""
            bot.call(asyncio.sleep, 0)
            bot.work.settle()
            bot.worker.drain()

        with serve_http(Asgi(services.db, [SlackEndpoint(bot, SIGNING_SECRET)])) as base_url:
            driver = SlackDriver(base_url + EVENTS_PATH, SIGNING_SECRET, fake, settle)
            yield LocalSlack(fake, driver, bot, services, base_url)
            settle()
    finally:
        fake.stop()
