"""1,000 reminders due at the same moment: how long until the last is in Slack, at Slack's rates.

    python benchmarks/burst_delivery.py
    python benchmarks/burst_delivery.py --reminders 1000 --coordinators 100 --per-workspace 5

The fake Slack enforces chat.postMessage's limits as Slack documents them: about one message a
second per channel (short bursts allowed) and "several hundred a minute" per workspace (we take
300/min = 5/s, burst 30); over them it answers 429 with Retry-After. The bot runs its real
sweep (reminders, then the outbox) every `--sweep` seconds until all are delivered, on SQLite.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from bot.bootstrap import build_services
from bot.config import Settings
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.seed import seed_cases
from bot.flows.jobs import reminders
from bot.outbox.delivery import Outbox
from bot.school_config import parse_directory
from bot.slack.app import SlackSettings, web_client
from bot.slack.transport import SlackTransport
from storage.crypto import generate_key
from storage.models import OutboxMessage


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reminders", type=int, default=1000)
    parser.add_argument("--coordinators", type=int, default=100, help="the DMs the reminders spread over")
    parser.add_argument("--per-channel", type=float, default=1.0)
    parser.add_argument("--per-workspace", type=float, default=5.0)
    parser.add_argument("--sweep", type=float, default=30.0, help="seconds between sweeps (MELDBOT_SWEEP_SECONDS)")
    args = parser.parse_args(argv)

    coordinators = [f"UCOORD{n:04d}" for n in range(args.coordinators)]
    config = f"schools:\n  - id: bench\n    name: Bench\n    coordinators: [{', '.join(coordinators)}]\n"
    fake = FakeSlack()
    fake.start()
    fake.rate_limit(per_channel=args.per_channel, per_workspace=args.per_workspace)
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            meldbot_data_dir=Path(data_dir),
            meldbot_encryption_key=generate_key(),
        )
        services = build_services(settings, directory=parse_directory(config, "bench"))
        due = datetime.now(UTC) - timedelta(seconds=1)
        seed_cases(services, "bench", args.reminders, reporter_id="UTEACH001", coordinators=coordinators, due_at=due)
        client = web_client(SlackSettings(bot_token="xoxb-bench", signing_secret="s", api_url=fake.url))
        outbox = Outbox(services, {"slack": SlackTransport(client)})

        started = time.perf_counter()
        sweeps = 0
        while True:
            reminders.sweep(services)  # what the scheduler's sweep does: due reminders into the outbox ...
            asyncio.run(outbox.flush(patient=True))  # ... and the worker it wakes sends them
            sweeps += 1
            with services.db.transaction() as session:
                left = session.scalar(
                    select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state != "sent")
                )
            if not left:
                break
            time.sleep(args.sweep)
        elapsed = time.perf_counter() - started
        services.db.dispose()

    statuses = Counter(c.status for c in fake.calls if c.method == "chat.postMessage")
    fake.stop()
    print(
        f"{args.reminders} reminders over {args.coordinators} DMs, limits {args.per_channel}/s per channel and "
        f"{args.per_workspace}/s per workspace: last delivered after {elapsed:.1f} s "
        f"({sweeps} sweep(s); chat.postMessage answers: {dict(statuses)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
