"""Shared rules for form input: required text, length limits, and dates that cannot lie ahead.

Field names double as the form's block ids, so a problem lands under the right field.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from bot.flows.errors import InvalidInput

# Longest accepted value per field. Slack's text inputs stop at 3,000 characters; anything
# longer is refused with a message, never cut short.
TEXT_LIMITS: dict[str, int] = {
    # step 1
    "pupil_name": 150,
    "pupil_group": 40,
    "observed": 3000,
    "location": 300,
    "source_detail": 300,
    "counter_facts": 3000,
    # step 2
    "other_role": 150,
    "outcome": 3000,
    # step 3
    "participants": 500,
    "shared": 3000,
    "reaction": 3000,
    "agreements": 3000,
    "household": 1000,
    "children": 1000,  # the kindcheck
    "carers": 1000,
    "skip_note": 3000,
    # steps 4 and 5
    "rationale": 3000,
    "monitoring": 3000,
    "vt_reference": 100,
    "own_facts": 3000,
    "third_party_facts": 3000,
    "objections": 3000,
    "reference_index_reason": 1500,
    "consent_interests": 1500,
    "consent_alternative": 1500,
    "consent_why_not": 1500,
    "consent_balance": 1500,
    "consent_who_knows": 1500,
    "feedback": 3000,
    "tasks": 3000,
    "referral": 300,
    "close_note": 3000,
    # reminders
    "postpone_reason": 1000,
}


def text_problems(form: object, required: Iterable[str], optional: Iterable[str] = ()) -> dict[str, str]:
    """Required fields left blank (whitespace counts as blank) and fields over their limit."""
    required = tuple(required)
    problems = {field: "error_required" for field in required if not str(getattr(form, field)).strip()}
    for field in (*required, *optional):
        if len(str(getattr(form, field))) > TEXT_LIMITS[field]:
            problems[field] = "error_too_long"
    return problems


def date_problems(fields: dict[str, date], today: date) -> dict[str, str]:
    return {field: "error_future_date" for field, value in fields.items() if value > today}


def raise_if(problems: dict[str, str]) -> None:
    if problems:
        raise InvalidInput(problems)
