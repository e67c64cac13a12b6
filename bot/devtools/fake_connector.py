"""A fake of Teams' Bot Connector on 127.0.0.1: it records every activity the bot sends or
updates, and every file put into an upload session (the OneDrive's, in Teams), and can fail,
rate-limit or take a call and then lose its answer (for the tests)."""

from __future__ import annotations

import itertools
import json
import re
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_ACTIVITIES = re.compile(r"^/v3/conversations/(?P<conversation>[^/]+)/activities(?:/(?P<activity>[^/]+))?$")


@dataclass
class Sent:
    conversation_id: str
    activity_id: str
    activity: dict[str, Any]
    updates: list[dict[str, Any]] = field(default_factory=list)  # later versions, in order


@dataclass
class _Fault:
    status: int
    times: int
    retry_after: int | None = None
    after_success: bool = False  # the call takes effect, then the answer is the fault


class FakeConnector:
    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self.uploads: dict[str, bytes] = {}  # what the bot put into OneDrive upload sessions, by path
        self._faults: deque[_Fault] = deque()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> str:
        connector = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                connector._handle(self)

            def do_PUT(self) -> None:
                connector._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self.url

    @property
    def url(self) -> str:
        assert self._server is not None, "start() first"
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def fail(self, status: int, *, times: int = 1, retry_after: int | None = None, after_success: bool = False) -> None:
        with self._lock:
            self._faults.append(_Fault(status, times, retry_after, after_success))

    def messages_to(self, conversation_id: str) -> list[dict[str, Any]]:
        """The messages in that chat, each as it reads now (after its updates)."""
        with self._lock:
            chat = [sent for sent in self.sent if sent.conversation_id == conversation_id]
        return [sent.updates[-1] if sent.updates else sent.activity for sent in chat]

    def cards_to(self, conversation_id: str) -> list[dict[str, Any]]:
        """The cards in that chat, each as it reads now."""
        return [a["attachments"][0]["content"] for a in self.messages_to(conversation_id) if a.get("attachments")]

    def message_id(self, conversation_id: str, card: dict[str, Any]) -> str:
        """The id of the message in that chat that shows this card now."""
        with self._lock:
            for sent in self.sent:
                shown = sent.updates[-1] if sent.updates else sent.activity
                if sent.conversation_id == conversation_id and card in [
                    a.get("content") for a in shown.get("attachments") or []
                ]:
                    return sent.activity_id
        raise LookupError("no such card in that chat")

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path.split("?")[0]
        matched = _ACTIVITIES.match(path)
        content = request.rfile.read(int(request.headers.get("Content-Length") or 0))
        if path.startswith("/upload/") and request.command == "PUT":
            self._upload(request, path.removeprefix("/upload/"), content)
            return
        body = json.loads(content or b"{}")
        if matched is None:
            self._answer(request, 404, {"error": {"code": "NotFound"}})
            return
        with self._lock:
            fault = self._faults[0] if self._faults else None
            if fault is not None:
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.popleft()
            if fault is not None and not fault.after_success:
                answer: tuple[int, dict[str, Any]] = (fault.status, {"error": {"code": "Fault"}})
            else:
                answer = (200, self._take(request.command, matched["conversation"], matched["activity"], body))
                if fault is not None:
                    answer = (fault.status, {"error": {"code": "Fault"}})
        headers = {"Retry-After": str(fault.retry_after)} if fault and fault.retry_after is not None else {}
        self._answer(request, *answer, headers=headers)

    def _upload(self, request: BaseHTTPRequestHandler, name: str, content: bytes) -> None:
        with self._lock:
            fault = self._faults.popleft() if self._faults else None
            if fault is None:
                self.uploads[name] = content
        if fault is not None:
            self._answer(request, fault.status, {"error": {"code": "Fault"}})
        else:
            self._answer(request, 201, {"name": name, "size": len(content)})

    def _take(self, method: str, conversation_id: str, activity_id: str | None, body: dict[str, Any]) -> dict[str, Any]:
        if method == "PUT" and activity_id is not None:
            for sent in self.sent:
                if sent.conversation_id == conversation_id and sent.activity_id == activity_id:
                    sent.updates.append(body)
                    return {"id": activity_id}
            return {"error": {"code": "ActivityNotFound"}}
        new_id = f"1:{next(self._ids)}"
        self.sent.append(Sent(conversation_id, new_id, body))
        return {"id": new_id}

    @staticmethod
    def _answer(
        request: BaseHTTPRequestHandler, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(body).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(data)
