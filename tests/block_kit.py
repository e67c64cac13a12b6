"""Checking what the bot draws against Slack's own Block Kit schema (beside the repository, in
../shared/slack/; a test skips and says so where that folder is absent) and slack_sdk's checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from slack_sdk.models.views import View

SCHEMAS = Path(__file__).resolve().parents[1].parent / "shared" / "slack"


def schema(name: str) -> dict[str, Any]:
    path = SCHEMAS / name
    if not path.exists():
        pytest.skip(f"{path} is not here (it sits beside the repository in the team's workspace)")
    return dict(json.loads(path.read_text(encoding="utf-8")))


def sdk_problems(view: dict[str, Any]) -> list[str]:
    """What slack_sdk refuses in this view (it knows Slack's limits: 100 blocks, lengths, options)."""
    try:
        View(**{k: v for k, v in view.items() if k != "id"}).validate_json()
    except Exception as error:  # slack_sdk says what is wrong in its exception
        return [f"slack_sdk: {error}"]
    return []


def schema_problems(views: list[dict[str, Any]]) -> list[str]:
    """What Block Kit's schema refuses in these views' blocks (skips where the schema is absent)."""
    validator = Draft202012Validator(schema("block-kit.schema.json"))
    return [f"{v.get('type')}: {e.message[:200]}" for v in views for e in validator.iter_errors(v["blocks"])]
