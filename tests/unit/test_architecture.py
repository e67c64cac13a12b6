"""Imports go one way: the Slack adapter -> flows, documents, outbox -> storage. Nothing outside the
adapter imports Slack (or the HTTP client it talks to Slack with)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


SLACK = ("slack_bolt", "slack_sdk", "aiohttp", "bot.slack")


@pytest.mark.parametrize(
    "package, forbidden",
    [
        ("bot/flows", (*SLACK, "bot.documents", "bot.outbox", "bot.devtools")),
        ("bot/documents", (*SLACK, "bot.outbox", "bot.devtools")),
        ("bot/outbox", (*SLACK, "bot.documents", "bot.devtools")),
        ("storage", ("bot", "slack_bolt", "slack_sdk")),
        ("bot/slack/views", ("bot.slack.handlers", "storage", "slack_bolt")),
    ],
)
def test_package_does_not_import_outward(package: str, forbidden: tuple[str, ...]) -> None:
    offenders = {
        module: sorted(n for n in names for f in forbidden if n == f or n.startswith(f + "."))
        for module, names in imported_modules(package).items()
    }
    assert {m: names for m, names in offenders.items() if names} == {}
