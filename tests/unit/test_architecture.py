"""Imports go one way: handlers -> flows -> storage. The meldcode itself never imports Slack."""

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


@pytest.mark.parametrize(
    "package, forbidden",
    [
        ("bot/flows", ("slack_bolt", "slack_sdk", "aiohttp", "bot.handlers", "bot.views", "bot.app", "bot.outbox")),
        (
            "bot/outbox",
            ("slack_bolt", "slack_sdk", "aiohttp", "bot.handlers", "bot.views", "bot.app", "bot.slack_transport"),
        ),
        ("storage", ("bot", "slack_bolt", "slack_sdk")),
        ("bot/views", ("bot.handlers", "storage", "slack_bolt")),
    ],
)
def test_package_does_not_import_outward(package: str, forbidden: tuple[str, ...]) -> None:
    offenders = {
        module: sorted(n for n in names for f in forbidden if n == f or n.startswith(f + "."))
        for module, names in imported_modules(package).items()
    }
    assert {m: names for m, names in offenders.items() if names} == {}
