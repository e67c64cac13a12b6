"""Retention: a closed case's personal data goes when the school's period has passed.

Per school, `retention.years_after_closing` in meldbot.yml, counted from the day the case was
closed. Nothing is purged at a school that has not confirmed its period: removing a dossier
cannot be undone, so the school decides, not a default. What stays of a purged case: its row
with reference, dates and state (the anchor of its audit events), the audit trail itself
(which holds no personal data), and its anonymous counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.flows import audit
from bot.flows.audit import SYSTEM_ACTOR
from bot.flows.rules.directory import School
from bot.flows.services import Services
from bot.flows.steps import statistics
from bot.flows.vocabulary import AuditAction
from storage import repositories as repo
from storage.models import SEALED_COLUMNS, Case


@dataclass
class RetentionReport:
    purged: list[str] = field(default_factory=list)  # references
    unconfirmed: list[str] = field(default_factory=list)  # school ids that did not confirm a period


def closed_before(school: School, now: datetime) -> datetime:
    """Cases closed before this moment have passed the school's retention period."""
    years = school.retention.years_after_closing
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def run(services: Services, *, dry_run: bool) -> RetentionReport:
    report = RetentionReport()
    now = services.clock.now()
    for school in services.directory.schools:
        if not school.retention.confirmed:
            report.unconfirmed.append(school.id)
            continue
        with services.db.transaction() as session:
            expired = repo.expired_cases(session, school.id, closed_before(school, now))
        for case_id in expired:
            reference = _purge(services, case_id, school, dry_run)
            if reference is not None:
                report.purged.append(reference)
    return report


def _purge(services: Services, case_id: int, school: School, dry_run: bool) -> str | None:
    """Purge one case in its own transaction; None when another process did it first."""
    with services.db.transaction() as session:
        case = repo.lock_case(session, case_id)
        if case is None or case.purged_at is not None:
            return None
        if dry_run:
            return case.reference
        statistics.keep_counts(session, case)  # counted already; this only makes sure before the data goes
        repo.delete_case_records(session, case.id)
        for column in (*SEALED_COLUMNS[Case], "pupil_lookup", "age_band"):
            setattr(case, column, None)
        case.purged_at = services.clock.now()
        audit.on_case(
            session,
            services.clock,
            SYSTEM_ACTOR,
            AuditAction.CASE_PURGED,
            case,
            years_after_closing=school.retention.years_after_closing,
        )
        return case.reference
