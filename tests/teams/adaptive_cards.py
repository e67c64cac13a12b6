"""Checking the cards the bot draws against the Adaptive Cards 1.5 JSON schema (beside the
repository, in ../shared/teams/; a test skips and says so where that folder is absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft6Validator

SCHEMAS = Path(__file__).resolve().parents[2].parent / "shared" / "teams"


def card_problems(card: dict[str, Any]) -> list[str]:
    path = SCHEMAS / "adaptive-card-1.5.schema.json"
    if not path.exists():
        pytest.skip(f"{path} is not here (it sits beside the repository in the team's workspace)")
    validator = Draft6Validator(json.loads(path.read_text(encoding="utf-8")))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(card)]


def conform(*cards: dict[str, Any]) -> None:
    """Every card passes the schema. Where the schema is absent this skips the rest of the test,
    so a test calls it last, after everything else it checks."""
    for card in cards:
        assert card_problems(card) == [], card
