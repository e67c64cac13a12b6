"""The board's admin: anonymous counts in the App Home, and no dossier by any route."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.devtools.local import LocalSlack, local_slack
from bot.flows.ports import ManualClock
from bot.ids import Action
from bot.school_config import parse_directory
from tests.conftest import SCHOOLS_YAML, make_services
from tests.e2e.casework import registered_and_taken
from tests.e2e.steps import PUPIL_NAME

ADMIN = "UADMIN001"


@pytest.fixture
def board(tmp_path: Path, clock: ManualClock) -> Iterator[LocalSlack]:
    directory = parse_directory(SCHOOLS_YAML + f"admins: [{ADMIN}]\n", "board.yml")
    services = make_services(tmp_path, f"sqlite:///{tmp_path / 'meldbot.sqlite3'}", directory, clock)
    with local_slack(services) as running:
        yield running
    services.db.dispose()


def test_an_admin_sees_counts_and_gets_no_dossier(board: LocalSlack) -> None:
    case = registered_and_taken(board)

    board.driver.open_home(ADMIN)
    home = json.dumps(board.fake.client(ADMIN).home, ensure_ascii=False)
    assert "Statistiek (anoniem)" in home and "1 gemeld" in home
    assert "MC-2026-0001" not in home and PUPIL_NAME not in home
    assert Action.OPEN_CASE not in home

    before = len(board.fake.calls)
    board.driver.click(ADMIN, Action.OPEN_CASE, case)
    board.driver.click(ADMIN, Action.EXPORT_CASE, case)
    shown = json.dumps([c.params for c in board.fake.calls[before:]], ensure_ascii=False)
    assert "views.open" in [c.method for c in board.fake.calls[before:]]
    assert PUPIL_NAME not in shown
    assert "geen toegang" in json.dumps(board.fake.top_modal(ADMIN), ensure_ascii=False).lower()
