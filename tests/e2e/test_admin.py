"""The board's admin: anonymous counts in the App Home, and no dossier by any route."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.devtools.local import LocalSlack
from bot.flows.ports import ManualClock
from bot.slack.ids import Action, Block
from storage.models import AuditEvent, Case
from tests.conftest import ADMIN, COORDINATOR, DIRECTOR, TEACHER
from tests.e2e.casework import registered_and_taken, top_text, with_board
from tests.e2e.steps import PUPIL_NAME, start_intake
from tests.shown import in_mrkdwn, in_plain


@pytest.fixture
def board(tmp_path: Path, clock: ManualClock) -> Iterator[LocalSlack]:
    with with_board(tmp_path, clock) as running:
        yield running


def test_an_admin_sees_counts_and_gets_no_dossier(board: LocalSlack) -> None:
    case = registered_and_taken(board)

    board.driver.open_home(ADMIN)
    home = json.dumps(board.fake.client(ADMIN).home, ensure_ascii=False)
    this_year = board.services.clock.now().year  # a case counts in the year it was registered
    counts = in_mrkdwn("home_statistics_year", year=this_year, registered=1, acute=0, reported=0, closed=0)
    assert in_plain("home_statistics") in home and counts in home
    assert "MC-2026-0001" not in home and PUPIL_NAME not in home
    assert Action.OPEN_CASE not in home

    before = len(board.fake.calls)
    board.driver.click(ADMIN, Action.OPEN_CASE, case)
    board.driver.click(ADMIN, Action.EXPORT_CASE, case)
    shown = json.dumps([c.params for c in board.fake.calls[before:]], ensure_ascii=False)
    assert "views.open" in [c.method for c in board.fake.calls[before:]]
    assert PUPIL_NAME not in shown
    assert in_mrkdwn("error_no_access") in top_text(board, ADMIN)


def test_reporter_may_alert_the_board_instead_of_the_director_when_the_suspicion_may_concern_him(
    board: LocalSlack,
) -> None:
    start_intake(board.driver, TEACHER, route="staff_member")
    assert in_plain("board_alert_board") in top_text(board, TEACHER)

    board.driver.submit(TEACHER, {Block.BOARD_ALERT: "board"})

    assert in_mrkdwn("board_route_board", reference="MC-2026-0001") in top_text(board, TEACHER)
    [alert] = board.fake.client(ADMIN).messages
    assert alert["text"] == in_mrkdwn("notice_board_route_board", reference="MC-2026-0001")
    assert not [b for b in alert["blocks"] if b["type"] == "actions"]  # an admin opens no dossier
    assert board.fake.client(DIRECTOR).messages == []
    noted = in_mrkdwn("notice_board_route_noted", reference="MC-2026-0001")
    assert [m["text"] for m in board.fake.client(COORDINATOR).messages] == [noted]
    with board.services.db.transaction() as session:
        recorded = session.scalars(select(AuditEvent).where(AuditEvent.action == "board_route_recorded")).one()
    assert recorded.detail == {"alerted": "board"}


def test_board_cannot_be_chosen_when_the_file_names_no_admins(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER, route="staff_member")
    offered = top_text(slack, TEACHER)  # only the director is offered
    assert in_plain("board_alert_director") in offered and in_plain("board_alert_board") not in offered

    refused = slack.driver.submit(TEACHER, {Block.BOARD_ALERT: "board"})  # crafted

    assert set(refused.json["errors"]) == {Block.BOARD_ALERT}
    with slack.services.db.transaction() as session:
        assert session.scalars(select(Case)).all() == []


def test_acute_danger_on_the_staff_route_is_never_told_to_a_director_the_reporter_passed_over(
    board: LocalSlack,
) -> None:
    start_intake(board.driver, TEACHER, route="staff_member", acute=True)
    assert in_mrkdwn("acute_banner_staff") in top_text(board, TEACHER)
    assert board.fake.client(DIRECTOR).messages == []  # not before the reporter chose

    board.driver.submit(TEACHER, {Block.BOARD_ALERT: "board"})

    alert = in_mrkdwn("notice_acute_alert", reporter_id=TEACHER)
    for leader in (COORDINATOR, ADMIN):
        assert alert in [m["text"] for m in board.fake.client(leader).messages]
    assert board.fake.client(DIRECTOR).messages == []


def test_acute_danger_reaches_the_coordinators_when_the_staff_routes_choice_is_closed(board: LocalSlack) -> None:
    start_intake(board.driver, TEACHER, route="staff_member", acute=True)

    board.driver.close(TEACHER)

    alert = in_mrkdwn("notice_acute_alert", reporter_id=TEACHER)
    assert alert in [m["text"] for m in board.fake.client(COORDINATOR).messages]
    assert board.fake.client(DIRECTOR).messages == [] and board.fake.client(ADMIN).messages == []
