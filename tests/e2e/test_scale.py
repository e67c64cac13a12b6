"""Views within Slack's limits at any size: a coordinator with a thousand open cases, a board of two
hundred schools, a member of more than a hundred schools. Each view is checked against Block Kit."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.catalogue import t
from bot.devtools.local import LocalSlack, local_slack
from bot.devtools.seed import seed_cases
from bot.documents.dialogs import Form
from bot.flows.ports import ManualClock
from bot.school_config import parse_directory
from bot.slack.ids import Action, Block
from storage import repositories as repo
from tests.block_kit import schema_problems, sdk_problems
from tests.conftest import ADMIN, COORDINATOR, TEACHER, make_services
from tests.e2e.casework import in_json
from tests.shown import in_mrkdwn, in_plain

SCHOOLS = 200
BOARD_YAML = (
    "schools:\n"
    + "".join(
        f"  - id: school-{n}\n    name: School {n}\n    coordinators: [{COORDINATOR}]\n    members: [{TEACHER}]\n"
        for n in range(SCHOOLS)
    )
    + f"admins: [{ADMIN}]\n"
)


@pytest.fixture
def board(tmp_path: Path, clock: ManualClock) -> Iterator[LocalSlack]:
    services = make_services(
        tmp_path, f"sqlite:///{tmp_path / 'meldbot.sqlite3'}", parse_directory(BOARD_YAML, "board.yml"), clock
    )
    with local_slack(services) as running:
        yield running
    services.db.dispose()


def _home(slack: LocalSlack, user_id: str) -> dict[str, Any]:
    home = slack.fake.client(user_id).home
    assert home is not None
    assert len(home["blocks"]) <= 100 and sdk_problems(home) == []
    return home


def _text(view: dict[str, Any]) -> str:
    return json.dumps(view, ensure_ascii=False)


def _page_button(view: dict[str, Any], label: str) -> str:
    """The value of the first paging button with this label (the lists come in the Home's order)."""
    [value, *_] = [
        element["value"]
        for block in view["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"] == Action.HOME_PAGE and element["text"]["text"] == label
    ]
    return str(value)


def _headers(view: dict[str, Any]) -> list[str]:
    return [block["text"]["text"] for block in view["blocks"] if block["type"] == "header"]


def _a_thousand_cases(board: LocalSlack) -> None:
    far = board.services.clock.now() + timedelta(days=365)
    seed_cases(board.services, "school-7", 1000, reporter_id=TEACHER, coordinators=[COORDINATOR], due_at=far)


def _counts_in_every_school(board: LocalSlack) -> None:
    with board.services.db.transaction() as session:
        for n in range(SCHOOLS):
            for _ in range(n % 4):
                repo.add_to_statistic(session, f"school-{n}", date(2026, 3, 1), "registered")


def test_home_pages_a_thousand_open_cases_and_says_how_many_there_are(board: LocalSlack) -> None:
    _a_thousand_cases(board)

    board.driver.open_home(COORDINATOR)
    first = _home(board, COORDINATOR)
    assert in_plain("desk_title", count=1000) in _headers(first)
    assert in_mrkdwn("home_range", first=1, last=15, total=1000) in _text(first)
    assert _text(first).count('"open_case"') == 15 and "LOAD-0000999" in _text(first)

    board.driver.click(COORDINATOR, Action.HOME_PAGE, _page_button(first, in_plain("button_page_next")), view=first)
    second = _home(board, COORDINATOR)
    assert in_mrkdwn("home_range", first=16, last=30, total=1000) in _text(second) and "LOAD-0000984" in _text(second)
    assert "LOAD-0000999" not in _text(second)

    board.driver.open_home(TEACHER)  # the reporter of all of them: their own list is paged too
    assert in_mrkdwn("home_range", first=1, last=10, total=1000) in _text(_home(board, TEACHER))


def test_board_statistics_of_two_hundred_schools_fit_one_home_and_page_per_thirty(board: LocalSlack) -> None:
    _counts_in_every_school(board)

    board.driver.open_home(ADMIN)
    first = _home(board, ADMIN)
    summed = in_mrkdwn("home_statistics_year", year=2026, registered=300, acute=0, reported=0, closed=0)
    assert in_json(in_mrkdwn("home_statistics_board", schools=SCHOOLS) + "\n" + summed) in _text(first)
    assert in_mrkdwn("home_range", first=1, last=30, total=SCHOOLS) in _text(first)
    assert _school_line(29, registered=1) in _text(first) and _school_line(30, registered=2) not in _text(first)
    assert "LOAD-" not in _text(first)
    assert _headers(first) == [in_plain(key) for key in ("home_title", "home_statistics", "home_language")]

    board.driver.click(ADMIN, Action.HOME_PAGE, _page_button(first, in_plain("button_page_next")), view=first)
    second = _home(board, ADMIN)
    assert in_mrkdwn("home_range", first=31, last=60, total=SCHOOLS) in _text(second)
    assert _school_line(30, registered=2) in _text(second)


def _school_line(n: int, registered: int) -> str:
    """A school's line in the board's statistics: its name and this year's counts."""
    year = t("home_statistics_year", year=2026, registered=registered, acute=0, reported=0, closed=0)
    return in_mrkdwn("home_statistics_school_line", school=f"School {n}", counts=year)


def test_school_picker_searches_when_a_member_belongs_to_more_than_a_hundred_schools(board: LocalSlack) -> None:
    board.driver.command(TEACHER)
    intake = board.fake.top_modal(TEACHER)
    assert intake is not None and sdk_problems(intake) == []
    [picker] = [b["element"] for b in intake["blocks"] if b.get("block_id") == Block.SCHOOL]
    assert picker["type"] == "external_select"

    found = board.driver.suggest(TEACHER, Block.SCHOOL, "school 19").json["options"]
    assert [o["value"] for o in found] == ["school-19", *(f"school-{n}" for n in range(190, 200))]
    assert len(board.driver.suggest(TEACHER, Block.SCHOOL, "").json["options"]) == 100  # Slack shows 100
    not_staff = board.driver.suggest(ADMIN, Block.SCHOOL, "school", view=intake)  # a copied modal, by the board
    assert not_staff.json["options"] == []

    board.driver.submit(TEACHER, {Block.SCHOOL: "school-193", Block.ROUTE: "home", Block.ACUTE: "no"})
    signal_form = board.fake.top_modal(TEACHER)
    assert signal_form is not None and signal_form["callback_id"] == Form.SIGNAL
    assert json.loads(signal_form["private_metadata"])["school"] == "school-193"


def test_views_at_scale_are_valid_block_kit(board: LocalSlack) -> None:
    _a_thousand_cases(board)
    _counts_in_every_school(board)
    for user_id in (COORDINATOR, TEACHER, ADMIN):
        board.driver.open_home(user_id)
    board.driver.command(TEACHER)
    views = [board.fake.client(u).home for u in (COORDINATOR, TEACHER, ADMIN)] + [board.fake.top_modal(TEACHER)]

    assert schema_problems([v for v in views if v is not None]) == [] and None not in views
