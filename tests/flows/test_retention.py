"""Retention with time travel: expired cases purged, counts intact, everything else untouched."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.flows.jobs import retention
from bot.flows.ports import ManualClock
from bot.flows.rules.framework import Answer
from bot.flows.services import Services
from bot.flows.steps.dossier import CaseOverview, StatusView, open_case
from bot.flows.steps.registration import Registered, register_signal
from bot.flows.steps.statistics import statistics_for
from bot.flows.steps.taking import take_case
from bot.flows.steps.weighing import AnswerForm, answer_question
from bot.school_config import parse_directory
from storage import audit_chain
from storage.models import AuditEvent, Case, Consultation, Signal, StatisticCount
from tests.conftest import (
    COORDINATOR,
    OTHER_SCHOOL_COORDINATOR,
    OTHER_SCHOOL_TEACHER,
    SCHOOLS_YAML,
    TEACHER,
    make_services,
)
from tests.flows.forms import steps_two_and_three, valid_form

# De Linde confirmed one year; De Eik left the default unconfirmed.
CONFIRMED = SCHOOLS_YAML.replace(
    "    directors: [UDIRECT01]\n",
    "    directors: [UDIRECT01]\n    retention: {years_after_closing: 1, confirmed: true}\n",
)


@pytest.fixture
def kept(tmp_path: Path, database_url: str, clock: ManualClock) -> Iterator[Services]:
    built = make_services(tmp_path, database_url, parse_directory(CONFIRMED, "schools.yml"), clock)
    yield built
    built.db.dispose()


def _case(services: Services, school: str, reporter: str, coordinator: str, name: str) -> int:
    result = register_signal(services, reporter, school, False, valid_form(pupil_name=name), f"sub-{name}")
    assert isinstance(result, Registered)
    take_case(services, coordinator, result.case_id)
    return result.case_id


def _close_without_suspicion(services: Services, case_id: int, coordinator: str) -> None:
    steps_two_and_three(services, coordinator, case_id)
    form = AnswerForm(1, Answer.NO, "Verklaring van de klimclub bevestigd.")
    answer_question(services, coordinator, case_id, form, f"close-{case_id}")


def _statistics(services: Services) -> dict[str, dict[int, dict[str, int]]]:
    return {s.school_name: {y: dict(c) for y, c in s.years.items()} for s in statistics_for(services, COORDINATOR)}


def test_expired_cases_are_purged_and_nothing_else(kept: Services, clock: ManualClock) -> None:
    expired = _case(kept, "linde", TEACHER, COORDINATOR, "Testkind Verlopen")
    _close_without_suspicion(kept, expired, COORDINATOR)
    still_open = _case(kept, "linde", TEACHER, COORDINATOR, "Testkind Open")
    unconfirmed = _case(kept, "eik", OTHER_SCHOOL_TEACHER, OTHER_SCHOOL_COORDINATOR, "Testkind Eik")
    _close_without_suspicion(kept, unconfirmed, OTHER_SCHOOL_COORDINATOR)
    clock.move_to(datetime(2027, 5, 3, 9, tzinfo=UTC))
    recent = _case(kept, "linde", TEACHER, COORDINATOR, "Testkind Recent")
    _close_without_suspicion(kept, recent, COORDINATOR)
    counts_before = _statistics(kept)

    # A day short of a year after the first closing, nothing is due.
    clock.move_to(datetime(2027, 11, 15, 9, tzinfo=UTC))
    assert retention.run(kept, dry_run=False).purged == []

    clock.move_to(datetime(2027, 11, 17, 9, tzinfo=UTC))
    preview = retention.run(kept, dry_run=True)
    assert preview.purged == ["MC-2026-0001"]
    assert preview.unconfirmed == ["eik"]
    assert isinstance(open_case(kept, COORDINATOR, expired), CaseOverview)  # a dry run changes nothing

    report = retention.run(kept, dry_run=False)

    assert report.purged == ["MC-2026-0001"]
    with kept.db.transaction() as session:
        case = session.get(Case, expired)
        assert case is not None and case.purged_at is not None
        assert (case.pupil_name, case.pupil_group, case.pupil_lookup) == (None, None, None)
        assert session.scalar(select(func.count()).where(Signal.case_id == expired)) == 0
        assert session.scalar(select(func.count()).where(Consultation.case_id == expired)) == 0
        for untouched in (still_open, unconfirmed, recent):
            assert session.scalar(select(func.count()).where(Signal.case_id == untouched)) == 1
            row = session.get(Case, untouched)
            assert row is not None and row.purged_at is None and row.pupil_name is not None
        purge_events = session.scalars(select(AuditEvent).where(AuditEvent.action == "case_purged")).all()
        assert [(e.case_id, e.actor_id, e.detail) for e in purge_events] == [
            (expired, "system", {"years_after_closing": 1})
        ]
        assert session.scalar(select(func.sum(StatisticCount.count))) > 0
        assert audit_chain.verify(session).broken is None
    assert _statistics(kept) == counts_before
    assert isinstance(open_case(kept, COORDINATOR, still_open), CaseOverview)
    status = open_case(kept, COORDINATOR, expired)
    assert isinstance(status, StatusView) and status.purged_at is not None

    # Once is enough: a second run (the next day's job) finds nothing more.
    clock.move_to(datetime(2027, 11, 18, 9, tzinfo=UTC))
    assert retention.run(kept, dry_run=False).purged == []
    assert _statistics(kept) == counts_before


def test_the_command_lists_without_purging_on_a_dry_run(tmp_path: Path) -> None:
    from bot.commands.retention import run
    from bot.config import Settings

    (tmp_path / "meldbot.yml").write_text(CONFIRMED, encoding="utf-8")
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        meldbot_data_dir=tmp_path / "data",
        meldbot_config=tmp_path / "meldbot.yml",
    )
    out = io.StringIO()

    assert run(settings, out, dry_run=True) == 0

    assert "would purge 0 case(s)" in out.getvalue()
    assert "school 'eik': retention not confirmed" in out.getvalue()
