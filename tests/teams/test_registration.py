"""Registering a concern in Teams, end to end in the bot's HTTP server with the fake Bot Connector:
the greeting's start button opens the intake dialog, the signal form follows, and the case is
stored and the coordinator's card arrives through the outbox, carrying a reference only. The
unhappy paths as in Slack: a refused submission keeps what was typed, someone who is not a member
is refused and audited, a repeated submission files once."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from bot.catalogue import t
from bot.devtools.local_teams import LocalTeams
from bot.documents.dialogs import Form
from bot.documents.notices import Does
from bot.teams.dialogs import teams_plain
from storage.models import AuditEvent, Case, Signal
from tests.storage.test_database import _raw_dump
from tests.teams.adaptive_cards import conform
from tests.teams.school import (
    COORDINATOR,
    OBSERVED,
    OUTSIDER,
    PUPIL,
    TEACHER,
    chat,
    count,
    register,
    signal_inputs,
    start,
)


def test_a_teacher_registers_a_concern_and_the_coordinator_is_told_by_reference(
    teams: LocalTeams, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    teams.driver.install(COORDINATOR)
    intake = start(teams, TEACHER)
    assert (intake.form, intake.inputs) == (Form.INTAKE, ["route", "acute"])
    assert intake.title == teams_plain(t("modal_intake_title"))

    form = teams.driver.submit(TEACHER, intake, route="home", acute="no")
    assert form.form == Form.SIGNAL and "pupil_name" in form.inputs
    done = teams.driver.submit(TEACHER, form, **signal_inputs())

    assert done.form is None  # only to read
    assert teams_plain(t("registered_new", reference="MC-2026-0001")) in done.text.replace("*", "")
    assert count(teams, Case) == 1 and count(teams, Signal) == 1
    teams.flush()
    (notice,) = chat(teams, COORDINATOR)[-1:]
    assert "MC-2026-0001" in str(notice)
    assert {a.get("data", {}).get("dialog_id") for a in notice["actions"]} >= {Does.OPEN_CASE, Does.TAKE_CASE}
    # Pupil data only in the dialog the teacher typed it into: never in a card sent, a log, the database's plain bytes.
    sent = str(teams.connector.sent)
    assert PUPIL not in sent and OBSERVED not in sent
    logged = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert PUPIL not in logged and OBSERVED not in logged
    assert PUPIL not in _raw_dump(teams.services) and OBSERVED not in _raw_dump(teams.services)
    conform(intake.card, form.card, done.card, *chat(teams, COORDINATOR), *chat(teams, TEACHER))


def test_a_refused_submission_shows_each_problem_under_its_field_and_keeps_what_was_typed(teams: LocalTeams) -> None:
    intake = start(teams, TEACHER)
    form = teams.driver.submit(TEACHER, intake, route="home", acute="no")

    again = teams.driver.submit(TEACHER, form, **signal_inputs(location="", observed_on="2099-01-01"))

    assert again.form == Form.SIGNAL
    values = {e["id"]: e.get("value") for e in again.card["body"] if "id" in e}
    assert values["pupil_name"] == PUPIL and values["observed"] == OBSERVED
    problems = [e["text"] for e in again.card["body"] if e.get("color") == "Attention"]
    assert len(problems) == 2
    assert count(teams, Case) == 0
    # Corrected, it is filed, in the same dialog chain.
    done = teams.driver.submit(TEACHER, again, **signal_inputs())
    assert done.form is None and count(teams, Case) == 1


def test_an_intake_without_an_answer_says_so_under_the_field(teams: LocalTeams) -> None:
    intake = start(teams, TEACHER)

    again = teams.driver.submit(TEACHER, intake, acute="no")

    assert again.form == Form.INTAKE
    assert [e["text"] for e in again.card["body"] if e.get("color") == "Attention"] == [
        teams_plain(t("error_required"))
    ]


def test_a_repeated_submission_files_the_signal_once(teams: LocalTeams) -> None:
    intake = start(teams, TEACHER)
    form = teams.driver.submit(TEACHER, intake, route="home", acute="no")

    first = teams.driver.submit(TEACHER, form, **signal_inputs())
    second = teams.driver.submit(TEACHER, form, **signal_inputs())

    assert first.text == second.text
    assert count(teams, Case) == 1 and count(teams, Signal) == 1


def test_someone_who_is_not_a_member_is_refused_and_audited(teams: LocalTeams) -> None:
    refused = start(teams, OUTSIDER)

    assert refused.form is None
    assert teams_plain(t("error_not_a_member")).split(".")[0] in refused.text.replace("*", "")
    with teams.services.db.reading() as session:
        refusals = session.scalars(select(AuditEvent).where(AuditEvent.actor_id == OUTSIDER)).all()
    assert len(refusals) == 1


def test_a_forwarded_signal_form_is_refused_to_an_outsider_and_files_nothing(teams: LocalTeams) -> None:
    intake = start(teams, TEACHER)
    form = teams.driver.submit(TEACHER, intake, route="home", acute="no")

    stolen = teams.driver.submit(OUTSIDER, form, **signal_inputs())

    assert stolen.form is None and count(teams, Case) == 0


def test_a_button_this_bot_does_not_have_is_refused_not_guessed(
    teams: LocalTeams, caplog: pytest.LogCaptureFixture
) -> None:
    teams.driver.install(TEACHER)
    crafted = {"msteams": {"type": "task/fetch"}, "dialog_id": "delete_everything", "value": "1"}

    shown = teams.driver.click(TEACHER, {"data": crafted})

    assert shown.form is None and count(teams, Case) == 0
    assert teams_plain(t("error_unknown_request")) in shown.text
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []  # no incident: a refusal
    assert "delete_everything" not in caplog.text


def test_the_second_concern_of_a_teacher_is_a_second_case_and_the_same_pupil_is_asked_about(
    teams: LocalTeams,
) -> None:
    register(teams, TEACHER)
    second = register(teams, TEACHER, pupil_name="Sem Verzonnen", pupil_group="4a")
    assert teams_plain(t("registered_new", reference="MC-2026-0002")) in second.text.replace("*", "")

    choice = register(teams, TEACHER, observed="huilde bij het ophalen")
    assert choice.form == Form.OPEN_CASE_CHOICE
    added = teams.driver.submit(TEACHER, choice, choice="add")
    assert teams_plain(t("registered_added", reference="MC-2026-0001")) in added.text.replace("*", "")
    assert count(teams, Case) == 2 and count(teams, Signal) == 3
    # The choice again (a double click) files nothing more.
    again = teams.driver.submit(TEACHER, choice, choice="add")
    assert again.text == added.text and count(teams, Signal) == 3
