"""Periodic work in `meldbot run`: APScheduler 3.x jobs that call the flows and the outbox.

Jobs carry no arguments with personal data and keep no job store: the database rows are the
truth, so a restart loses nothing and a missed run is simply done by the next one.
"""

from __future__ import annotations

import logging

from apscheduler.schedulers.background import BackgroundScheduler

from bot.delivery import OutboxDelivery

log = logging.getLogger(__name__)


def sweep_outbox(delivery: OutboxDelivery) -> None:
    try:
        delivered = delivery.flush()
    except Exception as error:  # the database may be briefly away; the next sweep tries again
        log.warning("outbox sweep failed: %s", type(error).__name__)
        return
    if delivered:
        log.info("outbox sweep delivered %s message(s)", delivered)


def start_scheduler(delivery: OutboxDelivery, sweep_seconds: int) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone="UTC")
    scheduler.add_job(
        sweep_outbox,
        "interval",
        args=[delivery],
        seconds=sweep_seconds,
        id="outbox",
        max_instances=1,
        coalesce=True,
    )
    scheduler.start()
    return scheduler
