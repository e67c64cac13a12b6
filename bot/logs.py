"""What may reach a log: our own lines (ids, references, codes) and the libraries' warnings, never a payload.

Below WARNING, the libraries that see requests log them whole: Bolt a refused request's body
(INFO) and every response it gives, which holds the dossier modal (DEBUG); slack_sdk every
request and answer it exchanges with Slack (DEBUG); SQLAlchemy every statement with its
parameters (INFO). Their loggers are pinned at WARNING here, whatever the root level is; the
loggers the bot hands to Bolt and slack_sdk also carry a filter that drops anything below
WARNING, which Bolt copies to every logger it derives from them. What they log at WARNING and
above names a listener, an error class or Slack's error code.
"""

from __future__ import annotations

import logging

# Loggers of libraries that handle request and response bodies or SQL parameters.
PAYLOAD_LOGGERS = ("slack_bolt", "slack_sdk", "sqlalchemy")


class _NothingBelowWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


_FILTER = _NothingBelowWarning()


def library_logger(name: str) -> logging.Logger:
    """A logger to hand to Bolt or slack_sdk: it passes on their warnings and errors only."""
    logger = logging.getLogger(name)
    logger.setLevel(logging.WARNING)
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
    return logger


def pin_libraries() -> None:
    """Keep the payload-handling libraries at WARNING, also when the root logger is at DEBUG."""
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def configure(level: int = logging.INFO) -> None:
    """The logging of every `meldbot` command: one line per record, libraries pinned."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    pin_libraries()
