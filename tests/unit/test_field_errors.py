"""A refused form keeps every typed word: its problems go under its fields, also a field it does not show."""

from __future__ import annotations

from bot.catalogue import t
from bot.flows.errors import InvalidInput
from bot.slack.handlers.respond import field_errors

VIEW = {
    "blocks": [
        {"type": "section", "text": {"type": "mrkdwn", "text": "Vraag 5"}},
        {"type": "input", "block_id": "rationale", "element": {"type": "plain_text_input"}},
        {"type": "input", "block_id": "monitoring", "element": {"type": "plain_text_input"}},
    ],
    "state": {"values": {"rationale": {"value": {"value": "x" * 3001}}}},
}


def test_each_problem_lands_under_its_field_and_one_the_form_lacks_under_the_first() -> None:
    problems = {
        "rationale": "error_too_long",
        "monitoring": "error_required",
        "early_confirmation": "error_confirm_early",
    }

    errors = field_errors(InvalidInput(problems), VIEW)

    assert set(errors) == {"rationale", "monitoring"}  # Slack refuses an error for a block it does not show
    assert errors["monitoring"] == t("error_required")
    assert "3001" in errors["rationale"] and t("error_confirm_early") in errors["rationale"]
