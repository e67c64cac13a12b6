"""A submission's key is bound to the person who submitted it.

A repeated submission (a double click, Slack's retry) finds the row it stored before and
answers with it. The key comes from the request (the modal's id), so someone else's request
could name it too: then the row is not theirs to see or to answer for, and the request is
refused and audited instead of being told another person's result, its own data unsaved.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from sqlalchemy.orm import Session

from bot.flows.errors import Refused
from storage import repositories as repo
from storage.models import (
    Base,
    Case,
    Consultation,
    Conversation,
    HelpPlan,
    RegistrationDraft,
    ReminderPostponement,
    Report,
    Signal,
    WeighingAnswer,
)

M = TypeVar("M", bound=Base)

# Who stored each kind of submitted row.
SUBMITTED_BY: Mapping[type[Base], str] = {
    Case: "reporter_id",
    Signal: "reporter_id",
    RegistrationDraft: "reporter_id",
    Consultation: "recorded_by",
    Conversation: "recorded_by",
    WeighingAnswer: "answered_by",
    Report: "recorded_by",
    HelpPlan: "recorded_by",
    ReminderPostponement: "postponed_by",
}


def earlier(
    session: Session, model: type[M], submission_key: str, user_id: str, *, school_id: str | None = None
) -> M | None:
    """The row this user's submission stored before, if any; someone else's row is refused."""
    row = repo.by_submission(session, model, submission_key)
    if row is not None and getattr(row, SUBMITTED_BY[model]) != user_id:
        case_id = row.id if isinstance(row, Case) else getattr(row, "case_id", None)
        raise Refused(user_id, "submit", school_id=school_id, case_id=case_id, reason="foreign_submission")
    return row
