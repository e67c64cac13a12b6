"""The real Teams adapter in the bot's HTTP server on 127.0.0.1, in the local test mode (no token
asked for or checked), driven by activities as the Bot Connector posts them: for the tests."""

from __future__ import annotations

import itertools
import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from bot.devtools.fake_connector import FakeConnector
from bot.devtools.local import serve_http
from bot.flows.jobs import reminders
from bot.flows.services import Services
from bot.outbox.delivery import Outbox
from bot.server import Asgi
from bot.teams.app import TeamsBot, TeamsSettings, build_teams_app
from bot.teams.ids import MESSAGES_PATH, PLATFORM
from bot.teams.server import TeamsEndpoint

APP_ID = "00000000-0000-4000-8000-00000000b07a"  # invented
TENANT_ID = "00000000-0000-4000-8000-0000000005c0"


@dataclass
class TeamsDriver:
    """Posts activities as Teams' Bot Connector does, for a person by their Entra object id."""

    url: str
    service_url: str  # where the bot answers: the fake connector
    headers: dict[str, str] = field(default_factory=dict)
    settle: Callable[[], None] = lambda: None  # waits until what a request set off after its answer is done
    names: dict[str, str] = field(default_factory=dict)  # display names, as Teams sends them (or none)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def post(self, activity: dict[str, Any]) -> tuple[int, str]:
        request = urllib.request.Request(
            self.url,
            data=json.dumps(activity).encode(),
            headers={"Content-Type": "application/json", **self.headers},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, answer.read().decode()
        except urllib.error.HTTPError as refused:
            return refused.code, refused.read().decode()
        finally:
            self.settle()

    def activity(self, user_id: str, kind: str, **fields: Any) -> dict[str, Any]:
        return {
            "type": kind,
            "id": f"act-{next(self._ids)}",
            "channelId": "msteams",
            "serviceUrl": self.service_url,
            "from": {"id": f"29:{user_id}", "aadObjectId": user_id, "name": self.names.get(user_id)},
            "recipient": {"id": f"28:{APP_ID}", "name": "Meldcode"},
            "conversation": {"id": f"a:personal-{user_id}", "conversationType": "personal", "tenantId": TENANT_ID},
            "channelData": {"tenant": {"id": TENANT_ID}},
            **fields,
        }

    def install(self, user_id: str) -> tuple[int, str]:
        return self.post(self.activity(user_id, "installationUpdate", action="add"))

    def write(self, user_id: str, text: str) -> tuple[int, str]:
        return self.post(self.activity(user_id, "message", text=text))

    def invoke(self, user_id: str, name: str, data: dict[str, Any], **fields: Any) -> dict[str, Any]:
        """An invoke as Teams sends it (task/fetch, task/submit), and the bot's answer's body."""
        status, body = self.post(self.activity(user_id, "invoke", name=name, value={"data": data}, **fields))
        assert status == 200, f"{name} answered {status}"
        answer: dict[str, Any] = json.loads(body)
        return answer

    def execute(self, user_id: str, action: dict[str, Any]) -> dict[str, Any]:
        """A card's Action.Execute button (adaptiveCard/action): the bot's answer (a card, or a message)."""
        assert action["type"] == "Action.Execute", "this button is no Action.Execute"
        execute = {"type": "Action.Execute", "verb": action["verb"], "data": action.get("data") or {}}
        status, body = self.post(self.activity(user_id, "invoke", name="adaptiveCard/action",
                                               value={"action": execute, "trigger": "manual"}))  # fmt: skip
        assert status == 200, f"adaptiveCard/action answered {status}"
        answer: dict[str, Any] = json.loads(body)
        return answer

    def consent(self, user_id: str, offer: dict[str, Any], *, allow: bool = True) -> None:
        """Allow (or decline) a file the bot offered in the chat (its consent card's attachment), as
        Teams answers: with the upload session it opened for it in this person's OneDrive (the same
        session when the same person's answer is sent again)."""
        name, context = str(offer["name"]), offer["content"]["acceptContext" if allow else "declineContext"]
        answer: dict[str, Any] = {"type": "fileUpload", "action": "accept" if allow else "decline", "context": context}
        if allow:
            answer["uploadInfo"] = {"name": name, "uploadUrl": f"{self.service_url}upload/{user_id}/{name}",
                                    "contentUrl": f"https://onedrive.example/{name}",
                                    "uniqueId": "1D5A2A4C-7C9E-4E3B-9F6D-2B8A0C1E3F57", "fileType": "pdf"}  # fmt: skip
        status, _ = self.post(self.activity(user_id, "invoke", name="fileConsent/invoke", value=answer))
        assert status == 200, f"fileConsent/invoke answered {status}"

    def click(self, user_id: str, action: dict[str, Any], card_id: str | None = None) -> Opened:
        """A card's button that opens a dialog: the dialog. `card_id`: the message the card is in,
        which Teams names on the click (replyToId)."""
        assert action["data"]["msteams"]["type"] == "task/fetch", "this button opens no dialog"
        return Opened.of(self.invoke(user_id, "task/fetch", action["data"], replyToId=card_id))

    def press(self, user_id: str, dialog: Opened, does: str, answer: str | None = None) -> Opened:
        """A button in a dialog (the case view's steps, answers and parts): what it opens in its place."""
        action = dialog.button(does, answer)
        return Opened.of(self.invoke(user_id, "task/submit", action["data"]))

    def submit(self, user_id: str, dialog: Opened, **inputs: str) -> Opened:
        """Press a dialog's submit button with these inputs (what a person typed or chose): the
        dialog that follows."""
        (action,) = dialog.card["actions"]
        return Opened.of(self.invoke(user_id, "task/submit", {**action["data"], **inputs}))


@dataclass(frozen=True)
class Opened:
    """A dialog as Teams shows it: its title and its card."""

    title: str
    card: dict[str, Any]

    @classmethod
    def of(cls, answer: dict[str, Any]) -> Opened:
        value = answer["task"]["value"]
        return cls(value["title"], value["card"]["content"])

    @property
    def text(self) -> str:
        """Every text, label and choice in it, a line each."""
        lines = []
        for element in self.card["body"]:
            lines += [element.get("text", ""), element.get("label", "")]
            lines += [choice["title"] for choice in element.get("choices", [])]
        return "\n".join(line for line in lines if line)

    @property
    def buttons(self) -> list[dict[str, Any]]:
        """The buttons in its body (not its submit button)."""
        return [a for e in self.card["body"] if e["type"] == "ActionSet" for a in e["actions"]]

    def button(self, does: str, answer: str | None = None) -> dict[str, Any]:
        found = [b for b in self.buttons if b["data"].get("dialog_id") == does and b["data"].get("answer") == answer]
        assert found, f"no {does} button in {self.title}"
        return found[0]

    @property
    def inputs(self) -> list[str]:
        return [element["id"] for element in self.card["body"] if element["type"].startswith("Input.")]

    @property
    def form(self) -> str | None:
        """Which form its submit button sends, or None for a dialog only to read."""
        actions = self.card.get("actions") or []
        return str(actions[0]["data"]["action"]) if actions else None


def does(action: dict[str, Any]) -> str:
    """What a card's button does: an Action.Execute's verb, or the dialog a submit opens."""
    return str(action.get("verb") or (action.get("data") or {}).get("dialog_id"))


def button_in(card: dict[str, Any], what: str, answer: str | None = None) -> dict[str, Any]:
    """The card's button that does `what` (with this answer, for Ja / Nee / Twijfel)."""
    found = [a for a in card.get("actions") or [] if does(a) == what and (a.get("data") or {}).get("answer") == answer]
    assert found, f"no {what} button on this card"
    return found[0]


@dataclass
class LocalTeams:
    driver: TeamsDriver
    bot: TeamsBot
    services: Services
    connector: FakeConnector
    outbox: Outbox  # Teams' only: what this harness's flush delivers

    def chat(self, user_id: str) -> list[dict[str, Any]]:
        """The cards in this person's chat with the bot, each as it reads now."""
        return self.connector.cards_to(f"a:personal-{user_id}")

    def messages(self, user_id: str) -> list[dict[str, Any]]:
        """Every message in this person's chat with the bot (texts, cards, files), as it reads now."""
        return self.connector.messages_to(f"a:personal-{user_id}")

    def click(self, user_id: str, card: dict[str, Any], action: dict[str, Any]) -> Opened:
        """A button on a card in this person's chat that opens a dialog."""
        return self.driver.click(user_id, action, self.connector.message_id(f"a:personal-{user_id}", card))

    def flush(self) -> int:
        """One pass of the outbox on the bot's loop: how many were delivered."""
        return self.bot.call(self.outbox.flush)

    def sweep(self) -> int:
        """What the scheduler does: due reminders to the outbox; then one pass of it."""
        reminders.sweep(self.services)
        return self.flush()


@contextmanager
def local_teams(services: Services, *, authenticated: bool = False) -> Iterator[LocalTeams]:
    """`authenticated`: as in production, every activity's token is checked (and none is given)."""
    connector = FakeConnector()
    connector.start()
    settings = TeamsSettings(APP_ID, "invented-secret" if authenticated else None, TENANT_ID, not authenticated)
    bot = build_teams_app(services, settings)
    outbox = Outbox(services, {PLATFORM: bot.transport}, send_timeout=5)
    try:
        with serve_http(Asgi(services.db, [TeamsEndpoint(bot)])) as base_url:
            driver = TeamsDriver(base_url + MESSAGES_PATH, connector.url, settle=bot.work.settle)
            yield LocalTeams(driver, bot, services, connector, outbox)
    finally:
        outbox.close()
        connector.stop()
