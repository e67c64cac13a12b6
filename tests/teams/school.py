"""A school in Teams, for the e2e tests: its people (invented Entra object ids), the app in its
HTTP server with the fake Bot Connector, and what a teacher and a coordinator do in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.devtools.local_teams import LocalTeams, Opened, button_in, local_teams
from bot.documents.dialogs import Form
from bot.documents.notices import Does
from bot.flows.ports import ManualClock
from bot.flows.rules.framework import Answer
from bot.school_config import parse_directory
from bot.teams.files import CONSENT
from tests.conftest import make_services
from tests.e2e.casework import RATIONALE

# Invented Entra object ids.
TEACHER = "0c7e1a2b-3d4e-4f5a-8b6c-7d8e9f0a1b2c"
COORDINATOR = "5b0c2d1e-8f7a-4b6c-9d0e-1f2a3b4c5d6e"
DIRECTOR = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
OUTSIDER = "11111111-2222-4333-8444-555555555555"
PUPIL = "Fenna Testkind-Zonderbestaan"
OBSERVED = "kwam met blauwe plekken op beide armen"

SCHOOLS = f"""
schools:
  - id: linde
    name: "Basisschool De Linde"
    coordinators: [{COORDINATOR}]
    directors: [{DIRECTOR}]
    members: [{TEACHER}]
"""


@pytest.fixture
def teams(tmp_path: Path, clock: ManualClock) -> Iterator[LocalTeams]:
    directory = parse_directory(SCHOOLS, "meldbot.yml")
    services = make_services(tmp_path, f"sqlite:///{tmp_path / 'meldbot.sqlite3'}", directory, clock)
    with local_teams(services) as running:
        yield running
    services.db.dispose()


def chat(teams: LocalTeams, user_id: str) -> list[dict[str, Any]]:
    return teams.chat(user_id)


button = button_in


def offers(teams: LocalTeams, user_id: str) -> list[dict[str, Any]]:
    """The files offered in this person's chat (each a consent card's attachment)."""
    return [a for m in teams.messages(user_id) for a in m.get("attachments") or [] if a["contentType"] == CONSENT]


def signal_inputs(**changes: str) -> dict[str, str]:
    return {
        "pupil_name": PUPIL,
        "pupil_group": "6b",
        "age_band": "under_12",
        "observed": OBSERVED,
        "observed_on": "2026-11-16",
        "location": "klaslokaal",
        "source": "own",
        "categories": "physical,behaviour",
        **changes,
    }


def start(teams: LocalTeams, user_id: str) -> Opened:
    """Install the app, and press the greeting's start button: the intake dialog."""
    teams.driver.install(user_id)
    teams.flush()
    greetings = [c for c in chat(teams, user_id) if "dialog_id" in str(c) and Does.START_REGISTRATION in str(c)]
    return teams.driver.click(user_id, button(greetings[-1], Does.START_REGISTRATION))


def count(teams: LocalTeams, model: type) -> int:
    with teams.services.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def register(teams: LocalTeams, user_id: str, **changes: str) -> Opened:
    """A concern about a child at home, from the start button to "registered"."""
    form = teams.driver.submit(user_id, start(teams, user_id), route="home", acute="no")
    return teams.driver.submit(user_id, form, **signal_inputs(**changes))


def taken(teams: LocalTeams) -> Opened:
    """A teacher's concern, taken by the coordinator from the notice's card: the case view."""
    teams.driver.install(COORDINATOR)
    register(teams, TEACHER)
    teams.flush()
    return teams.driver.click(COORDINATOR, button(chat(teams, COORDINATOR)[-1], Does.TAKE_CASE))


def recorded(teams: LocalTeams, case: Opened, does: Does, values: dict[str, Any]) -> Opened:
    """Press a step's button in the case view and save its form: the case view as it now stands."""
    form = teams.driver.press(COORDINATOR, case, does)
    return teams.driver.submit(COORDINATOR, form, **{str(k): v for k, v in values.items()})


def answered(teams: LocalTeams, case: Opened, given: Answer) -> Opened:
    form = teams.driver.press(COORDINATOR, case, Does.ANSWER, given.value)
    assert form.form == Form.ANSWER
    return teams.driver.submit(COORDINATOR, form, rationale=RATIONALE)
