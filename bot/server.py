"""The one HTTP server of `meldbot run` (an ASGI app under uvicorn): each platform's endpoint, and /healthz.

Before an endpoint reads a request, its size is checked: a Content-Length over the limit gets 413
unread, and a body is read only as far as the limit. What an endpoint refuses gets its status and
one log line with the reason, never the body. The lifespan starts and stops every endpoint's bot.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import text

from storage.db import Database

log = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
# The platforms' largest requests are clicks in a full Slack modal: the view comes along, at most
# 100 blocks of 3,000 characters, URL-encoded (up to 12 bytes for a character outside ASCII). That
# stays below 4 MiB; a larger body is no platform's request and is refused unread.
MAX_BODY_BYTES = 4 * 1024 * 1024

Headers = Mapping[str, Sequence[str]]
Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class NotAdmitted(Exception):
    """Why a request is not admitted: the HTTP status and a reason for the log (no content)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Reply:
    status: int
    body: str = ""
    headers: Mapping[str, str | Sequence[str]] = field(default_factory=dict)


class Endpoint(Protocol):
    """One platform's bot, as the server sees it."""

    path: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def handle(self, body: bytes, query: str, headers: Headers) -> Reply:
        """The answer to one POST; raises NotAdmitted for a request it refuses."""
        ...


class Asgi:
    def __init__(self, db: Database, endpoints: Sequence[Endpoint]) -> None:
        self._db = db
        self._endpoints = {endpoint.path: endpoint for endpoint in endpoints}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        method, path = scope["method"], scope["path"]
        endpoint = self._endpoints.get(path)
        if method == "POST" and endpoint is not None:
            headers = _headers(scope)
            try:
                check_declared_length(headers)
                body = await _read_body(receive)
                reply = await endpoint.handle(body, scope.get("query_string", b"").decode("latin-1"), headers)
            except NotAdmitted as refused:
                log.warning("refused a request to %s (%s): %s", path, refused.status, refused.reason)
                reply = Reply(refused.status, "", {"content-type": "text/plain; charset=utf-8"})
            await _respond(send, reply)
        elif method == "GET" and path == HEALTH_PATH:
            healthy = await asyncio.to_thread(self._database_answers)
            body_text = json.dumps({"status": "ok" if healthy else "database unavailable"})
            await _respond(send, Reply(200 if healthy else 503, body_text, {"content-type": "application/json"}))
        else:
            await _respond(send, Reply(404, "Not Found", {"content-type": "text/plain; charset=utf-8"}))

    def _database_answers(self) -> bool:
        try:
            with self._db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except Exception:
            log.exception("health check: database did not answer")
            return False

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                for endpoint in self._endpoints.values():
                    await endpoint.start()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                for endpoint in self._endpoints.values():
                    await endpoint.stop()
                await send({"type": "lifespan.shutdown.complete"})
                return


def check_declared_length(headers: Headers) -> None:
    """Refuse at once a Content-Length over the limit (or not a number), before reading the body."""
    values = headers.get("content-length")
    if not values:
        return
    try:
        length = int(values[0])
    except ValueError:
        raise NotAdmitted(400, "Content-Length is not a number") from None
    if length > MAX_BODY_BYTES:
        raise NotAdmitted(413, f"body of {length} bytes is over the limit of {MAX_BODY_BYTES}")


def _headers(scope: Scope) -> dict[str, list[str]]:
    headers: dict[str, list[str]] = {}
    for name, value in scope.get("headers", []):
        headers.setdefault(name.decode("latin-1").lower(), []).append(value.decode("latin-1"))
    return headers


async def _read_body(receive: Receive) -> bytes:
    """The body, read only as far as the limit allows (also when no Content-Length announced it)."""
    chunks, size = [], 0
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise NotAdmitted(413, f"body of more than {MAX_BODY_BYTES} bytes")
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


async def _respond(send: Send, reply: Reply) -> None:
    raw_headers = []
    for name, values in reply.headers.items():
        for value in [values] if isinstance(values, str) else values:
            raw_headers.append((name.encode("latin-1"), str(value).encode("latin-1")))
    await send({"type": "http.response.start", "status": reply.status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": reply.body.encode("utf-8")})


def serve_http(asgi: Asgi, host: str, port: int) -> None:
    import uvicorn

    log.info("HTTP mode: listening on %s:%s", host, port)
    uvicorn.run(asgi, host=host, port=port, log_level="info", access_log=False)
