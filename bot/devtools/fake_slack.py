"""A local fake of the Slack Web API on 127.0.0.1 that records every call.

It also keeps what each person's Slack client would show (open modals, DMs, the App Home),
so a script or a test can read and act on exactly what the bot rendered. Faults can be
injected per method: HTTP 5xx, 429 with Retry-After, or a Slack error code.
"""

from __future__ import annotations

import itertools
import json
import math
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT_USER_ID = "UMELDBOT"
_DROPPED = 0  # the status recorded for a call whose connection was closed without an answer
MAX_MODAL_STACK = 3  # Slack keeps at most three views in a modal's stack
TEAM_ID = "T0SCHOOL"


@dataclass(frozen=True)
class ApiCall:
    method: str
    params: dict[str, Any]
    status: int  # what the fake answered: 200, the injected fault, or 0 when it dropped the connection
    ok: bool = True  # False when the answer was a refusal or fault (also a 200 with "ok": false)


@dataclass
class _Fault:
    status: int
    error: str | None
    retry_after: int | None
    times: int
    after_success: bool  # the call takes effect, then the answer is the fault: a lost response
    user_id: str | None = None  # only calls to this person's DM (None: every call)
    drop: bool = False  # no answer at all: the connection is closed (after the call took effect, if so)


@dataclass
class _Bucket:
    """A token bucket: `rate` calls a second on average, `burst` at once."""

    rate: float
    burst: float
    tokens: float
    at: float

    def take(self, now: float) -> float:
        """0 when a call may go now (and takes its token); else the seconds until one may."""
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


@dataclass
class ClientState:
    """What one user's Slack client shows."""

    modals: list[dict[str, Any]] = field(default_factory=list)  # the stack; last is on top
    messages: list[dict[str, Any]] = field(default_factory=list)  # the DM with the bot
    home: dict[str, Any] | None = None
    files: list[dict[str, Any]] = field(default_factory=list)  # shared into the DM: title, filename, content


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[ApiCall] = []
        self.clients: dict[str, ClientState] = {}
        self._faults: dict[str, deque[_Fault]] = {}
        self._delays: dict[str, float] = {}
        self._limits: tuple[float, float, float, float] | None = None
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Condition()
        self._ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._uploads: dict[str, dict[str, Any]] = {}  # file id -> filename and uploaded bytes
        self._delay_all = 0.0
        self._holds: list[tuple[threading.Event, str | None]] = []
        self.held: list[str] = []  # the methods of the calls a hold keeps waiting now
        self.connections = 0  # TCP connections clients opened to the fake
        # Seconds from each trigger's click to the views.open/push that used it (Slack allows 3).
        self.trigger_ages: list[float] = []
        self._used_triggers: dict[str, float] = {}  # trigger id -> its age when used
        self.people: dict[str, str] = {}  # user id -> the full name users.info gives
        self.user_groups: dict[str, list[str]] = {}  # user group id -> its members, for usergroups.users.list

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self, port: int = 0) -> str:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as Slack's API serves

            def setup(self) -> None:
                super().setup()
                with fake._lock:
                    fake.connections += 1

            def do_POST(self) -> None:
                fake._handle(self)

            def do_GET(self) -> None:
                if self.path.startswith("/api/"):  # some Web API methods are read with GET
                    fake._handle(self)
                else:
                    fake._report(self)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._server = _Server(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self.url

    @property
    def url(self) -> str:
        assert self._server is not None, "start() first"
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/"

    def stop(self) -> None:
        with self._lock:
            for gate, _ in self._holds:
                gate.set()  # nothing is left hanging
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
        after_success: bool = False,
        user_id: str | None = None,
        drop: bool = False,
    ) -> None:
        """Answer the next `times` calls to `method` with a fault instead of success.

        `after_success`: the call takes effect first (the message is posted), then the fault is
        the answer, as when Slack's response is lost on the way back. `drop`: instead of an
        answer, the connection is closed (a proxy or a network that gave up). `user_id`: only
        calls to that person's DM fail.
        """
        with self._lock:
            fault = _Fault(status, error, retry_after, times, after_success, user_id, drop)
            self._faults.setdefault(method, deque()).append(fault)

    def slow(self, method: str, seconds: float) -> None:
        """Take effect at once but answer `method` only after `seconds` (0: at once again)."""
        with self._lock:
            self._delays[method] = seconds

    def slow_all(self, seconds: float) -> None:
        """Answer every method only after `seconds`: Slack on a slow day, seen from far away."""
        with self._lock:
            self._delay_all = seconds

    def hold(self, user_id: str | None = None) -> threading.Event:
        """Leave every Web API call (or those for `user_id`: their trigger, their DM, their Home)
        unanswered until the returned event is set: Slack hanging. `held` lists what waits."""
        gate = threading.Event()
        with self._lock:
            self._holds.append((gate, user_id))
        return gate

    def rate_limit(
        self,
        per_channel: float = 1.0,
        channel_burst: float = 3,
        per_workspace: float = 5.0,
        workspace_burst: float = 30,
    ) -> None:
        """Slack's limits for chat.postMessage: about one message a second per channel (short
        bursts allowed) and several hundred a minute per workspace. Over them: 429 + Retry-After."""
        with self._lock:
            self._limits = (per_channel, channel_burst, per_workspace, workspace_burst)
            self._buckets.clear()

    def heal(self) -> None:
        """Slack is back: drop every fault, delay and rate limit still set."""
        with self._lock:
            self._faults.clear()
            self._delays.clear()
            self._limits = None

    def change_group(self, group_id: str, members: list[str]) -> dict[str, Any]:
        """Give the user group these members; the subteam_members_changed event Slack then sends."""
        with self._lock:
            before = self.user_groups.get(group_id, [])
            self.user_groups[group_id] = list(members)
        added, removed = [u for u in members if u not in before], [u for u in before if u not in members]
        now = int(time.time())
        return {
            "type": "subteam_members_changed",
            "subteam_id": group_id,
            "team_id": TEAM_ID,
            "date_previous_update": now - 60,
            "date_update": now,
            "added_users": added,
            "added_users_count": str(len(added)),
            "removed_users": removed,
            "removed_users_count": str(len(removed)),
            "event_ts": f"{now}.000100",
        }

    def calls_to(self, method: str) -> list[ApiCall]:
        """The calls to `method` that Slack took (answered ok)."""
        with self._lock:
            return [c for c in self.calls if c.method == method and c.ok]

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
        length = int(request.headers.get("Content-Length") or 0)
        if request.path.startswith("/upload/"):  # the upload URL files.getUploadURLExternal gave out
            self._receive_upload(request, request.rfile.read(length))
            return
        # The async client sends some arguments in the query string, the rest in the body.
        method, _, query = request.path.removeprefix("/api/").partition("?")
        raw = request.rfile.read(length).decode("utf-8") if length else ""
        params = {k: _maybe_json(v) for k, v in parse_qsl(query)}
        if "json" in (request.headers.get("Content-Type") or ""):
            params.update(json.loads(raw or "{}"))
        else:
            params.update({k: _maybe_json(v) for k, v in parse_qsl(raw)})
        if method in ("views.open", "views.push"):
            born = _trigger_time(str(params.get("trigger_id", "")))
            if born is not None:
                with self._lock:
                    self.trigger_ages.append(time.time() - born)
                    self._used_triggers[str(params["trigger_id"])] = self.trigger_ages[-1]
                    self._lock.notify_all()
        self._wait_while_held(method, params)
        status, headers, body = self._answer(method, params, request.headers.get("Authorization", ""))
        delay = self._delays.get(method, self._delay_all)
        if delay:
            time.sleep(delay)
        if status == _DROPPED:
            request.close_connection = True
            request.connection.shutdown(socket.SHUT_RDWR)
            return
        request.send_response(status)
        for name, value in headers.items():
            request.send_header(name, value)
        payload = json.dumps(body).encode("utf-8")
        request.send_header("Content-Type", "application/json; charset=utf-8")
        request.send_header("Content-Length", str(len(payload)))
        request.end_headers()
        request.wfile.write(payload)

    def _wait_while_held(self, method: str, params: dict[str, Any]) -> None:
        with self._lock:
            gates = [gate for gate, user_id in self._holds if user_id is None or _concerns(params, user_id)]
            if gates:
                self.held.append(method)
                self._lock.notify_all()
        for gate in gates:
            gate.wait(timeout=60)
        if gates:
            with self._lock:
                self.held.remove(method)

    def _report(self, request: BaseHTTPRequestHandler) -> None:
        """What a benchmark in another process needs to know (no message content). GET /_fake/stats:
        calls per method and every trigger's age when used; GET /_fake/opened?trigger=…: waits (up
        to 10 s) until that trigger opened a modal, then tells its age then (null: it never did)."""
        path, _, query = request.path.partition("?")
        report: dict[str, Any]
        with self._lock:
            if path == "/_fake/opened":
                trigger = dict(parse_qsl(query)).get("trigger", "")
                self._lock.wait_for(lambda: trigger in self._used_triggers, timeout=10)
                report = {"age": self._used_triggers.get(trigger)}
            else:
                counts: dict[str, int] = {}
                for call in self.calls:
                    counts[call.method] = counts.get(call.method, 0) + 1
                report = {"calls": counts, "trigger_ages": list(self.trigger_ages)}
        payload = json.dumps(report).encode("utf-8")
        request.send_response(200 if path in ("/_fake/stats", "/_fake/opened") else 404)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(payload)))
        request.end_headers()
        request.wfile.write(payload)

    def _receive_upload(self, request: BaseHTTPRequestHandler, content: bytes) -> None:
        with self._lock:
            upload = self._uploads.get(request.path.removeprefix("/upload/"))
            if upload is not None:
                upload["content"] = content
        request.send_response(200 if upload is not None else 404)
        request.send_header("Content-Length", "2")
        request.end_headers()
        request.wfile.write(b"OK")

    def _answer(self, method: str, params: dict[str, Any], auth: str) -> tuple[int, dict[str, str], dict[str, Any]]:
        with self._lock:
            fault = self._take_fault(method, params)
            if fault is None and method == "chat.postMessage":
                fault = self._over_limit(str(params.get("channel")))
            if fault is not None:
                if fault.after_success:
                    self._succeed(method, params)
                status = _DROPPED if fault.drop else fault.status
                self.calls.append(ApiCall(method, params, status, ok=False))
                headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
                self._lock.notify_all()
                return status, headers, {"ok": False, "error": fault.error or "fatal_error"}
            if not auth.startswith("Bearer xoxb-"):
                self.calls.append(ApiCall(method, params, 200, ok=False))
                return 200, {}, {"ok": False, "error": "not_authed"}
            body = self._succeed(method, params)
            self.calls.append(ApiCall(method, params, 200, ok=bool(body.get("ok"))))
            self._lock.notify_all()
            return 200, {}, body

    def _over_limit(self, channel: str) -> _Fault | None:
        if self._limits is None:
            return None
        per_channel, channel_burst, per_workspace, workspace_burst = self._limits
        now = time.monotonic()
        buckets = [
            self._buckets.setdefault(_dm_owner(channel), _Bucket(per_channel, channel_burst, channel_burst, now)),
            self._buckets.setdefault("", _Bucket(per_workspace, workspace_burst, workspace_burst, now)),
        ]
        waits = [bucket.take(now) for bucket in buckets]
        if not any(waits):
            return None
        for bucket, wait in zip(buckets, waits, strict=True):
            if not wait:
                bucket.tokens += 1  # give back the token this refused call took
        return _Fault(429, "ratelimited", max(1, math.ceil(max(waits))), 1, False)

    def _take_fault(self, method: str, params: dict[str, Any]) -> _Fault | None:
        queue = self._faults.get(method) or deque()
        owner = _dm_owner(str(params.get("channel") or params.get("users") or ""))
        fault = next((f for f in queue if f.user_id in (None, owner)), None)
        if fault is None:
            return None
        fault.times -= 1
        if fault.times <= 0:
            queue.remove(fault)
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
            if params.get("metadata"):
                message["metadata"] = params["metadata"]
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
            state = self.clients.setdefault(str(params["user_id"]), ClientState())
            # The Home keeps its id from one publish to the next, as in Slack.
            state.home = {**params["view"], "id": (state.home or {}).get("id") or self._new_id("V")}
            return {"ok": True, "view": state.home}
        if method == "conversations.history":
            return self._history(params)
        if method == "files.getUploadURLExternal":
            file_id = self._new_id("F")
            self._uploads[file_id] = {"filename": params.get("filename"), "content": b""}
            return {"ok": True, "file_id": file_id, "upload_url": self.url.replace("/api/", f"/upload/{file_id}")}
        if method == "files.completeUploadExternal":
            return self._share_files(params)
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": f"D{params.get('users', '')}"}}
        if method == "users.info":
            user_id = str(params.get("user", ""))
            if user_id not in self.people:
                return {"ok": False, "error": "user_not_found"}
            name = self.people[user_id]
            profile = {"real_name": name, "display_name": name.split()[0]}
            return {"ok": True, "user": {"id": user_id, "name": name.lower(), "real_name": name, "profile": profile}}
        if method == "usergroups.users.list":
            group_id = str(params.get("usergroup", ""))
            if group_id not in self.user_groups:
                return {"ok": False, "error": "no_such_subteam"}
            return {"ok": True, "users": list(self.user_groups[group_id])}
        return {"ok": True}

    def _share_files(self, params: dict[str, Any]) -> dict[str, Any]:
        owner = _dm_owner(str(params.get("channel_id") or ""))
        shared = []
        for entry in params.get("files") or []:
            upload = self._uploads.pop(str(entry.get("id")), None)
            if upload is None:
                return {"ok": False, "error": "file_not_found"}
            shared.append({"id": entry["id"], "title": entry.get("title"), **upload})
        self.clients.setdefault(owner, ClientState()).files.extend(shared)
        return {"ok": True, "files": [{"id": f["id"], "title": f["title"], "name": f["filename"]} for f in shared]}

    def _history(self, params: dict[str, Any]) -> dict[str, Any]:
        """A DM's messages, newest first, a page at a time; metadata only when asked for."""
        messages = list(reversed(self.clients.setdefault(_dm_owner(str(params["channel"])), ClientState()).messages))
        start, limit = int(params.get("cursor") or 0), int(params.get("limit") or 100)
        page = messages[start : start + limit]
        with_metadata = str(params.get("include_all_metadata")).lower() in ("1", "true")
        listed = [{k: v for k, v in m.items() if k != "metadata" or with_metadata} for m in page]
        more = start + limit < len(messages)
        return {
            "ok": True,
            "messages": listed,
            "has_more": more,
            "response_metadata": {"next_cursor": str(start + limit) if more else ""},
        }


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


def _trigger_time(trigger_id: str) -> float | None:
    """When the click that made this trigger happened (trigger_for puts it first, in milliseconds)."""
    head = trigger_id.split(".", 1)[0]
    return int(head) / 1000 if head.isdigit() else None


class _Server(ThreadingHTTPServer):
    # Many clients connect at once in a load test; with the default backlog of 5, connections
    # beyond it wait for the kernel to retry (a second), which would measure the fake, not the app.
    request_queue_size = 256


def _concerns(params: dict[str, Any], user_id: str) -> bool:
    """Whether a call is about this person: their trigger, their DM, their Home."""
    return (
        _user_of_trigger(str(params.get("trigger_id", ""))) == user_id
        or params.get("channel") in (user_id, f"D{user_id}")
        or user_id in (params.get("user_id"), params.get("users"))
    )


def _user_of_trigger(trigger_id: str) -> str | None:
    parts = trigger_id.split(".")
    return parts[1] if len(parts) == 3 and parts[2] == "trigger" else None
