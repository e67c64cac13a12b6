"""The fake Slack Web API in a process of its own, for benchmarks: every call answered after `--delay`.

    python benchmarks/fake_slack_server.py --port 9000 --delay 0.3

GET /_fake/stats tells how often each method was called and how old each trigger was when its
views.open reached Slack (a trigger dies after 3 seconds).
"""

from __future__ import annotations

import argparse
import sys
import time

from bot.devtools.fake_slack import FakeSlack


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before each answer")
    args = parser.parse_args(argv)
    fake = FakeSlack()
    fake.slow_all(args.delay)
    print(fake.start(args.port), flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
