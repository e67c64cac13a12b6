"""How fast the bot answers Slack, side by side with a bare Bolt app (the floor), in one run.

    python benchmarks/responsiveness.py                    # 1, 10 and 50 users; instant and slow Slack
    python benchmarks/responsiveness.py --users 50 --rounds 5 --delays 0.3

For each Slack (answering at once, or every Web API call after 300 ms) and each number of users,
the floor, the bot and the floor again each serve the same load: every user sends `/meldcode`,
clicks *Open casus* and submits a signal form, `--rounds` times each, as a person does: after a
command or a click they wait until its modal opened (Slack got the views.open), after a
submission until its answer came, then act again at once. With `--flood` they act again as soon
as the answer came: a load no person makes, which shows what queues when a server falls behind.

It reports, per kind of request: the share that got no answer within Slack's 3 s (Slack then
shows an error); each server's CPU time per request; p50 and p99 of the
time until the answer (the ack) and of the time from the click until the modal opened; and the
share of modals that opened more than 3 s after their click (the trigger was dead). Each server
first answers one request of each kind unmeasured (a fresh process compiles its SQL and opens its
connections on first use). `--bot-source` serves the bot from another checkout, such as an
earlier release, to compare designs in one run. Absolute times on a shared machine mean little;
the ratios bot/floor are the figures to read.

Every process runs on its own (the fake Slack, the app, this load generator), all on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
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
from bot.documents.dialogs import signal
from bot.flows.steps.registration import SignalForm, register_signal
from bot.flows.steps.taking import take_case
from bot.flows.vocabulary import AgeBand, SignalCategory, SignalSource
from bot.school_config import parse_directory
from bot.slack.inbound import sign
from bot.slack.views.dialogs import modal_of
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
def _process(args: list[str], env: dict[str, str], probe: str, log: Path) -> Iterator[int]:
    """A server in a process of its own, its output in `log` (read it when a phase fails). It starts in
    the log's folder: `python -m bot` would otherwise find the package in the current folder first."""
    with log.open("wb") as sink:
        process = subprocess.Popen(
            args, env={**os.environ, **env}, stdout=sink, stderr=subprocess.STDOUT, cwd=log.parent
        )
    try:
        _wait_for(probe, process)
        yield process.pid
    finally:
        process.terminate()
        process.wait(timeout=10)


@dataclass(frozen=True)
class Server:
    url: str
    pid: int

    def cpu_seconds(self) -> float:
        """User and system CPU time the process used so far (its own threads, from /proc)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def fake_slack(delay: float, folder: Path) -> Iterator[str]:
    port = _free_port()
    args = [sys.executable, str(ROOT / "benchmarks" / "fake_slack_server.py"), "--port", str(port)]
    with _process([*args, "--delay", str(delay)], {}, f"http://127.0.0.1:{port}/_fake/stats", folder / "slack.log"):
        yield f"http://127.0.0.1:{port}/api/"


@contextmanager
def floor(slack_url: str, folder: Path) -> Iterator[Server]:
    port = _free_port()
    args = [sys.executable, str(ROOT / "benchmarks" / "floor.py"), "--port", str(port), "--slack", slack_url]
    args += ["--secret", SECRET, "--db", str(folder / "floor.sqlite3")]
    with _process(args, {}, f"http://127.0.0.1:{port}/", folder / "floor.log") as pid:
        yield Server(f"http://127.0.0.1:{port}/slack/events", pid)


def seed(folder: Path, key: str) -> None:
    """The database the bot serves: one case, taken, that every user may open."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        meldbot_data_dir=folder / "data",
        meldbot_encryption_key=key,
    )
    services = build_services(settings, directory=parse_directory(CONFIG, "bench"))
    registered = register_signal(services, USERS[0], "bench", False, A_SIGNAL, "bench-case")
    take_case(services, "UCOORD001", registered.case_id)  # type: ignore[union-attr]
    services.db.dispose()


@contextmanager
def bot(slack_url: str, folder: Path, source: Path | None) -> Iterator[Server]:
    """`meldbot run` in HTTP mode (this checkout's, or the one in `source`), on a seeded database."""
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
    if source is None:
        seed(folder, key)
    else:  # another release: its own code makes its own schema
        env["PYTHONPATH"] = str(source)
        script = f"import sys; sys.path[:0] = [{str(source)!r}, {str(ROOT / 'benchmarks')!r}]; "
        script += f"import responsiveness, pathlib; responsiveness.seed(pathlib.Path({str(folder)!r}), {key!r})"
        subprocess.run([sys.executable, "-c", script], check=True, env={**os.environ, "PYTHONPATH": str(source)})
    probe = f"http://127.0.0.1:{port}/healthz"
    with _process([sys.executable, "-m", "bot", "run"], env, probe, folder / "bot.log") as pid:
        yield Server(f"http://127.0.0.1:{port}/slack/events", pid)


def _body(kind: str, user: str, n: int) -> tuple[bytes, str]:
    """The request's body and the trigger it carries."""
    trigger = trigger_for(user)
    if kind == "command":
        fields = {"command": "/meldcode", "text": "", "user_id": user, "team_id": "T0SCHOOL", "trigger_id": trigger}
        return urlencode(fields).encode(), trigger
    if kind == "click":
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user},
            "team": {"id": "T0SCHOOL"},
            "trigger_id": trigger,
            "container": {"type": "message"},
            "actions": [{"action_id": "open_case", "block_id": "b", "value": "1", "type": "button"}],
        }
    else:
        view = modal_of(signal("bench", False, SEEN_ON)).to_dict()
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
            "trigger_id": trigger,
            "view": {**view, "id": f"V{user[6:]}{n:06d}", "state": {"values": fill_state(view, values)}},
        }
    return urlencode({"payload": json.dumps(payload)}).encode(), trigger


@dataclass
class Timings:
    acks: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    modals: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})  # inf: never opened
    cpu: dict[str, float] = field(default_factory=lambda: dict.fromkeys(KINDS, 0.0))  # server CPU seconds

    def add(self, other: Timings) -> None:
        for kind in KINDS:
            self.acks[kind] += other.acks[kind]
            self.modals[kind] += other.modals[kind]
            self.cpu[kind] += other.cpu[kind]

    def cpu_per_request(self, kind: str) -> float:
        """Milliseconds of the server's CPU per request of this kind (what it did after, included)."""
        return 1000 * self.cpu[kind] / max(1, len(self.acks[kind]))


@dataclass(frozen=True)
class Load:
    users: int
    rounds: int
    flood: bool  # act again as soon as the answer came, without waiting for the modal


async def _modal_age(session: aiohttp.ClientSession, opened: str, trigger: str) -> float:
    """Seconds from the click until Slack got the views.open for it (inf: it never came)."""
    async with session.get(opened, params={"trigger": trigger}) as seen:
        age = (await seen.json())["age"]
    return float(age) if age is not None else math.inf


async def _user(
    session: aiohttp.ClientSession, url: str, opened: str, kind: str, user: str, load: Load, out: Timings
) -> None:
    flooded: list[asyncio.Task[float]] = []
    for n in range(load.rounds):
        body, trigger = _body(kind, user, n)
        stamp = str(int(time.time()))
        headers = {
            "Content-Type": FORM,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": sign(SECRET, stamp, body),
        }
        started = time.perf_counter()
        async with session.post(url, data=body, headers=headers) as answer:
            await answer.read()
        if answer.status >= 400:  # no ack within Slack's 3 s (Bolt answers 404): Slack shows an error
            out.acks[kind].append(math.inf)
            continue
        out.acks[kind].append(time.perf_counter() - started)
        if kind == "submit":
            continue
        if load.flood:  # on at once; the modal's age is looked up meanwhile
            flooded.append(asyncio.create_task(_modal_age(session, opened, trigger)))
        else:  # a person waits for the modal before doing anything else
            out.modals[kind].append(await _modal_age(session, opened, trigger))
    out.modals[kind] += await asyncio.gather(*flooded)


async def _load(server: Server, opened: str, load: Load) -> Timings:
    timings = Timings()
    connector = aiohttp.TCPConnector(limit=0)  # as many connections as the users' requests and looks need
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=120)) as session:
        for kind in KINDS:
            before = server.cpu_seconds()
            users = USERS[: load.users]
            await asyncio.gather(*(_user(session, server.url, opened, kind, u, load, timings) for u in users))
            await asyncio.sleep(0.5)  # what the server does after the last answer (the outbox) counts too
            timings.cpu[kind] = server.cpu_seconds() - before
    return timings


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else math.nan


def _line(delay: float, users: int, kind: str, floors: Timings, bots: Timings) -> str:
    def pair(values: list[float]) -> str:
        return f"{_ms(values, 0.5):>6.0f} {_ms(values, 0.99):>6.0f}"

    def ratio(bot: list[float], floor: list[float]) -> str:
        return f"{_ms(bot, 0.99) / _ms(floor, 0.99):>5.2f}"

    # Slack waits 3 s for an answer: a later one (or none) is an error on the user's screen.
    failed = [sum(a > 3 for a in t.acks[kind]) / max(1, len(t.acks[kind])) for t in (floors, bots)]
    cells = [
        f"{int(delay * 1000):>5}ms {users:>5} {kind:>8}",
        f"{failed[0]:>4.0%} {failed[1]:>4.0%}",
        f"{floors.cpu_per_request(kind):>5.1f} {bots.cpu_per_request(kind):>5.1f}",
        pair(floors.acks[kind]),
        pair(bots.acks[kind]),
        ratio(bots.acks[kind], floors.acks[kind]),
    ]
    if kind != "submit":
        late = [sum(a > 3 for a in t.modals[kind]) / max(1, len(t.modals[kind])) for t in (floors, bots)]
        cells += [
            pair(floors.modals[kind]),
            pair(bots.modals[kind]),
            ratio(bots.modals[kind], floors.modals[kind]),
            f"{late[0]:>4.0%} / {late[1]:.0%}",
        ]
    return " | ".join(cells)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--delays", type=float, nargs="+", default=[0.0, 0.3], help="seconds per Web API call")
    parser.add_argument("--rounds", type=int, default=10, help="requests of each kind per user")
    parser.add_argument("--bot-source", type=Path, help="serve the bot from this checkout (an earlier release)")
    parser.add_argument("--flood", action="store_true", help="users act again at each answer, not at each modal")
    args = parser.parse_args(argv)
    print("ms. failed: requests without an answer within 3 s (Slack shows an error), floor and bot;")
    print("cpu: the server's CPU per request, floor and bot (with what it did after the answer);")
    print("ack and modal: p50 and p99; ratio: bot p99 / floor p99; late: modals opened over 3 s after the click")
    print(
        "  slack users     kind | failed f b | cpu f     b |  ack floor    |  ack bot      | ratio "
        "|  modal floor  |  modal bot    | ratio | late"
    )
    for delay in args.delays:
        folder = Path(tempfile.mkdtemp(prefix="meldbot-bench-"))  # the servers' logs stay here
        with (
            fake_slack(delay, folder) as slack_url,
            floor(slack_url, folder) as floor_url,
            bot(slack_url, folder, args.bot_source) as bot_url,
        ):
            opened = slack_url.replace("/api/", "/_fake/opened")
            for server in (floor_url, bot_url):  # each answers every kind once first: steady state is measured
                asyncio.run(_load(server, opened, Load(1, 1, False)))
            for users in args.users:
                floors, bots = Timings(), Timings()
                load = Load(users, args.rounds, args.flood)
                for server, result in ((floor_url, floors), (bot_url, bots), (floor_url, floors)):
                    result.add(asyncio.run(_load(server, opened, load)))
                for kind in KINDS:
                    print(_line(delay, users, kind, floors, bots), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
