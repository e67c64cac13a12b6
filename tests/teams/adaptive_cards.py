"""Checking the cards the bot draws: with Microsoft's own Adaptive Cards library (the npm package
`adaptivecards`, run by tools/adaptive-cards/check.cjs in Node: parsed, validated, rendered), and
against the Adaptive Cards 1.5 JSON schema (beside the repository, in ../shared/teams/). Each skips
and says so where Node or the schema is absent."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft6Validator

SCHEMAS = Path(__file__).resolve().parents[2].parent / "shared" / "teams"
CHECKER = Path(__file__).resolve().parents[2] / "tools" / "adaptive-cards"


def card_problems(card: dict[str, Any]) -> list[str]:
    path = SCHEMAS / "adaptive-card-1.5.schema.json"
    if not path.exists():
        pytest.skip(f"{path} is not here (it sits beside the repository in the team's workspace)")
    validator = Draft6Validator(json.loads(path.read_text(encoding="utf-8")))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(card)]


@functools.cache
def _renderer() -> str | None:
    """Why Microsoft's library cannot run here, or None once it is installed (npm ci, once a run,
    from the committed package-lock.json)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        return "Node.js and npm are not installed here: Microsoft's adaptivecards library cannot run"
    installed = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--prefix", str(CHECKER)],
                               capture_output=True, text=True, timeout=300)  # fmt: skip
    if installed.returncode != 0:
        return f"npm ci could not install the adaptivecards library: {installed.stderr.strip()[-300:]}"
    return None


def renderer_problems(*cards: dict[str, Any]) -> str:
    """What Microsoft's library says about these cards ("" when nothing)."""
    reason = _renderer()
    if reason is not None:
        pytest.skip(reason)
    lines = "".join(json.dumps({"card": card}) + "\n" for card in cards)
    checked = subprocess.run(["node", str(CHECKER / "check.cjs")], input=lines, capture_output=True, text=True,
                             timeout=120)  # fmt: skip
    return "" if checked.returncode == 0 else checked.stdout + checked.stderr


def conform(*cards: dict[str, Any]) -> None:
    """Every card passes Microsoft's Adaptive Cards library and the 1.5 schema. Where either cannot
    run this skips the rest of the test, so a test calls it last, after everything else it checks."""
    problems = renderer_problems(*cards)
    assert problems == "", problems
    for card in cards:
        assert card_problems(card) == [], card
