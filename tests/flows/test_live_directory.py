"""Removing someone from meldbot.yml takes their access away at the next click, without a restart."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.bootstrap import build_services
from bot.config import Settings
from bot.flows.dossier import CaseOverview, open_case
from bot.flows.errors import AccessDenied
from bot.flows.ports import ManualClock
from bot.flows.registration import Registered, register_signal
from bot.flows.services import Services
from storage.crypto import generate_key
from storage.models import AuditEvent
from tests.conftest import COORDINATOR, COORDINATOR_2, SCHOOLS_YAML, TEACHER
from tests.flows.forms import valid_form


@pytest.fixture
def from_file(tmp_path: Path, clock: ManualClock) -> Iterator[tuple[Services, Path]]:
    config = tmp_path / "meldbot.yml"
    config.write_text(SCHOOLS_YAML, encoding="utf-8")
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        meldbot_data_dir=tmp_path / "data",
        meldbot_config=config,
        meldbot_encryption_key=generate_key(),
    )
    services = build_services(settings, clock=clock)
    yield services, config
    services.db.dispose()


def _case(services: Services) -> int:
    result = register_signal(services, TEACHER, "linde", False, valid_form(), "sub-1")
    assert isinstance(result, Registered)
    return result.case_id


def test_a_coordinator_removed_from_the_file_loses_access_at_the_next_click(
    from_file: tuple[Services, Path],
) -> None:
    services, config = from_file
    case_id = _case(services)
    assert isinstance(open_case(services, COORDINATOR_2, case_id), CaseOverview)

    config.write_text(SCHOOLS_YAML.replace(f", {COORDINATOR_2}]", "]"), encoding="utf-8")

    with pytest.raises(AccessDenied):
        open_case(services, COORDINATOR_2, case_id)
    assert isinstance(open_case(services, COORDINATOR, case_id), CaseOverview)

    def revoked() -> list[tuple[str, str]]:
        with services.db.transaction() as session:
            rows = session.scalars(select(AuditEvent).where(AuditEvent.action == "role_revoked")).all()
        return [(e.detail["subject"], e.detail["role"]) for e in rows]

    # The change of role is recorded beside the click that noticed it.
    deadline = time.monotonic() + 10
    while not revoked() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert revoked() == [(COORDINATOR_2, "coordinator")]


def test_a_broken_edit_keeps_the_previous_configuration(
    from_file: tuple[Services, Path], caplog: pytest.LogCaptureFixture
) -> None:
    services, config = from_file
    case_id = _case(services)

    config.write_text(SCHOOLS_YAML + "  - id: linde\n    nonsense: true\n", encoding="utf-8")

    assert isinstance(open_case(services, COORDINATOR_2, case_id), CaseOverview)
    assert any("the previous configuration stays" in r.getMessage() for r in caplog.records)
