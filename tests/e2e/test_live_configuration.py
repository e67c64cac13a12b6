"""Removing someone from meldbot.yml takes their access away at their next click, without a restart:
each request looks at the file once (not each access decision within it)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.bootstrap import build_services
from bot.config import Settings
from bot.devtools.local import LocalSlack, local_slack
from bot.flows.ports import ManualClock
from storage.crypto import generate_key
from storage.models import AuditEvent
from tests.conftest import COORDINATOR, COORDINATOR_2, SCHOOLS_YAML
from tests.e2e.casework import open_case, registered_and_taken, top_text
from tests.e2e.steps import PUPIL_NAME
from tests.shown import in_mrkdwn


@pytest.fixture
def from_file(tmp_path: Path, clock: ManualClock) -> Iterator[tuple[LocalSlack, Path]]:
    config = tmp_path / "meldbot.yml"
    config.write_text(SCHOOLS_YAML, encoding="utf-8")
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        meldbot_data_dir=tmp_path / "data",
        meldbot_config=config,
        meldbot_encryption_key=generate_key(),
    )
    services = build_services(settings, clock=clock)
    with local_slack(services) as running:
        yield running, config
    services.db.dispose()


def _save(config: Path, text: str) -> None:
    """Save the file as an editor would; its modification time moves on (also within one tick)."""
    before = config.stat().st_mtime_ns
    config.write_text(text, encoding="utf-8")
    os.utime(config, ns=(before + 1_000_000, before + 1_000_000))


def test_a_coordinator_removed_from_the_file_loses_access_at_the_next_click(
    from_file: tuple[LocalSlack, Path],
) -> None:
    slack, config = from_file
    case = registered_and_taken(slack)
    open_case(slack, COORDINATOR_2, case)
    assert PUPIL_NAME in top_text(slack, COORDINATOR_2)

    _save(config, SCHOOLS_YAML.replace(f", {COORDINATOR_2}]", "]"))

    open_case(slack, COORDINATOR_2, case)
    refused = top_text(slack, COORDINATOR_2)
    assert PUPIL_NAME not in refused and in_mrkdwn("error_no_access") in refused
    open_case(slack, COORDINATOR, case)
    assert PUPIL_NAME in top_text(slack, COORDINATOR)

    def revoked() -> list[tuple[str, str]]:
        with slack.services.db.transaction() as session:
            rows = session.scalars(select(AuditEvent).where(AuditEvent.action == "role_revoked")).all()
        return [(e.detail["subject"], e.detail["role"]) for e in rows]

    # The change of role is recorded beside the click that noticed it.
    deadline = time.monotonic() + 10
    while not revoked() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert revoked() == [(COORDINATOR_2, "coordinator")]


def test_a_broken_edit_keeps_the_previous_configuration(
    from_file: tuple[LocalSlack, Path], caplog: pytest.LogCaptureFixture
) -> None:
    slack, config = from_file
    case = registered_and_taken(slack)

    _save(config, SCHOOLS_YAML + "  - id: linde\n    nonsense: true\n")

    open_case(slack, COORDINATOR_2, case)
    assert PUPIL_NAME in top_text(slack, COORDINATOR_2)
    assert any("the previous configuration stays" in r.getMessage() for r in caplog.records)
