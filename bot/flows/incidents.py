"""Incidents: an unexpected error logged once, with its traceback and a short code a user or an
operator can quote, and never with personal data (the message names what was being done, by id)."""

from __future__ import annotations

import logging
import uuid


def log_incident(logger: logging.Logger, error: BaseException, doing: str, *args: object) -> str:
    """Log `error` at ERROR with a new incident code; `doing` (with `args`) says what failed, by ids only."""
    code = uuid.uuid4().hex[:8]
    logger.error(
        "incident %s: %s while " + doing,
        code,
        type(error).__name__,
        *args,
        exc_info=(type(error), error, error.__traceback__),
    )
    return code
