"""A bug in a listener, before or after its ack: Slack gets its answer at once, the user an incident
code, the log one error line with that code, and a form keeps what was typed."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from bot.devtools.driver import DrainableExecutor
from bot.devtools.local import LocalSlack, local_slack
from bot.flows import registration
from bot.flows.ports import ManualClock
from bot.ids import Block, Callback
from bot.school_config import parse_directory
from tests.conftest import COORDINATOR, TEACHER, make_services
from tests.e2e.steps import signal_values, start_intake

MANY_SCHOOLS = "schools:\n" + "".join(
    f"  - id: school-{n}\n    name: School {n}\n    coordinators: [{COORDINATOR}]\n    members: [{TEACHER}]\n"
    for n in range(101)
)


def _incident(slack: LocalSlack, user_id: str) -> str:
    [message] = slack.fake.client(user_id).messages
    return str(message["text"]).split("code ")[1][:8]


class InlineExecutor(DrainableExecutor):
    """Runs each listener at once, inside `submit`: the ack and anything right after it are done
    before Bolt looks for the ack, which makes a race in Bolt's runner certain instead of likely."""

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


@pytest.fixture
def board_of_101(tmp_path: Path, clock: ManualClock) -> Iterator[LocalSlack]:
    directory = parse_directory(MANY_SCHOOLS, "board.yml")
    services = make_services(tmp_path, f"sqlite:///{tmp_path / 'meldbot.sqlite3'}", directory, clock)
    with local_slack(services, executor=InlineExecutor()) as running:
        yield running
    services.db.dispose()


def test_error_after_the_ack_keeps_the_ack_and_tells_the_user_when_the_picker_is_too_long(
    board_of_101: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    # 101 schools make a picker slack_sdk refuses to build, just after /meldcode was acknowledged.
    response = board_of_101.driver.command(TEACHER)

    assert response.status == 200  # Bolt's runner would have taken the ack back: a 404 after 3 s
    incident = _incident(board_of_101, TEACHER)
    [line] = [r for r in caplog.records if incident in r.getMessage()]
    assert line.levelno == logging.ERROR and line.exc_info is not None


def test_form_keeps_every_typed_word_and_names_the_incident_when_its_flow_fails_before_the_ack(
    slack: LocalSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_intake(slack.driver, TEACHER)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(registration, "register_signal", broken)
    form = slack.fake.top_modal(TEACHER)
    response = slack.driver.submit(TEACHER, signal_values())

    assert response.status == 200 and response.json["response_action"] == "errors"
    [(block, text)] = response.json["errors"].items()
    assert block == Block.PUPIL_NAME and _incident(slack, TEACHER) in text
    assert slack.fake.top_modal(TEACHER) == form  # still open, as typed
    assert form is not None and form["callback_id"] == Callback.SIGNAL
