"""Serving the app: an ASGI app for HTTP mode (with /healthz), or a Socket Mode connection."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from slack_bolt import App
from slack_bolt.request import BoltRequest
from sqlalchemy import text

from storage.db import Database

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class SlackAsgi:
    """A minimal ASGI app around Bolt.

    Bolt's own sync ASGI adapter runs `dispatch` on the event loop, so one slow request would
    hold all others; here each request is dispatched on a worker thread.
    """

    def __init__(self, app: App, db: Database) -> None:
        self._app = app
        self._db = db

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        method, path = scope["method"], scope["path"]
        if method == "POST" and path == EVENTS_PATH:
            body = await _read_body(receive)
            headers: dict[str, str | Sequence[str]] = {}
            for name, value in scope.get("headers", []):
                values = headers.setdefault(name.decode("latin-1").lower(), [])
                assert isinstance(values, list)
                values.append(value.decode("latin-1"))
            request = BoltRequest(
                body=body.decode("utf-8"), query=scope.get("query_string", b"").decode(), headers=headers
            )
            response = await asyncio.to_thread(self._app.dispatch, request)
            await _respond(send, response.status, response.body, response.headers)
        elif method == "GET" and path == HEALTH_PATH:
            healthy = await asyncio.to_thread(self._database_answers)
            status = 200 if healthy else 503
            body_text = json.dumps({"status": "ok" if healthy else "database unavailable"})
            await _respond(send, status, body_text, {"content-type": ["application/json"]})
        else:
            await _respond(send, 404, "Not Found", {"content-type": ["text/plain; charset=utf-8"]})

    def _database_answers(self) -> bool:
        try:
            with self._db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except Exception:
            log.exception("health check: database did not answer")
            return False

    @staticmethod
    async def _lifespan(receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


async def _respond(send: Send, status: int, body: str, headers: dict[str, Any]) -> None:
    raw_headers = []
    for name, values in headers.items():
        for value in values if isinstance(values, list) else [values]:
            raw_headers.append((name.encode("latin-1"), str(value).encode("latin-1")))
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body.encode("utf-8")})


def serve_http(app: App, db: Database, host: str, port: int) -> None:
    import uvicorn

    log.info("HTTP mode: listening on %s:%s (events at %s)", host, port, EVENTS_PATH)
    uvicorn.run(SlackAsgi(app, db), host=host, port=port, log_level="info", access_log=False)


def serve_socket_mode(app: App, app_token: str) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    log.info("Socket Mode: connecting to Slack")
    SocketModeHandler(app, app_token).start()
