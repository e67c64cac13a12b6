"""A bug in a listener, before or after its ack: Slack gets its answer at once, the user an incident
code, the log one error line with that code, and a form keeps what was typed."""

from __future__ import annotations

import logging

import pytest

from bot.devtools.local import LocalSlack
from bot.documents.dialogs import Form
from bot.flows.steps import registration
from bot.interactions import registration as registering
from bot.slack.ids import Block
from tests.conftest import TEACHER
from tests.e2e.casework import filled_in
from tests.e2e.steps import signal_values, start_intake
from tests.shown import in_plain


def _incident(slack: LocalSlack, user_id: str) -> str:
    """The incident code in the one message the user got: the sentence that says something went wrong."""
    [message] = slack.fake.client(user_id).messages
    incident = filled_in(str(message["text"]), "error_generic", "incident")
    assert incident
    return incident


def test_error_after_the_ack_keeps_the_ack_and_tells_the_user(
    slack: LocalSlack, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in drawing the intake")

    # /meldcode is acknowledged first; drawing its modal fails after that.
    monkeypatch.setattr(registering, "intake", broken)
    response = slack.driver.command(TEACHER)

    assert response.status == 200 and response.text == ""  # the ack stands
    incident = _incident(slack, TEACHER)
    [line] = [r for r in caplog.records if incident in r.getMessage()]
    assert line.levelno == logging.ERROR and line.exc_info is not None
    assert slack.fake.top_modal(TEACHER) is None


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
    assert block == Block.PUPIL_NAME and text == in_plain("error_generic_field", incident=_incident(slack, TEACHER))
    assert slack.fake.top_modal(TEACHER) == form  # still open, as typed
    assert form is not None and form["callback_id"] == Form.SIGNAL
