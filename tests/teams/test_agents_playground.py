"""The bot driven once by Microsoft 365 Agents Playground (the npm package
@microsoft/m365agentsplayground, pinned in tools/agents-playground), Microsoft's local Teams-like
client: a client nobody here wrote forms the activities, plays the Bot Connector the bot writes
to, and judges the bot's answers. It skips, saying why, where Node.js or the package is absent.

What it can check: installing the app (the bot keeps the conversation and its greeting card
reaches the Playground through the outbox), a message typed in the chat (the greeting again, the
text kept nowhere), and a card's Action.Execute (answered in place). What it cannot: Playground
0.2.28 has no dialogs (task modules), so registration, the case and the steps are not driven from
it; tests/teams drives those with its own fake connector.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.catalogue import t
from bot.devtools.local import serve_http
from bot.flows.ports import ManualClock
from bot.flows.services import Services
from bot.school_config import parse_directory
from bot.server import Asgi
from bot.teams.app import TeamsSettings, build_teams_app
from bot.teams.dialogs import teams_plain
from bot.teams.server import TeamsEndpoint
from storage.models import ConversationReference, OutboxMessage
from tests.conftest import make_services
from tests.storage.test_database import _raw_dump

PLAYGROUND = Path(__file__).resolve().parents[2] / "tools" / "agents-playground"
# As in the Playground's mock tenant (tools/agents-playground/.m365agentsplayground.yml).
APP_ID, TENANT_ID = "00000000-0000-4000-8000-00000000b07a", "00000000-0000-4000-8000-0000000005c0"
SANNE, CHAT = "0a1b2c3d-0003-4a00-8a00-000000000c03", "personal-chat-sanne"
SCHOOLS = f"""
schools:
  - id: linde
    name: "Basisschool De Linde"
    coordinators: [{SANNE}]
    members: all
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _installed() -> None:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("Node.js and npm are not installed here: the Agents Playground cannot run")
    done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--prefix", str(PLAYGROUND)], capture_output=True,
                          text=True, timeout=300)  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"npm ci could not install the Agents Playground: {done.stderr.strip()[-300:]}")


class Playground:
    def __init__(self, url: str, log: Path) -> None:
        self.url, self.log = url, log

    def post(self, path: str, body: dict[str, Any]) -> Any:
        request = urllib.request.Request(self.url + path, json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})  # fmt: skip
        with urllib.request.urlopen(request, timeout=20) as answer:
            text = answer.read().decode()
        return json.loads(text) if text else None

    def cards(self) -> list[tuple[str, dict[str, Any]]]:
        """The bot's cards the Playground accepted, with the message id it gave each."""
        found = []
        for line in self.log.read_text(encoding="utf-8").splitlines():
            if '"from":"User Application"' not in line or '"statusCode":201' not in line:
                continue
            entry = json.loads(line.split(" ", 1)[1].split("buffering message: ", 1)[-1])["log"]
            for attachment in entry["request"]["body"].get("attachments") or []:
                found.append((str(entry["response"]["body"]["id"]), attachment["content"]))
        return found


@pytest.fixture
def playground(tmp_path: Path, clock: ManualClock) -> Iterator[tuple[Playground, Services]]:
    _installed()
    services = make_services(tmp_path, f"sqlite:///{tmp_path / 'bot.sqlite3'}", parse_directory(SCHOOLS, "t"), clock)
    bot = build_teams_app(services, TeamsSettings(APP_ID, None, TENANT_ID, unauthenticated=True), delivering=True)
    cwd = tmp_path / "playground"
    cwd.mkdir()
    shutil.copy(PLAYGROUND / ".m365agentsplayground.yml", cwd)
    port, log = _free_port(), cwd / "activity.log"
    env = {**os.environ, "TEAMSAPPTESTER_BROWSER": "none", "M365_AGENTS_PLAYGROUND_LOGFILE": str(log)}
    with serve_http(Asgi(services.db, [TeamsEndpoint(bot)])) as base_url:
        cli = PLAYGROUND / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js"
        process = subprocess.Popen(["node", str(cli), "-e", f"{base_url}/api/messages", "-c", "msteams", "--dt",
                                    "-p", str(port)], cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            client = Playground(f"http://127.0.0.1:{port}", log)
            _until(lambda: _answers(client.url + "/_debug/ping"), "the Playground did not start")
            yield client, services
        finally:
            process.terminate()
            process.wait(timeout=10)
    services.db.dispose()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def _until(ready: Any, failure: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        assert time.monotonic() < deadline, failure
        time.sleep(0.1)


def _sent(services: Services) -> int:
    with services.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state == "sent")))


def test_the_agents_playground_installs_the_app_writes_to_it_and_executes_a_cards_button(
    playground: tuple[Playground, Services],
) -> None:
    client, services = playground

    client.post(f"/_debug/conversation/{CHAT}/installation", {})
    _until(lambda: _sent(services) == 1, "the greeting did not reach the Playground")
    with services.db.reading() as session:
        kept = session.scalars(select(ConversationReference)).one()
    assert (kept.user_id, kept.conversation_id) == (SANNE, CHAT)

    typed = {"from": {"id": "user-id-0"}, "text": "Fenna Testkind had blauwe plekken", "textFormat": "plain"}
    client.post(f"/_conversation/v1/conversations/{CHAT}/messages", typed)
    _until(lambda: _sent(services) == 2, "the answer to a message did not reach the Playground")
    [(_, first), (message_id, greeting)] = client.cards()
    assert first == greeting and teams_plain(t("button_start")) in json.dumps(greeting, ensure_ascii=False)

    # A card's Action.Execute, as the Playground sends it, for a reminder that does not exist.
    action = {"type": "Action.Execute", "verb": "not_yet", "data": {"value": "999"}}
    answer = client.post("/_conversation/v1/invoke", {
        "name": "adaptiveCard/action", "value": {"action": action, "trigger": "manual"},
        "from": {"id": "user-id-0"}, "conversation": {"id": CHAT}, "replyToId": message_id,
    })  # fmt: skip
    assert answer == {
        "type": "application/vnd.microsoft.activity.message",
        "value": teams_plain(t("error_case_not_found")),
    }
    assert "blauwe plekken" not in _raw_dump(services)  # what was typed in the chat is kept nowhere
