"""The interne evaluatie in Slack: from the Home, another school year or school chosen in the modal,
exact for who oversees the school, small numbers hidden for the board, refused (on record) for anyone else."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.devtools.local import LocalSlack
from bot.flows.ports import ManualClock
from bot.slack.ids import Action
from storage.models import AuditEvent
from tests.block_kit import schema_problems, sdk_problems
from tests.conftest import ADMIN, COORDINATOR, OTHER_SCHOOL_COORDINATOR, TEACHER
from tests.e2e.casework import registered_and_taken, top_text, with_board
from tests.e2e.steps import PUPIL_NAME
from tests.shown import in_mrkdwn


@pytest.fixture
def board(tmp_path: Path, clock: ManualClock) -> Iterator[LocalSlack]:
    with with_board(tmp_path, clock) as running:
        yield running


FEWER = in_mrkdwn("evaluation_fewer_than", threshold=5)


def _line(key: str, shown: int | str) -> str:
    """A figure as the modal shows it: its label, and what this reader may see, in bold."""
    value = shown if isinstance(shown, str) else in_mrkdwn("evaluation_number", value=shown)
    return f"{in_mrkdwn(key)} · *{value}*"


def test_a_coordinator_opens_the_evaluation_from_the_home_and_chooses_another_school_year(board: LocalSlack) -> None:
    registered_and_taken(board)

    board.driver.open_home(COORDINATOR)
    board.driver.click_in_home(COORDINATOR, Action.OPEN_EVALUATION)

    modal = board.fake.top_modal(COORDINATOR)
    assert modal is not None
    text = json.dumps(modal, ensure_ascii=False)
    assert in_mrkdwn("evaluation_heading", school="Basisschool De Linde", first="01-08-2026", last="31-07-2027") in text
    assert _line("evaluation_registered", 1) in text and _line("evaluation_route_home", 1) in text
    assert FEWER not in text  # a coordinator reads the exact counts of their school
    assert PUPIL_NAME not in text and "MC-2026" not in text
    assert sdk_problems(modal) == [] and len(modal["blocks"]) <= 100
    assert Action.EVALUATION_SCHOOL not in text  # one school to choose from: no select for it

    board.driver.select_in_modal(COORDINATOR, Action.EVALUATION_PERIOD, "2025")

    updated = board.fake.calls_to("views.update")[-1].params["view"]
    last_year = json.dumps(updated, ensure_ascii=False)
    assert in_mrkdwn("evaluation_heading", school="Basisschool De Linde", first="01-08-2025", last="31-07-2026") in (
        last_year
    )
    assert _line("evaluation_registered", 0) in last_year
    assert schema_problems([modal, updated]) == []


def test_the_board_sees_small_numbers_hidden_and_every_school_to_choose(board: LocalSlack) -> None:
    registered_and_taken(board)

    board.driver.open_home(ADMIN)
    board.driver.click_in_home(ADMIN, Action.OPEN_EVALUATION)

    text = top_text(board, ADMIN)
    assert _line("evaluation_registered", FEWER) in text
    assert _line("evaluation_route_staff_member", 0) in text  # nothing is no one: 0 is shown
    assert in_mrkdwn("evaluation_note_small", threshold=5) in text
    assert Action.EVALUATION_SCHOOL in text

    board.driver.select_in_modal(ADMIN, Action.EVALUATION_SCHOOL, "eik")

    eik = json.dumps(board.fake.calls_to("views.update")[-1].params["view"], ensure_ascii=False)
    assert in_mrkdwn("evaluation_heading", school="Kindcentrum De Eik", first="01-08-2026", last="31-07-2027") in eik
    assert _line("evaluation_registered", 0) in eik


def test_a_teacher_or_a_crafted_school_is_refused_on_record_and_shown_nothing(board: LocalSlack) -> None:
    registered_and_taken(board)
    board.driver.open_home(TEACHER)
    assert Action.OPEN_EVALUATION not in json.dumps(board.fake.client(TEACHER).home)

    board.driver.click(TEACHER, Action.OPEN_EVALUATION, "home", container={"type": "view"})
    assert in_mrkdwn("error_no_access") in top_text(board, TEACHER)

    # The other school's coordinator asks for De Linde through a crafted select value.
    board.driver.open_home(OTHER_SCHOOL_COORDINATOR)
    board.driver.click_in_home(OTHER_SCHOOL_COORDINATOR, Action.OPEN_EVALUATION)
    board.driver.select_in_modal(OTHER_SCHOOL_COORDINATOR, Action.EVALUATION_SCHOOL, "linde")
    board.driver.select_in_modal(OTHER_SCHOOL_COORDINATOR, Action.EVALUATION_SCHOOL, "x" * 500)

    shown = [json.dumps(c.params, ensure_ascii=False) for c in board.fake.calls_to("views.update")[-2:]]
    assert all(in_mrkdwn("error_no_access") in view and "De Linde" not in view for view in shown)
    with board.services.db.reading() as session:
        refusals = session.scalars(select(AuditEvent).where(AuditEvent.action == "access_refused")).all()
    assert [(e.actor_id, e.school_id, e.detail.get("permission")) for e in refusals] == [
        (TEACHER, None, "view_statistics"),
        (OTHER_SCHOOL_COORDINATOR, "linde", "view_statistics"),
        (OTHER_SCHOOL_COORDINATOR, None, "view_statistics"),
    ]
