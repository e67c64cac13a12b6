"""A local fake of the Slack Web API on 127.0.0.1 that records every call.

It also keeps what each person's Slack client would show (open modals, DMs, the App Home),
so a script or a test can read and act on exactly what the bot rendered. Faults can be
injected per method: HTTP 5xx, 429 with Retry-After, or a Slack error code.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT_USER_ID = "UMELDBOT"
MAX_MODAL_STACK = 3  # Slack keeps at most three views in a modal's stack
TEAM_ID = "T0SCHOOL"


@dataclass(frozen=True)
class ApiCall:
    method: str
    params: dict[str, Any]
    status: int  # what the fake answered: 200, or the injected fault


@dataclass
class _Fault:
    status: int
    error: str | None
    retry_after: int | None
    times: int


@dataclass
class ClientState:
    """What one user's Slack client shows."""

    modals: list[dict[str, Any]] = field(default_factory=list)  # the stack; last is on top
    messages: list[dict[str, Any]] = field(default_factory=list)  # the DM with the bot
    home: dict[str, Any] | None = None


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[ApiCall] = []
        self.clients: dict[str, ClientState] = {}
        self._faults: dict[str, deque[_Fault]] = {}
        self._lock = threading.Condition()
        self._ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> str:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                fake._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self.url

    @property
    def url(self) -> str:
        assert self._server is not None, "start() first"
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # --- faults and inspection ---------------------------------------------------------------

    def fail(
        self,
        method: str,
        *,
        status: int = 500,
        times: int = 1,
        error: str | None = None,
        retry_after: int | None = None,
    ) -> None:
        """Answer the next `times` calls to `method` with a fault instead of success."""
        with self._lock:
            self._faults.setdefault(method, deque()).append(_Fault(status, error, retry_after, times))

    def heal(self) -> None:
        """Slack is back: drop every fault still queued."""
        with self._lock:
            self._faults.clear()

    def calls_to(self, method: str) -> list[ApiCall]:
        with self._lock:
            return [c for c in self.calls if c.method == method and c.status == 200]

    def client(self, user_id: str) -> ClientState:
        with self._lock:
            return self.clients.setdefault(user_id, ClientState())

    def wait_until(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        with self._lock:
            while not condition():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError("the fake Slack did not see the expected calls in time")
                self._lock.wait(remaining)

    def top_modal(self, user_id: str) -> dict[str, Any] | None:
        modals = self.client(user_id).modals
        return modals[-1] if modals else None

    def apply_response_action(self, user_id: str, response: dict[str, Any] | None) -> None:
        """What Slack's client does with the answer to a view submission."""
        with self._lock:
            modals = self.clients.setdefault(user_id, ClientState()).modals
            action = (response or {}).get("response_action")
            if action == "errors":
                return
            if action == "update":
                modals[-1] = {**response["view"], **_identity(modals[-1])}  # type: ignore[index]
            elif action == "push":
                modals.append({**response["view"], "id": self._new_id("V"), "previous_view_id": modals[-1]["id"]})  # type: ignore[index]
            elif action == "clear":
                modals.clear()
            elif modals:
                modals.pop()
            self._lock.notify_all()

    def close_modal(self, user_id: str) -> None:
        with self._lock:
            modals = self.clients.setdefault(user_id, ClientState()).modals
            if modals:
                modals.pop()

    # --- the Web API -------------------------------------------------------------------------

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):06d}"

    def _new_ts(self) -> str:
        """Message timestamps are unique per channel in Slack; a counter keeps them so here."""
        return f"{int(time.time())}.{next(self._ids):06d}"

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        method = request.path.removeprefix("/api/")
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length).decode("utf-8") if length else ""
        if "json" in (request.headers.get("Content-Type") or ""):
            params = json.loads(raw or "{}")
        else:
            params = {k: _maybe_json(v) for k, v in parse_qsl(raw)}
        status, headers, body = self._answer(method, params, request.headers.get("Authorization", ""))
        request.send_response(status)
        for name, value in headers.items():
            request.send_header(name, value)
        payload = json.dumps(body).encode("utf-8")
        request.send_header("Content-Type", "application/json; charset=utf-8")
        request.send_header("Content-Length", str(len(payload)))
        request.end_headers()
        request.wfile.write(payload)

    def _answer(self, method: str, params: dict[str, Any], auth: str) -> tuple[int, dict[str, str], dict[str, Any]]:
        with self._lock:
            fault = self._take_fault(method)
            if fault is not None:
                self.calls.append(ApiCall(method, params, fault.status))
                headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
                self._lock.notify_all()
                return fault.status, headers, {"ok": False, "error": fault.error or "fatal_error"}
            if not auth.startswith("Bearer xoxb-"):
                self.calls.append(ApiCall(method, params, 200))
                return 200, {}, {"ok": False, "error": "not_authed"}
            body = self._succeed(method, params)
            self.calls.append(ApiCall(method, params, 200))
            self._lock.notify_all()
            return 200, {}, body

    def _take_fault(self, method: str) -> _Fault | None:
        queue = self._faults.get(method)
        if not queue:
            return None
        fault = queue[0]
        fault.times -= 1
        if fault.times <= 0:
            queue.popleft()
        return fault

    def _succeed(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://school.example/",
                "team": "School",
                "user": "meldbot",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": "BMELDBOT",
            }
        if method == "chat.postMessage":
            owner = _dm_owner(str(params["channel"]))
            message = {"ts": self._new_ts(), "text": params.get("text"), "blocks": params.get("blocks") or []}
            self.clients.setdefault(owner, ClientState()).messages.append(message)
            # Like Slack, answer with the DM channel's id, also when the message was posted to a user id.
            return {"ok": True, "channel": f"D{owner}", "ts": message["ts"], "message": message}
        if method == "chat.update":
            messages = self.clients.setdefault(_dm_owner(str(params["channel"])), ClientState()).messages
            for index, message in enumerate(messages):
                if message["ts"] == params.get("ts"):
                    messages[index] = {**message, "text": params.get("text"), "blocks": params.get("blocks") or []}
                    return {"ok": True, "channel": params["channel"], "ts": message["ts"]}
            return {"ok": False, "error": "message_not_found"}
        if method in ("views.open", "views.push"):
            user_id = _user_of_trigger(str(params.get("trigger_id", "")))
            if user_id is None:
                return {"ok": False, "error": "invalid_trigger_id"}
            modals = self.clients.setdefault(user_id, ClientState()).modals
            if method == "views.open":
                modals.clear()
            elif len(modals) >= MAX_MODAL_STACK:
                return {"ok": False, "error": "push_limit_reached"}
            view = {**params["view"], "id": self._new_id("V")}
            if modals:
                view["previous_view_id"] = modals[-1]["id"]
            modals.append(view)
            return {"ok": True, "view": view}
        if method == "views.update":
            for state in self.clients.values():
                for index, view in enumerate(state.modals):
                    if view["id"] == params.get("view_id"):
                        state.modals[index] = {**params["view"], **_identity(view)}
                        return {"ok": True, "view": state.modals[index]}
            return {"ok": False, "error": "not_found"}
        if method == "views.publish":
            self.clients.setdefault(str(params["user_id"]), ClientState()).home = params["view"]
            return {"ok": True, "view": params["view"]}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": f"D{params.get('users', '')}"}}
        return {"ok": True}


def _identity(view: dict[str, Any]) -> dict[str, Any]:
    """What Slack keeps of a view when its content is replaced: its id and its place in the stack."""
    return {key: view[key] for key in ("id", "previous_view_id") if key in view}


def _dm_owner(channel: str) -> str:
    """Posting to a user id or to the DM channel with that user (D + user id here) lands in one DM."""
    return channel[1:] if channel.startswith("DU") else channel


def _maybe_json(value: str) -> Any:
    if value[:1] in "{[":
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def trigger_for(user_id: str) -> str:
    """A trigger id that names its user, as the fake needs to know whose client opens a modal."""
    return f"{int(time.time() * 1000)}.{user_id}.trigger"


def _user_of_trigger(trigger_id: str) -> str | None:
    parts = trigger_id.split(".")
    return parts[1] if len(parts) == 3 and parts[2] == "trigger" else None
