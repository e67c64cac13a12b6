"""How fast the bot answers Slack, side by side with a bare Bolt app (the floor), in one run.

    pip install -e '.[bench]'
    python benchmarks/responsiveness.py                    # 1, 10 and 50 users; instant and slow Slack
    python benchmarks/responsiveness.py --users 50 --rounds 5 --delays 0.3

For each Slack (answering at once, or every Web API call after 300 ms) and each number of users,
the floor, the bot and the floor again each serve the same load: every user sends `/meldcode`,
clicks *Open casus* and submits a signal form, `--rounds` times each, as fast as the answers come.
It reports p50 and p99 of the time until the answer (the ack), per kind of request, and the share
of views.open calls that reached Slack more than 3 s after their click (a trigger then is dead).
Absolute times on a shared machine mean little; the ratio bot/floor is the figure to read.

Every process runs on its own (the fake Slack, the app, this load generator), all on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp

from bot.bootstrap import build_services
from bot.config import Settings
from bot.devtools.driver import fill_state
from bot.devtools.fake_slack import trigger_for
from bot.flows.registration import SignalForm, register_signal
from bot.flows.taking import take_case
from bot.flows.vocabulary import AgeBand, SignalCategory, SignalSource
from bot.inbound import sign
from bot.school_config import parse_directory
from bot.views.registration import signal_modal
from storage.crypto import generate_key

ROOT = Path(__file__).resolve().parents[1]
SECRET = "bench-signing-secret"
USERS = [f"UBENCH{n:03d}" for n in range(50)]
# Two coordinators (who hear of each new case) and fifty directors: staff who may report a concern
# and open the dossier, as the load needs, without every submission notifying fifty people.
CONFIG = (
    "schools:\n  - id: bench\n    name: Bench\n    coordinators: [UCOORD001, UCOORD002]\n"
    f"    directors: [{', '.join(USERS)}]\n    members: all\n"
)
KINDS = ("command", "click", "submit")
SEEN_ON = date(2026, 11, 13)
A_SIGNAL = SignalForm(
    "Leerling Verzonnen", "groep 5", AgeBand.UNDER_12, SEEN_ON, "Blauwe plekken.", "Gymzaal",
    SignalSource.OWN_OBSERVATION, (SignalCategory.PHYSICAL,),
)  # fmt: skip
FORM = "application/x-www-form-urlencoded"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} stopped with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


@contextmanager
def _process(args: list[str], env: dict[str, str], probe: str, log: Path) -> Iterator[None]:
    """A server in a process of its own, its output in `log` (read it when a phase fails)."""
    with log.open("wb") as sink:
        process = subprocess.Popen(args, env={**os.environ, **env}, stdout=sink, stderr=subprocess.STDOUT)
    try:
        _wait_for(probe, process)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def fake_slack(delay: float, folder: Path) -> Iterator[str]:
    port = _free_port()
    args = [sys.executable, str(ROOT / "benchmarks" / "fake_slack_server.py"), "--port", str(port)]
    with _process([*args, "--delay", str(delay)], {}, f"http://127.0.0.1:{port}/_fake/stats", folder / "slack.log"):
        yield f"http://127.0.0.1:{port}/api/"


@contextmanager
def floor(slack_url: str, folder: Path) -> Iterator[str]:
    port = _free_port()
    args = [sys.executable, str(ROOT / "benchmarks" / "floor.py"), "--port", str(port), "--slack", slack_url]
    args += ["--secret", SECRET, "--db", str(folder / "floor.sqlite3")]
    with _process(args, {}, f"http://127.0.0.1:{port}/", folder / "floor.log"):
        yield f"http://127.0.0.1:{port}/slack/events"


@contextmanager
def bot(slack_url: str, folder: Path) -> Iterator[str]:
    """`meldbot run` in HTTP mode, on a database with one case that every user may open."""
    key, port = generate_key(), _free_port()
    (folder / "meldbot.yml").write_text(CONFIG, encoding="utf-8")
    env = {
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack_url,
        "MELDBOT_CONFIG": str(folder / "meldbot.yml"),
        "MELDBOT_DATA_DIR": str(folder / "data"),
        "MELDBOT_ENCRYPTION_KEY": key,
        "MELDBOT_SWEEP_SECONDS": "3600",
        "HOST": "127.0.0.1",
        "PORT": str(port),
    }
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        meldbot_data_dir=folder / "data",
        meldbot_encryption_key=key,
    )
    services = build_services(settings, directory=parse_directory(CONFIG, "bench"))
    registered = register_signal(services, USERS[0], "bench", False, A_SIGNAL, "bench-case")
    take_case(services, "UCOORD001", registered.case_id)  # type: ignore[union-attr]
    services.db.dispose()
    with _process([sys.executable, "-m", "bot", "run"], env, f"http://127.0.0.1:{port}/healthz", folder / "bot.log"):
        yield f"http://127.0.0.1:{port}/slack/events"


def _body(kind: str, user: str, n: int) -> tuple[bytes, str]:
    if kind == "command":
        fields = {
            "command": "/meldcode",
            "text": "",
            "user_id": user,
            "team_id": "T0SCHOOL",
            "trigger_id": trigger_for(user),
        }
        return urlencode(fields).encode(), FORM
    if kind == "click":
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user},
            "team": {"id": "T0SCHOOL"},
            "trigger_id": trigger_for(user),
            "container": {"type": "message"},
            "actions": [{"action_id": "open_case", "block_id": "b", "value": "1", "type": "button"}],
        }
    else:
        view = signal_modal("bench", False, SEEN_ON).to_dict()
        values = {
            "pupil_name": f"Leerling {user} {n}",
            "pupil_group": "groep 5",
            "age_band": "under_12",
            "observed": "Blauwe plekken op beide armen.",
            "observed_on": SEEN_ON.isoformat(),
            "location": "Gymzaal",
            "source": "own",
            "categories": ["physical"],
        }
        payload = {
            "type": "view_submission",
            "user": {"id": user},
            "team": {"id": "T0SCHOOL"},
            "trigger_id": trigger_for(user),
            "view": {**view, "id": f"V{user[6:]}{n:06d}", "state": {"values": fill_state(view, values)}},
        }
    return urlencode({"payload": json.dumps(payload)}).encode(), FORM


async def _user(session: aiohttp.ClientSession, url: str, kind: str, user: str, rounds: int, out: list[float]) -> None:
    for n in range(rounds):
        body, content_type = _body(kind, user, n)
        stamp = str(int(time.time()))
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": sign(SECRET, stamp, body),
        }
        started = time.perf_counter()
        async with session.post(url, data=body, headers=headers) as answer:
            await answer.read()
            if answer.status >= 400:
                raise RuntimeError(f"{kind} answered {answer.status}")
        out.append(time.perf_counter() - started)


async def _load(url: str, users: int, rounds: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {}
    connector = aiohttp.TCPConnector(limit=users)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as session:
        for kind in KINDS:
            timings[kind] = []
            await asyncio.gather(*(_user(session, url, kind, user, rounds, timings[kind]) for user in USERS[:users]))
    return timings


def _stats(slack_url: str) -> dict[str, Any]:
    with urllib.request.urlopen(slack_url.replace("/api/", "/_fake/stats"), timeout=10) as answer:
        return dict(json.loads(answer.read()))


@dataclass
class Result:
    timings: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    views: list[float] = field(default_factory=list)

    def add(self, timings: dict[str, list[float]], views: list[float]) -> None:
        for kind, values in timings.items():
            self.timings[kind] += values
        self.views += views


def _phase(url: str, slack_url: str, users: int, rounds: int, result: Result) -> None:
    seen = len(_stats(slack_url)["trigger_ages"])
    timings = asyncio.run(_load(url, users, rounds))
    time.sleep(1.5)  # let the views.open calls after the last acks reach Slack
    result.add(timings, _stats(slack_url)["trigger_ages"][seen:])


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--delays", type=float, nargs="+", default=[0.0, 0.3], help="seconds per Web API call")
    parser.add_argument("--rounds", type=int, default=10, help="requests of each kind per user")
    args = parser.parse_args(argv)
    print(f"{'slack':>7} {'users':>5} {'kind':>8} | {'floor p50':>9} {'p99':>7} | {'bot p50':>8} {'p99':>7} | "
          f"{'p99 ratio':>9} | late views floor / bot")  # fmt: skip
    for delay in args.delays:
        folder = Path(tempfile.mkdtemp(prefix="meldbot-bench-"))  # the servers' logs stay here
        with (
            fake_slack(delay, folder) as slack_url,
            floor(slack_url, folder) as floor_url,
            bot(slack_url, folder) as bot_url,
        ):
            for users in args.users:
                floors, bots = Result(), Result()
                for url, result in ((floor_url, floors), (bot_url, bots), (floor_url, floors)):
                    _phase(url, slack_url, users, args.rounds, result)
                for kind in KINDS:
                    f99, b99 = _ms(floors.timings[kind], 0.99), _ms(bots.timings[kind], 0.99)
                    late = [sum(a > 3 for a in r.views) / max(1, len(r.views)) for r in (floors, bots)]
                    print(
                        f"{int(delay * 1000):>5}ms {users:>5} {kind:>8} | {_ms(floors.timings[kind], 0.5):>7.0f}ms "
                        f"{f99:>5.0f}ms | {_ms(bots.timings[kind], 0.5):>6.0f}ms {b99:>5.0f}ms | {b99 / f99:>9.2f} | "
                        f"{late[0]:.0%} / {late[1]:.0%}"
                    )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
