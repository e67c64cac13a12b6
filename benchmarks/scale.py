"""Views at a school board's scale: the App Home of a coordinator with 1,000 open cases and of an admin
of 200 schools, on a database of 100,000 cases; and the memory `meldbot run` holds while serving them.

    python benchmarks/scale.py                 # 100,000 cases, 200 schools, 1,000 open at one school
    python benchmarks/scale.py --cases 20000

Times are server time: the flow that reads the lists and counts, and the Home drawn to JSON (what
goes to views.publish), median and p90 over `--runs`. RSS is read from /proc of a `meldbot run`
process on the same database after it published each Home a few times.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.bootstrap import build_services
from bot.config import Settings
from bot.devtools.driver import SlackDriver
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.seed import seed_cases
from bot.documents.desk import HomePlace
from bot.slack.handlers.home import draw_home
from storage import repositories as repo
from storage.crypto import generate_key

COORDINATOR, ADMIN, TEACHER = "UCOORD001", "UADMIN001", "UTEACH001"
SECRET = "scale-secret"


def config(schools: int) -> str:
    return (
        "schools:\n"
        + "".join(
            f"  - id: school-{n}\n    name: School {n}\n    coordinators: [UCOORD{n:03d}]\n    members: all\n"
            for n in range(schools)
        )
        + f"admins: [{ADMIN}]\n"
    )


def timed(work: object, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9)]


def rss_of_run(folder: Path, key: str, fake: FakeSlack) -> int:
    """kB resident of `meldbot run` after publishing each Home five times."""
    port = 3000 + os.getpid() % 1000
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-scale",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.url,
        "MELDBOT_ENCRYPTION_KEY": key,
        "MELDBOT_CONFIG": str(folder / "meldbot.yml"),
        "MELDBOT_DATA_DIR": str(folder / "data"),
        "MELDBOT_SWEEP_SECONDS": "3600",
        "HOST": "127.0.0.1",
        "PORT": str(port),
    }
    with (folder / "run.log").open("wb") as sink:
        process = subprocess.Popen([sys.executable, "-m", "bot", "run"], env=env, stdout=sink, stderr=sink)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        driver = SlackDriver(f"http://127.0.0.1:{port}/slack/events", SECRET, fake)
        for _ in range(5):
            for user in ("UCOORD007", ADMIN, TEACHER):
                driver.open_home(user)
        fake.wait_until(lambda: len(fake.calls_to("views.publish")) >= 15, timeout=60)
        status = Path(f"/proc/{process.pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
    finally:
        process.terminate()
        process.wait(timeout=10)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--schools", type=int, default=200)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as data:
        folder, key = Path(data), generate_key()
        (folder / "meldbot.yml").write_text(config(args.schools), encoding="utf-8")
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            meldbot_data_dir=folder / "data",
            meldbot_config=folder / "meldbot.yml",
            meldbot_encryption_key=key,
        )
        services = build_services(settings)
        far = datetime.now(UTC) + timedelta(days=365)
        started = time.perf_counter()
        per_school = (args.cases - 1000) // max(1, args.schools - 1)
        seed_cases(services, "school-7", 1000, reporter_id=TEACHER, coordinators=["UCOORD007"], due_at=far)
        for n in (n for n in range(args.schools) if n != 7):
            seed_cases(services, f"school-{n}", per_school, reporter_id="UOTHER01", coordinators=[f"UCOORD{n:03d}"],
                       due_at=far, prefix=f"S{n}")  # fmt: skip
        with services.db.transaction() as session:
            for n in range(args.schools):
                for measure in ("registered", "route:home"):
                    for _ in range(3):
                        repo.add_to_statistic(session, f"school-{n}", date(2026, 3, 1), measure)
        print(f"seeded {args.cases} cases in {args.schools} schools in {time.perf_counter() - started:.0f} s")
        for who, user in (
            ("a coordinator of 1,000 open cases", "UCOORD007"),
            (f"an admin of {args.schools} schools", ADMIN),
        ):
            median, p90 = timed(lambda u=user: draw_home(services, u, HomePlace()).to_dict(), args.runs)  # type: ignore[misc]
            print(f"Home for {who}: {median:.1f} ms median (p90 {p90:.1f})")
        services.db.dispose()
        fake = FakeSlack()
        fake.start()
        try:
            print(f"meldbot run after serving those Homes: RSS {rss_of_run(folder, key, fake) / 1024:.0f} MB")
        finally:
            fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
