"""One reminder sweep with many open cases and a few due reminders: its cost must follow the
due rows, not the open ones.

    python benchmarks/reminder_sweep.py            # SQLite, and PostgreSQL when reachable
    python benchmarks/reminder_sweep.py --open 1000 100000 --due 100

For each backend and each number of open cases it seeds a fresh database (every open case has
an idle reminder weeks away; `--due` more are due now), prints the query plan of the claim and
times one sweep (claim, outbox rows, audit events; no Slack). Prints the median of `--runs`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, select, text
from sqlalchemy.dialects import postgresql, sqlite

from bot.bootstrap import build_services
from bot.config import Settings
from bot.devtools.seed import seed_cases
from bot.flows.jobs import reminders
from bot.flows.ports import ManualClock
from bot.flows.services import Services
from bot.school_config import parse_directory
from storage.crypto import generate_key
from storage.models import Reminder

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SCHOOL = "schools:\n  - id: bench\n    name: Bench\n    coordinators: [UCOORD001]\n    directors: [UDIRECT01]\n"


def _services(url: str, data_dir: Path, clock: ManualClock) -> Services:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        meldbot_data_dir=data_dir,
        database_url=url,
        meldbot_encryption_key=generate_key(),
    )
    return build_services(settings, clock=clock, directory=parse_directory(SCHOOL, "bench"))


def _claim_plan(services: Services, now: datetime) -> str:
    statement = select(Reminder).where(Reminder.next_at <= now).order_by(Reminder.next_at, Reminder.id).limit(100)
    with services.db.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            sql = str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
            return "; ".join(str(row[-1]) for row in rows)
        connection.execute(text("ANALYZE reminder"))
        sql = str(
            statement.with_for_update(skip_locked=True).compile(
                dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
            )
        )
        return "; ".join(row[0].strip() for row in connection.exec_driver_sql(f"EXPLAIN {sql}").all())


def _one(url: str, open_cases: int, due: int, runs: int) -> tuple[float, str]:
    timings, plan = [], ""
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as data_dir:
            if url.startswith("sqlite"):
                url = f"sqlite:///{data_dir}/bench.sqlite3"
            else:
                _reset_postgres(url)
            now = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
            clock = ManualClock(now)
            services = _services(url, Path(data_dir), clock)
            seed_cases(
                services, "bench", open_cases, reporter_id="UTEACH001", coordinators=["UCOORD001"],
                due_at=now + timedelta(days=30), prefix="OPEN",
            )  # fmt: skip
            seed_cases(
                services, "bench", due, reporter_id="UTEACH001", coordinators=["UCOORD001"],
                due_at=now - timedelta(minutes=1), prefix="DUE",
            )  # fmt: skip
            plan = _claim_plan(services, now)
            started = time.perf_counter()
            handled = reminders.sweep(services)
            timings.append(time.perf_counter() - started)
            assert handled == due, (handled, due)
            services.db.dispose()
    return statistics.median(timings), plan


def _reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


def _postgres_url() -> str | None:
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 2})
    try:
        with admin.connect() as connection:
            connection.execute(text("DROP DATABASE IF EXISTS meldbot_bench WITH (FORCE)"))
            connection.execute(text("CREATE DATABASE meldbot_bench"))
    except Exception as error:
        print(f"PostgreSQL: skipped ({type(error).__name__}: not reachable at 127.0.0.1:5432)")
        return None
    finally:
        admin.dispose()
    return POSTGRES.rsplit("/", 1)[0] + "/meldbot_bench"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--open", type=int, nargs="+", default=[1_000, 100_000])
    parser.add_argument("--due", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    backends = [("SQLite", "sqlite")]
    pg = _postgres_url()
    if pg:
        backends.append(("PostgreSQL", pg))
    for name, url in backends:
        for open_cases in args.open:
            seconds, plan = _one(url, open_cases, args.due, args.runs)
            print(f"{name:10} open={open_cases:>7} due={args.due}: one sweep {seconds * 1000:7.1f} ms")
            print(f"{'':10} claim plan: {plan}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
