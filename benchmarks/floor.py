"""The floor the bot is measured against: a bare Bolt app doing the least possible.

AsyncApp under uvicorn. `/meldcode` and a click on `open_case`: ack, then views.open. A
`signal` submission: one row written to SQLite (the durable store the bot has too), then ack.

    python benchmarks/floor.py --port 3100 --slack http://127.0.0.1:9000/api/ --secret s --db /tmp/floor.sqlite3
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import threading
from typing import Any

import uvicorn
from slack_bolt.adapter.asgi.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

MODAL = {"type": "modal", "title": {"type": "plain_text", "text": "Floor"}, "blocks": []}


def build(slack_url: str, secret: str, database: str) -> AsyncApp:
    app = AsyncApp(client=AsyncWebClient(token="xoxb-floor", base_url=slack_url), signing_secret=secret)
    connection = sqlite3.connect(database, check_same_thread=False, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE IF NOT EXISTS signal (id INTEGER PRIMARY KEY, user TEXT, payload TEXT)")

    writing = threading.Lock()  # one connection, one writer at a time (SQLite has one anyway)

    def store(user: str, payload: str) -> None:
        with writing:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO signal (user, payload) VALUES (?, ?)", (user, payload))
            connection.execute("COMMIT")

    @app.command("/meldcode")
    async def command(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        await client.views_open(trigger_id=body["trigger_id"], view=MODAL)

    @app.action("open_case")
    async def click(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        await client.views_open(trigger_id=body["trigger_id"], view=MODAL)

    @app.view("signal")
    async def submit(ack: AsyncAck, body: dict[str, Any]) -> None:
        await asyncio.to_thread(store, body["user"]["id"], str(body["view"]["state"]))
        await ack()

    return app


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--slack", required=True, help="the fake Slack's Web API URL")
    parser.add_argument("--secret", required=True)
    parser.add_argument("--db", required=True)
    args = parser.parse_args(argv)
    handler = AsyncSlackRequestHandler(build(args.slack, args.secret, args.db))
    uvicorn.run(handler, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
