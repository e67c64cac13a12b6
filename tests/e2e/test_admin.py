"""The board's admin: anonymous counts in the App Home, and no dossier by any route."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.devtools.local import LocalSlack, local_slack
from bot.flows.ports import ManualClock
from bot.school_config import parse_directory
from bot.slack.ids import Action, Block
from storage.models import AuditEvent, Case
from tests.conftest import COORDINATOR, DIRECTOR, SCHOOLS_YAML, TEACHER, make_services
from tests.e2e.casework import registered_and_taken, top_text
from tests.e2e.steps import PUPIL_NAME, start_intake

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


def test_reporter_may_alert_the_board_instead_of_the_director_when_the_suspicion_may_concern_him(
    board: LocalSlack,
) -> None:
    start_intake(board.driver, TEACHER, route="staff_member")
    assert "Het bestuur (bijvoorbeeld als het vermoeden de directie betreft)" in top_text(board, TEACHER)

    board.driver.submit(TEACHER, {Block.BOARD_ALERT: "board"})

    assert "niet de directie" in top_text(board, TEACHER)
    [alert] = board.fake.client(ADMIN).messages
    assert "MC-2026-0001" in alert["text"] and "vertrouwensinspecteur" in alert["text"] and "aangifte" in alert["text"]
    assert not [b for b in alert["blocks"] if b["type"] == "actions"]  # an admin opens no dossier
    assert board.fake.client(DIRECTOR).messages == []
    assert all("route van het bevoegd gezag" in m["text"] for m in board.fake.client(COORDINATOR).messages)
    with board.services.db.transaction() as session:
        recorded = session.scalars(select(AuditEvent).where(AuditEvent.action == "board_route_recorded")).one()
    assert recorded.detail == {"alerted": "board"}


def test_board_cannot_be_chosen_when_the_file_names_no_admins(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER, route="staff_member")
    assert "als het vermoeden de directie betreft" not in top_text(slack, TEACHER)  # only the director is offered

    refused = slack.driver.submit(TEACHER, {Block.BOARD_ALERT: "board"})  # crafted

    assert set(refused.json["errors"]) == {Block.BOARD_ALERT}
    with slack.services.db.transaction() as session:
        assert session.scalars(select(Case)).all() == []


def test_acute_danger_on_the_staff_route_is_never_told_to_a_director_the_reporter_passed_over(
    board: LocalSlack,
) -> None:
    start_intake(board.driver, TEACHER, route="staff_member", acute=True)
    assert "112" in top_text(board, TEACHER)
    assert board.fake.client(DIRECTOR).messages == []  # not before the reporter chose

    board.driver.submit(TEACHER, {Block.BOARD_ALERT: "board"})

    for leader in (COORDINATOR, ADMIN):
        assert any("Acuut gevaar gemeld" in m["text"] for m in board.fake.client(leader).messages)
    assert board.fake.client(DIRECTOR).messages == []


def test_acute_danger_reaches_the_coordinators_when_the_staff_routes_choice_is_closed(board: LocalSlack) -> None:
    start_intake(board.driver, TEACHER, route="staff_member", acute=True)

    board.driver.close(TEACHER)

    assert any("Acuut gevaar gemeld" in m["text"] for m in board.fake.client(COORDINATOR).messages)
    assert board.fake.client(DIRECTOR).messages == [] and board.fake.client(ADMIN).messages == []
