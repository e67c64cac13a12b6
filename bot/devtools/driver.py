"""Acts as Slack towards the app: correctly signed slash commands, shortcuts, clicks, submissions, events."""

from __future__ import annotations

import itertools
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from bot.devtools.fake_slack import TEAM_ID, FakeSlack, trigger_for
from bot.slack.ids import INPUT, Command, Shortcut
from bot.slack.inbound import sign


@dataclass(frozen=True)
class Response:
    status: int
    text: str

    @property
    def json(self) -> dict[str, Any]:
        return json.loads(self.text) if self.text.strip().startswith("{") else {}


class SlackDriver:
    def __init__(
        self, app_url: str, signing_secret: str, fake: FakeSlack, settle: Callable[[], None] | None = None
    ) -> None:
        self.app_url = app_url
        self.fake = fake
        self._secret = signing_secret
        self._settle = settle
        self._events = itertools.count(1)

    # --- transport ---------------------------------------------------------------------------

    def post(
        self,
        body: str | bytes,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        timestamp: int | None = None,
        signature: str | None = None,
        signed: bool = True,
    ) -> Response:
        """POST a body as Slack would, signed with the app's secret (unless `signed` is False or
        another `signature` is given); `headers` add to or replace the usual ones."""
        raw = body.encode("utf-8") if isinstance(body, str) else body
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        all_headers = {"Content-Type": content_type}
        if signed:
            all_headers["X-Slack-Request-Timestamp"] = stamp
            all_headers["X-Slack-Signature"] = signature or sign(self._secret, stamp, raw)
        all_headers.update(headers or {})
        request = urllib.request.Request(self.app_url, data=raw, headers=all_headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                response = Response(answer.status, answer.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            response = Response(error.code, error.read().decode("utf-8"))
        self.settle()
        return response

    def settle(self) -> None:
        """Wait until the app has finished what it does after acknowledging, and its outbox worker
        what the request queued (when it runs in-process)."""
        if self._settle is not None:
            self._settle()

    def interactive(self, payload: dict[str, Any], **kwargs: Any) -> Response:
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded", **kwargs)

    # --- what people do ----------------------------------------------------------------------

    def command(self, user_id: str, text: str = "", command: str = Command.MELDCODE) -> Response:
        body = urlencode(
            {
                "command": command,
                "text": text,
                "user_id": user_id,
                "user_name": user_id.lower(),
                "team_id": TEAM_ID,
                "channel_id": f"D{user_id}",
                "trigger_id": trigger_for(user_id),
                "response_url": "http://127.0.0.1:9/response",
                "api_app_id": "AMELDBOT",
            }
        )
        return self.post(body, "application/x-www-form-urlencoded")

    def shortcut(self, user_id: str, callback_id: str = Shortcut.REGISTER_CONCERN) -> Response:
        return self.interactive(
            {
                "type": "shortcut",
                "callback_id": callback_id,
                "trigger_id": trigger_for(user_id),
                "user": {"id": user_id, "team_id": TEAM_ID},
                "team": {"id": TEAM_ID},
                "api_app_id": "AMELDBOT",
            }
        )

    def click(
        self,
        user_id: str,
        action_id: str,
        value: str,
        *,
        container: dict[str, Any] | None = None,
        view: dict[str, Any] | None = None,
        message: dict[str, Any] | None = None,
    ) -> Response:
        """Click a button with this value, wherever the user got it from (forwarded, copied, ...)."""
        payload: dict[str, Any] = {
            "type": "block_actions",
            "trigger_id": trigger_for(user_id),
            "user": {"id": user_id, "team_id": TEAM_ID},
            "team": {"id": TEAM_ID},
            "api_app_id": "AMELDBOT",
            "container": container or {"type": "message", "channel_id": f"D{user_id}"},
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "block_id": "b",
                    "value": value,
                    "action_ts": f"{time.time():.6f}",
                }
            ],
        }
        if view is not None:
            payload["view"] = view
        if message is not None:  # as Slack reports a click in a message: where the message is
            payload["channel"] = {"id": f"D{user_id}"}
            payload["message"] = {"ts": message["ts"], "text": message.get("text"), "blocks": message.get("blocks")}
            payload["container"] = {"type": "message", "channel_id": f"D{user_id}", "message_ts": message["ts"]}
        return self.interactive(payload)

    def click_in_messages(self, user_id: str, action_id: str, index: int = -1) -> Response:
        """Click the button in the `index`-th DM the bot sent this user that has one."""
        buttons = [
            (m, b)
            for m in self.fake.client(user_id).messages
            for b in _buttons(m.get("blocks") or [])
            if b["action_id"] == action_id
        ]
        assert buttons, f"{user_id} has no message with a {action_id} button"
        message, button = buttons[index]
        return self.click(user_id, action_id, button.get("value", ""), message=message)

    def click_in_home(self, user_id: str, action_id: str, index: int = 0) -> Response:
        home = self.fake.client(user_id).home or {}
        buttons = [b for b in _buttons(home.get("blocks") or []) if b["action_id"] == action_id]
        assert buttons, f"{user_id}'s App Home has no {action_id} button"
        value, container = buttons[index].get("value", ""), {"type": "view", "view_id": home.get("id", "")}
        return self.click(user_id, action_id, value, container=container, view={**home, "type": "home"})

    def select_in_home(self, user_id: str, action_id: str, value: str) -> Response:
        """Choose an option of a select in the user's App Home (any select, any value: a crafted one too)."""
        home = self.fake.client(user_id).home
        view = {**home, "type": "home"} if home else None  # Slack sends the Home it was chosen in
        return self._select(user_id, action_id, value, home or {}, {"type": "view"}, view)

    def select_in_modal(self, user_id: str, action_id: str, value: str) -> Response:
        """Choose an option of a select in the modal on top (any select, any value: crafted too)."""
        view = self.fake.top_modal(user_id)
        assert view is not None, f"{user_id} has no open modal"
        return self._select(user_id, action_id, value, view, {"type": "view", "view_id": view["id"]}, view)

    def _select(
        self,
        user_id: str,
        action_id: str,
        value: str,
        surface: dict[str, Any],
        container: dict[str, Any],
        view: dict[str, Any] | None,
    ) -> Response:
        # A select the user does not see, or a value it does not offer, is sent all the same: a crafted request.
        options = [
            o for e in _elements(surface.get("blocks") or []) if e.get("action_id") == action_id for o in e["options"]
        ]
        option = next((o for o in options if o["value"] == value), {"text": {}, "value": value})
        action = {"type": "static_select", "action_id": action_id, "block_id": "b", "selected_option": option}
        actions = [{**action, "action_ts": f"{time.time():.6f}"}]
        extra = {"view": view} if view is not None else {}
        return self.interactive(_interaction(user_id, "block_actions", container=container, actions=actions, **extra))

    def click_in_modal(self, user_id: str, action_id: str, index: int = 0) -> Response:
        """Click a button in the modal on top of this user's screen, as Slack reports it (with the view)."""
        view = self.fake.top_modal(user_id)
        assert view is not None, f"{user_id} has no open modal"
        found = [b for b in _buttons(view.get("blocks") or []) if b["action_id"] == action_id]
        assert found, f"{user_id}'s modal has no {action_id} button"
        container = {"type": "view", "view_id": view["id"]}
        return self.click(user_id, action_id, found[index].get("value", ""), container=container, view=view)

    def submit(self, user_id: str, values: dict[str, Any] | None = None, **kwargs: Any) -> Response:
        """Fill in the modal on top of this user's screen and submit it."""
        view = self.fake.top_modal(user_id)
        assert view is not None, f"{user_id} has no open modal"
        state = {"values": fill_state(view, values or {})}
        response = self.interactive(_interaction(user_id, "view_submission", view={**view, "state": state}), **kwargs)
        if response.status == 200:
            self.fake.apply_response_action(user_id, response.json)
        return response

    def suggest(self, user_id: str, block_id: str, typed: str, view: dict[str, Any] | None = None) -> Response:
        """Type into a select that searches, in the modal on top of this user's screen (or a copy of
        another's `view`): Slack asks the app for the options that match."""
        view = view or self.fake.top_modal(user_id)
        assert view is not None, f"{user_id} has no open modal"
        payload = {
            "type": "block_suggestion",
            "user": {"id": user_id, "team_id": TEAM_ID},
            "team": {"id": TEAM_ID},
            "api_app_id": "AMELDBOT",
            "block_id": block_id,
            "action_id": INPUT,
            "value": typed,
            "view": view,
        }
        return self.interactive(payload)

    def close(self, user_id: str) -> Response | None:
        """Press the modal's close button; Slack tells the app only when the view asked for it."""
        view = self.fake.top_modal(user_id)
        assert view is not None, f"{user_id} has no open modal"
        self.fake.close_modal(user_id)
        if not view.get("notify_on_close"):
            return None
        return self.interactive(
            {
                "type": "view_closed",
                "is_cleared": False,
                "user": {"id": user_id, "team_id": TEAM_ID},
                "team": {"id": TEAM_ID},
                "api_app_id": "AMELDBOT",
                "view": view,
            }
        )

    def event(self, event: dict[str, Any], *, event_id: str | None = None, retry_num: int | None = None) -> Response:
        envelope = {
            "type": "event_callback",
            "team_id": TEAM_ID,
            "api_app_id": "AMELDBOT",
            "event": event,
            "event_id": event_id or f"Ev{next(self._events):08d}{int(time.time())}",
            "event_time": int(time.time()),
        }
        headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"} if retry_num else None
        return self.post(json.dumps(envelope), "application/json", headers=headers)

    def write_dm(self, user_id: str, text: str, **kwargs: Any) -> Response:
        return self.event(
            {
                "type": "message",
                "channel_type": "im",
                "channel": f"D{user_id}",
                "user": user_id,
                "text": text,
                "ts": f"{time.time():.6f}",
            },
            **kwargs,
        )

    def open_home(self, user_id: str) -> Response:
        return self.event({"type": "app_home_opened", "user": user_id, "channel": f"D{user_id}", "tab": "home"})


def _elements(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every interactive element: those of actions blocks, and sections' accessories."""
    found = []
    for block in blocks:
        if block.get("type") == "actions":
            found += block.get("elements", [])
        if block.get("accessory"):
            found.append(block["accessory"])
    return found


def _buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in _elements(blocks) if e.get("type") == "button"]


def fill_state(view: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """The `state.values` Slack would send for these answers, shaped by each input's element type.

    A field not answered keeps what the form filled in (Slack sends an input's initial value as
    its state). A value that is not one of the element's options is sent anyway, as a crafted
    request would.
    """
    state: dict[str, Any] = {}
    for block in view.get("blocks", []):
        if block.get("type") != "input":
            continue
        element, block_id = block["element"], block["block_id"]
        value = values[block_id] if block_id in values else _initial(element)
        kind = element["type"]
        if kind == "plain_text_input":
            entry: dict[str, Any] = {"value": value}
        elif kind in ("radio_buttons", "static_select", "external_select"):
            entry = {"selected_option": _option(element, value) if value is not None else None}
        elif kind == "checkboxes":
            entry = {"selected_options": [_option(element, v) for v in value or []]}
        elif kind == "datepicker":
            entry = {"selected_date": value}
        elif kind == "users_select":
            entry = {"selected_user": value}
        elif kind == "multi_users_select":
            entry = {"selected_users": list(value or [])}
        else:
            raise ValueError(f"fill_state does not know {kind}")
        state[block_id] = {element["action_id"]: {"type": kind, **entry}}
    return state


def _initial(element: dict[str, Any]) -> Any:
    """What an input holds before anyone touches it, in the shape `values` gives answers in."""
    if "initial_option" in element:
        return element["initial_option"]["value"]
    if "initial_options" in element:
        return [o["value"] for o in element["initial_options"]]
    for key in ("initial_value", "initial_date", "initial_user", "initial_users"):
        if key in element:
            return element[key]
    return None


def _option(element: dict[str, Any], value: str) -> dict[str, Any]:
    for option in element.get("options", []):
        if option["value"] == value:
            return option
    return {"text": {"type": "plain_text", "text": value}, "value": value}


def _interaction(user_id: str, kind: str, **fields: Any) -> dict[str, Any]:
    """An interaction payload as Slack sends it for this user: its kind and what the kind carries."""
    return {
        "type": kind,
        "trigger_id": trigger_for(user_id),
        "user": {"id": user_id, "team_id": TEAM_ID},
        "team": {"id": TEAM_ID},
        "api_app_id": "AMELDBOT",
        **fields,
    }
