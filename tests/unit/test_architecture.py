"""Imports go one way: each platform adapter -> flows, documents, outbox -> storage. Nothing outside an
adapter imports its platform's libraries (or the HTTP client it talks to its platform with), and
neither adapter imports the other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    root = ROOT / package
    for path in [root] if root.is_file() else root.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


SLACK = ("slack_bolt", "slack_sdk", "aiohttp", "bot.slack")
TEAMS = ("microsoft_teams", "httpx", "bot.teams")


@pytest.mark.parametrize(
    "package, forbidden",
    [
        ("bot/flows", (*SLACK, *TEAMS, "bot.documents", "bot.outbox", "bot.devtools")),
        ("bot/documents", (*SLACK, *TEAMS, "bot.outbox", "bot.devtools", "bot.interactions")),
        ("bot/outbox", (*SLACK, *TEAMS, "bot.documents", "bot.devtools")),
        ("storage", ("bot", "slack_bolt", "slack_sdk", "microsoft_teams")),
        ("bot/slack", TEAMS),
        ("bot/teams", SLACK),
        ("bot/server.py", (*SLACK, *TEAMS)),
        ("bot/forms.py", (*SLACK, *TEAMS)),
        ("bot/work.py", (*SLACK, *TEAMS)),
        # What a form's submission does and shows next: shared by the adapters, so neither's.
        ("bot/interactions", (*SLACK, *TEAMS, "bot.outbox", "bot.devtools", "storage")),
        ("bot/slack/views", ("bot.slack.handlers", "storage", "slack_bolt")),
    ],
)
def test_package_does_not_import_outward(package: str, forbidden: tuple[str, ...]) -> None:
    modules = imported_modules(package)
    offenders = {
        module: sorted(n for n in names for f in forbidden if n == f or n.startswith(f + "."))
        for module, names in modules.items()
    }
    assert modules, f"{package} has no modules: the check would pass without looking"
    assert {m: names for m, names in offenders.items() if names} == {}
