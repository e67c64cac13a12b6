"""How long `meldbot run` takes from its start to serving (`/healthz` answers 200), in HTTP mode.

    python benchmarks/startup.py              # 5 starts on a fresh database, 5 on one already made

A fresh database is created and migrated on its first start; the other starts find it current.
Prints the median and the slowest, and the modules that took longest to import on one start.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from storage.crypto import generate_key

CONFIG = "schools:\n  - id: linde\n    name: De Linde\n    coordinators: [UCOORD001]\n    members: all\n"


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_once(folder: Path, key: str, *, importtime: bool = False) -> tuple[float, str]:
    """Seconds until /healthz answers, and (with `importtime`) Python's import timing lines."""
    port = _port()
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-startup",
        "SLACK_SIGNING_SECRET": "startup",
        "SLACK_API_URL": "http://127.0.0.1:9/api/",  # nothing answers: start-up must not wait for Slack
        "MELDBOT_ENCRYPTION_KEY": key,
        "MELDBOT_CONFIG": str(folder / "meldbot.yml"),
        "MELDBOT_DATA_DIR": str(folder / "data"),
        "HOST": "127.0.0.1",
        "PORT": str(port),
    }
    flags = ["-X", "importtime"] if importtime else []
    log = folder / "run.log"  # a file, not a pipe: nobody reads a pipe while it starts, and it would fill
    started = time.perf_counter()
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, *flags, "-m", "bot", "run"], env=env, stdout=subprocess.DEVNULL, stderr=sink
        )
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError("meldbot run stopped before it served") from None
                time.sleep(0.005)
        ready = time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=10)
    return ready, log.read_text(encoding="utf-8", errors="replace")


def slowest_imports(lines: str, count: int = 8) -> list[str]:
    rows = []
    for line in lines.splitlines():
        if line.startswith("import time:") and line.split("|")[1].strip().isdigit():
            _, cumulative, name = line.split("|")
            if len(name) - len(name.lstrip()) <= 3:  # what `python -m bot` imports itself, not their parts
                rows.append((int(cumulative), name.strip()))
    return [f"{name} {micros / 1000:.0f} ms" for micros, name in sorted(rows, reverse=True)[:count]]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    fresh, current = [], []
    with tempfile.TemporaryDirectory() as shared:
        folder, key = Path(shared), generate_key()
        (folder / "meldbot.yml").write_text(CONFIG, encoding="utf-8")
        current = [start_once(folder, key)[0] for _ in range(args.runs + 1)][1:]  # the first one migrates
        _, timing = start_once(folder, key, importtime=True)
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as alone:
            (Path(alone) / "meldbot.yml").write_text(CONFIG, encoding="utf-8")
            fresh.append(start_once(Path(alone), generate_key())[0])
    for name, samples in (("fresh database (migrated)", fresh), ("existing database", current)):
        print(f"{name}: median {statistics.median(samples):.2f} s, slowest {max(samples):.2f} s")
    print("slowest imports:", ", ".join(slowest_imports(timing)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
