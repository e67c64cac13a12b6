"""What may reach a log: our own lines (ids, references, codes) and the libraries' warnings, never a payload.

Below WARNING, the libraries that see requests log them whole: Bolt a refused request's body
(INFO) and every response it gives, which holds the dossier modal (DEBUG); slack_sdk every
request and answer it exchanges with Slack (DEBUG); SQLAlchemy every statement with its
parameters (INFO); the Teams SDK every activity it receives (DEBUG), and at ERROR the text of an
exception that can quote it. Their loggers are pinned at WARNING here, whatever the root level is; the
loggers the bot hands to Bolt and slack_sdk also carry a filter that drops anything below
WARNING, which Bolt copies to every logger it derives from them. What they log at WARNING and
above names a listener, an error class or Slack's error code.
"""

from __future__ import annotations

import logging

# Loggers of libraries that handle request and response bodies or SQL parameters. The Teams SDK
# sets httpx's level to that of its HTTP client's logger whenever it makes a client, so that one is
# pinned by name too; httpcore, beneath it, logs each request's headers at DEBUG (a token).
PAYLOAD_LOGGERS = (
    "slack_bolt",
    "slack_sdk",
    "sqlalchemy",
    "microsoft_teams",
    "microsoft_teams.common.http.client",
    "httpx",
    "httpcore",
)
# Loggers that write an exception's text at ERROR, which can quote the request (pydantic's
# `input_value=` of an activity that did not validate): only the exception's kind passes.
ERROR_TEXT_LOGGERS = ("microsoft_teams.apps.http.http_server", "microsoft_teams.common.events.event_emitter")


class _NothingBelowWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


_FILTER = _NothingBelowWarning()


class _OnlyTheKind(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        kind = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else "unknown"
        record.msg, record.args = (
            "%s (an error of kind %s; its text is withheld: it may quote a request)",
            (
                record.name,
                kind,
            ),
        )
        record.exc_info = record.exc_text = record.stack_info = None
        return True


_ONLY_THE_KIND = _OnlyTheKind()


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
    for name in ERROR_TEXT_LOGGERS:
        logger = logging.getLogger(name)
        if _ONLY_THE_KIND not in logger.filters:
            logger.addFilter(_ONLY_THE_KIND)


def configure(level: int = logging.INFO) -> None:
    """The logging of every `meldbot` command: one line per record, libraries pinned."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    pin_libraries()
