"""`meldbot retention run [--dry-run]`: purge (or list) the closed cases past their school's period."""

from __future__ import annotations

from typing import TextIO

from bot.bootstrap import build_services
from bot.config import Settings
from bot.flows.jobs import retention


def run(settings: Settings, out: TextIO, *, dry_run: bool) -> int:
    services = build_services(settings)
    try:
        report = retention.run(services, dry_run=dry_run)
    finally:
        services.db.dispose()
    verb = "would purge" if dry_run else "purged"
    print(f"meldbot retention run: {verb} {len(report.purged)} case(s)", file=out)
    for reference in report.purged:
        print(f"  {reference}", file=out)
    for school_id in report.unconfirmed:
        print(
            f"  school '{school_id}': retention not confirmed, nothing purged there. Set retention.confirmed "
            "(and, if you wish, retention.years_after_closing) in the school configuration.",
            file=out,
        )
    return 0
