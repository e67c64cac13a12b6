"""The libraries that see payloads stay below our logs' threshold, whatever the root level is."""

from __future__ import annotations

import logging

import pytest

from bot.devtools.local import LocalSlack
from bot.logs import PAYLOAD_LOGGERS


def test_payload_loggers_emit_nothing_below_warning_when_the_root_logger_is_at_debug(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    handed_to_libraries = ("bot.bolt", "bot.slack_api")
    library = [
        logging.getLogger(n)
        for n in logging.root.manager.loggerDict
        if n.split(".")[0] in PAYLOAD_LOGGERS or n in handed_to_libraries
    ]
    # Bolt derives a logger per listener and per middleware from the one it was given.
    derived = [logging.getLogger(n) for n in logging.root.manager.loggerDict if n.startswith("meldbot:")]

    assert library and derived
    assert [lg.name for lg in library + derived if lg.getEffectiveLevel() < logging.WARNING] == []
    assert all(any(f.filter(logging.makeLogRecord({"levelno": 10})) is False for f in lg.filters) for lg in derived)
