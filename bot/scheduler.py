"""Periodic work in `meldbot run`: an APScheduler 3.x job that sends what is due, and a daily one.

The job carries no arguments with personal data and there is no job store: the reminder and
outbox rows are the truth, so a restart loses nothing and a missed run is done by the next.
APScheduler only says "now"; which reminders are due is decided by their rows.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler

from bot.flows.jobs import reminders, retention, weekly
from bot.flows.ports import SCHOOL_TIMEZONE
from bot.flows.services import Services
from bot.outbox.worker import DeliveryWorker
from storage import audit_chain

log = logging.getLogger(__name__)


def sweep(services: Services, worker: DeliveryWorker) -> None:
    """The periodic job: due reminders and the coordinators' weekly overviews become outbox
    messages, and the worker goes through the outbox (also what waited for a retry). A failure is
    logged, and the next run tries again."""
    try:
        services.directory.refresh()
        handled = reminders.sweep(services)
        weekly.run(services)
    except Exception as error:  # the database may be briefly away; the next sweep tries again
        log.warning("sweep failed: %s", type(error).__name__)
    else:
        if handled:
            log.info("sweep: %s reminder(s) handled", handled)
    worker.wake(patient=True)


def daily(services: Services) -> None:
    """Once a day: purge what passed its retention period, and log the audit trail's head."""
    try:
        services.directory.refresh()
        report = retention.run(services, dry_run=False)
        with services.db.transaction() as session:
            head = audit_chain.verify(session).head
    except Exception as error:
        log.warning("daily job failed: %s", type(error).__name__)
        return
    log.info("retention: %s case(s) purged", len(report.purged))
    if report.unconfirmed:
        log.warning(
            "retention: not confirmed for %s, so nothing is purged there (see README, Retention)",
            ", ".join(report.unconfirmed),
        )
    log.info("audit head %s (compare with `meldbot audit verify --head`)", head)


def start_scheduler(services: Services, worker: DeliveryWorker, sweep_seconds: int) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone="UTC")
    scheduler.add_job(
        sweep,
        "interval",
        args=[services, worker],
        seconds=sweep_seconds,
        id="sweep",
        max_instances=1,  # a slow sweep is not overtaken by the next
        coalesce=True,
        misfire_grace_time=None,  # a late run still runs; the rows decide what is due
        # The first run at once, beside serving: what fell due or stayed unsent while the bot was down.
        next_run_time=datetime.now(UTC),
    )
    scheduler.add_job(daily, "cron", args=[services], hour=2, minute=30, timezone=SCHOOL_TIMEZONE, id="daily")
    scheduler.start()
    return scheduler
