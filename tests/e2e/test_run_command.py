"""`meldbot run` itself, as a separate process in HTTP mode: serves, survives SIGKILL, loses nothing."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, update

from bot.devtools.driver import SlackDriver
from bot.devtools.fake_slack import FakeSlack
from bot.slack.ids import Block
from storage.crypto import generate_key
from storage.models import Case, OutboxMessage
from tests.e2e.processes import meldbot_process
from tests.e2e.steps import LOCATION, OBSERVED, PUPIL_NAME, signal_values
from tests.shown import in_mrkdwn

COORDINATOR, TEACHER = "UCOORD001", "UTEACH001"
# The weekly overview is off: these processes run on the real clock, and on a Monday morning it
# would come beside the messages counted here (tests/flows/test_weekly.py holds it to its day).
CONFIG = (
    f"schools:\n  - id: linde\n    name: De Linde\n    coordinators: [{COORDINATOR}]\n    members: all\n"
    "    reminders: {weekly_overview: false}\n"
)
SECRET = "run-command-secret"


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    running = FakeSlack()
    running.start()
    yield running
    running.stop()


@contextmanager
def meldbot_run(tmp_path: Path, fake: FakeSlack, env: dict[str, str]) -> Iterator[str]:
    with meldbot_process(tmp_path, fake, env) as running:
        yield running.base


def _configured(tmp_path: Path) -> dict[str, str]:
    """A school's configuration in `tmp_path`, and the environment `meldbot run` needs in HTTP mode."""
    (tmp_path / "meldbot.yml").write_text(CONFIG, encoding="utf-8")
    return {"SLACK_BOT_TOKEN": "xoxb-run", "SLACK_SIGNING_SECRET": SECRET, "MELDBOT_ENCRYPTION_KEY": generate_key()}


def test_run_serves_signed_requests_and_loses_nothing_when_killed(tmp_path: Path, fake: FakeSlack) -> None:
    env = _configured(tmp_path)
    with meldbot_run(tmp_path, fake, env) as base:
        driver = SlackDriver(base + "/slack/events", SECRET, fake)
        driver.command(TEACHER)
        fake.wait_until(lambda: fake.top_modal(TEACHER) is not None)
        driver.submit(TEACHER, {Block.ROUTE: "home", Block.ACUTE: "no"})
        # Slack goes down just as the signal is saved; then the bot is killed outright.
        fake.fail("chat.postMessage", status=503, times=1000)
        answer = driver.submit(TEACHER, signal_values())
        assert in_mrkdwn("registered_new", reference="MC-2026-0001") in json.dumps(answer.json, ensure_ascii=False)
        fake.wait_until(lambda: len(fake.calls_to("chat.postMessage")) + _failed_posts(fake) >= 2)
    # The coordinator's notice and the reporter's receipt are waiting; one of them may have
    # been claimed by the killed process. Let that claim's lease run out.
    assert _undelivered(tmp_path, expire_claims=True) == 2

    with meldbot_run(tmp_path, fake, {**env, "MELDBOT_SWEEP_SECONDS": "1"}):
        fake.wait_until(lambda: _failed_posts(fake) >= 4)  # what was left is tried again at start
        fake.wait_until(lambda: _waiting_for_retry(tmp_path) == 2)  # ... and both wait for their next try
        assert fake.client(COORDINATOR).messages == []  # Slack still down
        fake.heal()  # ... and back: once the backoff has passed, the periodic sweep delivers
        _undelivered(tmp_path, expire_claims=True)
        fake.wait_until(lambda: len(fake.client(COORDINATOR).messages) == 1)
        fake.wait_until(lambda: len(fake.client(TEACHER).messages) == 1)
        time.sleep(2)  # two more sweeps: nothing is sent again

    assert _undelivered(tmp_path) == 0
    registered = in_mrkdwn("notice_case_registered", reference="MC-2026-0001")
    assert [m["text"] for m in fake.client(COORDINATOR).messages] == [registered]
    assert len(fake.client(TEACHER).messages) == 1
    engine = create_engine(f"sqlite:///{tmp_path / 'data' / 'meldbot.sqlite3'}")
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Case)) == 1
    engine.dispose()


def _failed_posts(fake: FakeSlack) -> int:
    return sum(1 for c in fake.calls if c.method == "chat.postMessage" and c.status != 200)


def _waiting_for_retry(tmp_path: Path) -> int:
    engine = create_engine(f"sqlite:///{tmp_path / 'data' / 'meldbot.sqlite3'}")
    with engine.connect() as connection:
        waiting = OutboxMessage.state == "pending", OutboxMessage.next_attempt_at.is_not(None)
        count = connection.scalar(select(func.count()).select_from(OutboxMessage).where(*waiting))
    engine.dispose()
    return int(count or 0)


def _undelivered(tmp_path: Path, expire_claims: bool = False) -> int:
    """Rows not yet sent. `expire_claims` lets time pass for them (the subprocess has a real clock):
    a dead worker's claim runs out and the retry backoff is over."""
    engine = create_engine(f"sqlite:///{tmp_path / 'data' / 'meldbot.sqlite3'}")
    with engine.begin() as connection:
        if expire_claims:
            long_ago = datetime(2000, 1, 1, tzinfo=UTC)
            connection.execute(
                update(OutboxMessage).where(OutboxMessage.state == "sending").values(claimed_at=long_ago)
            )
            connection.execute(update(OutboxMessage).values(next_attempt_at=None))
        count = connection.scalar(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state != "sent"))
    engine.dispose()
    return int(count or 0)


def test_run_logs_one_line_and_no_body_when_a_submission_fails_its_signature(tmp_path: Path, fake: FakeSlack) -> None:
    env = _configured(tmp_path)
    with meldbot_process(tmp_path, fake, env) as running:
        stale = SlackDriver(running.base + "/slack/events", SECRET, fake)
        wrong = SlackDriver(running.base + "/slack/events", "a-rotated-secret", fake)
        stale.command(TEACHER)
        fake.wait_until(lambda: fake.top_modal(TEACHER) is not None)
        stale.submit(TEACHER, {Block.ROUTE: "home", Block.ACUTE: "no"})
        refused = [
            stale.submit(TEACHER, signal_values(), timestamp=int(time.time()) - 400),
            wrong.submit(TEACHER, signal_values()),
        ]
        output = running.output()
    assert [r.status for r in refused] == [401, 401]
    assert output.count("refused a request") == 2
    assert [m for m in (PUPIL_NAME, OBSERVED, LOCATION, "Testkind") if m in output] == []


TEAMS = {
    "TEAMS_APP_ID": "00000000-0000-4000-8000-00000000b07a",
    "TEAMS_APP_PASSWORD": "invented-secret",
    "TEAMS_TENANT_ID": "00000000-0000-4000-8000-0000000005c0",
}


def _post_status(url: str, body: dict[str, object]) -> int:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as refused:
        return refused.code


def test_run_serves_slack_and_teams_from_one_server_and_teams_asks_for_its_token(
    tmp_path: Path, fake: FakeSlack
) -> None:
    env = {**_configured(tmp_path), **TEAMS}
    with meldbot_run(tmp_path, fake, env) as base:
        driver = SlackDriver(base + "/slack/events", SECRET, fake)
        driver.command(TEACHER)
        fake.wait_until(lambda: fake.top_modal(TEACHER) is not None)
        activity = {"type": "message", "text": "hallo", "channelId": "msteams", "serviceUrl": fake.url}
        # No Bot Connector token: refused, as always outside the local test mode.
        assert _post_status(base + "/api/messages", activity) == 401


def test_run_serves_teams_alone_when_only_its_settings_are_there(tmp_path: Path, fake: FakeSlack) -> None:
    env = {**_configured(tmp_path), **TEAMS}
    del env["SLACK_BOT_TOKEN"], env["SLACK_SIGNING_SECRET"]
    with meldbot_run(tmp_path, fake, env) as base:
        assert _post_status(base + "/api/messages", {"type": "message", "text": "hallo"}) == 401
        assert _post_status(base + "/slack/events", {"type": "url_verification"}) == 404
