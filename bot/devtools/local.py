"""The real app in HTTP mode on 127.0.0.1, talking to a fake Slack: for the demo and the tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn
from slack_bolt import App

from bot.app import SlackSettings, build_app
from bot.delivery import OutboxDelivery
from bot.devtools.driver import DrainableExecutor, SlackDriver
from bot.devtools.fake_slack import FakeSlack
from bot.flows.services import Services
from bot.scheduler import run_once
from bot.server import EVENTS_PATH, SlackAsgi

BOT_TOKEN = "xoxb-local-fake"
SIGNING_SECRET = "local-signing-secret"


@dataclass
class LocalSlack:
    fake: FakeSlack
    driver: SlackDriver
    app: App
    delivery: OutboxDelivery
    services: Services
    base_url: str

    def sweep(self) -> tuple[int, int]:
        """What the scheduler does every 30 s: send due reminders, deliver the outbox."""
        return run_once(self.services, self.delivery)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve_http(app: App, services: Services, signing_secret: str = SIGNING_SECRET) -> Iterator[str]:
    """Serve the app with uvicorn on a free local port, in a thread, until the block ends."""
    port = _free_port()
    asgi = SlackAsgi(app, services.db, signing_secret)
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
def local_slack(
    services: Services, fake: FakeSlack | None = None, executor: DrainableExecutor | None = None
) -> Iterator[LocalSlack]:
    fake = fake or FakeSlack()
    fake.start()
    executor = executor or DrainableExecutor()
    try:
        slack = SlackSettings(bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_url=fake.url)
        app, delivery = build_app(services, slack, listener_executor=executor)
        with serve_http(app, services) as base_url:
            driver = SlackDriver(base_url + EVENTS_PATH, SIGNING_SECRET, fake, executor)
            yield LocalSlack(fake, driver, app, delivery, services, base_url)
            executor.drain()
    finally:
        executor.shutdown(wait=True)
        fake.stop()
