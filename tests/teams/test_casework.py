"""The coordinator's half in Teams, end to end: from the notice's *Ik pak dit op* through the case
view, steps 2 and 3 and the afwegingskader to a recorded melding, and Veilig Thuis' feedback from
the reminder's card with the clock moved. Every dialog is the case's or a step's, drawn from the
same documents as Slack's; access is decided anew on every click and submission."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.catalogue import t
from bot.devtools.local_teams import LocalTeams, local_teams
from bot.documents.dialogs import Form
from bot.documents.notices import Does
from bot.flows.ports import ManualClock
from bot.flows.rules.framework import Answer
from bot.flows.vocabulary import AuditAction, CaseState, ReminderKind
from bot.school_config import parse_directory
from bot.teams.dialogs import teams_plain
from storage.models import AuditEvent, Case, Consultation, Reminder, Report, WeighingAnswer
from tests.conftest import make_services
from tests.e2e.casework import CONSULTATION, CONVERSATION, RATIONALE, report_values
from tests.teams.adaptive_cards import conform
from tests.teams.school import (
    COORDINATOR,
    OBSERVED,
    OUTSIDER,
    PUPIL,
    SCHOOLS,
    TEACHER,
    answered,
    button,
    chat,
    count,
    recorded,
    taken,
)


def state(teams: LocalTeams) -> CaseState:
    with teams.services.db.reading() as session:
        return session.scalars(select(Case.state)).one()


def test_a_coordinator_takes_a_concern_to_a_melding_and_records_the_feedback_from_the_reminder(
    teams: LocalTeams, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    case = taken(teams)
    assert case.title == "MC-2026-0001" and PUPIL in case.text  # the dossier, for the one who may see it
    assert state(teams) == CaseState.IN_PROGRESS

    case = recorded(teams, case, Does.RECORD_CONSULTATION, CONSULTATION)
    case = recorded(teams, case, Does.RECORD_CONVERSATION, CONVERSATION)
    assert teams_plain(t("question_1")) in case.text
    case = answered(teams, case, Answer.YES)
    case = answered(teams, case, Answer.YES)  # acute or structural danger: meldnorm 1
    assert state(teams) == CaseState.REPORT_DUE

    form = teams.driver.press(COORDINATOR, case, Does.RECORD_REPORT)
    reported_by = next(e for e in form.card["body"] if e.get("id") == "reported_by")
    assert reported_by["value"] == COORDINATOR and COORDINATOR in [c["value"] for c in reported_by["choices"]]
    case = teams.driver.submit(COORDINATOR, form, **report_values(COORDINATOR))
    assert case.title == "MC-2026-0001" and state(teams) == CaseState.WEIGHING  # question 3, with Veilig Thuis
    assert count(teams, Consultation) == 1 and count(teams, WeighingAnswer) == 2 and count(teams, Report) == 1

    clock.advance(timedelta(days=8))  # five working days without word from Veilig Thuis: the reminder's card
    teams.sweep()
    reminder = chat(teams, COORDINATOR)[-1]
    assert "MC-2026-0001" in str(reminder)
    feedback = teams.driver.click(COORDINATOR, button(reminder, Does.RECORD_FEEDBACK))
    assert feedback.form == Form.FEEDBACK
    after = teams.driver.submit(COORDINATOR, feedback, feedback_on="2026-11-24", feedback="Veilig Thuis onderzoekt.")
    assert after.title == "MC-2026-0001"
    with teams.services.db.reading() as session:
        assert session.scalars(select(Reminder.state).where(Reminder.kind == ReminderKind.FEEDBACK)).one() == "done"

    sent = str(teams.connector.sent)
    logged = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    for secret in (PUPIL, OBSERVED, RATIONALE, str(CONSULTATION["outcome"])):
        assert secret not in sent and secret not in logged
    conform(*chat(teams, COORDINATOR), case.card, form.card, feedback.card, after.card)


def test_every_dialog_of_the_case_passes_the_adaptive_cards_schema(teams: LocalTeams) -> None:
    case = taken(teams)
    shown = [case]
    for does in (Does.RECORD_CONSULTATION, Does.RECORD_CONVERSATION, Does.SKIP_CONVERSATION, Does.SET_TEAM,
                 Does.RECORD_KINDCHECK):  # fmt: skip
        shown.append(teams.driver.press(COORDINATOR, case, does))
    case = recorded(teams, case, Does.RECORD_CONSULTATION, CONSULTATION)
    case = recorded(teams, case, Does.RECORD_CONVERSATION, CONVERSATION)
    answers = [b["data"]["answer"] for b in case.buttons if b["data"]["dialog_id"] == Does.ANSWER]
    assert answers == [Answer.YES, Answer.NO]  # question 1 has no "twijfel"
    shown += [case, *(teams.driver.press(COORDINATOR, case, Does.ANSWER, a) for a in answers)]
    shown.append(teams.driver.press(COORDINATOR, case, Does.SHOW_PART))
    conform(*(dialog.card for dialog in shown))


def test_a_saved_step_saved_again_is_recorded_once(teams: LocalTeams) -> None:
    case = taken(teams)
    form = teams.driver.press(COORDINATOR, case, Does.RECORD_CONSULTATION)

    first = teams.driver.submit(COORDINATOR, form, **CONSULTATION)
    second = teams.driver.submit(COORDINATOR, form, **CONSULTATION)  # a double click, or Teams retrying

    assert first.title == second.title == "MC-2026-0001"
    assert count(teams, Consultation) == 1


def test_a_refused_step_keeps_what_was_typed_with_the_problem_under_its_field(teams: LocalTeams) -> None:
    case = taken(teams)
    form = teams.driver.press(COORDINATOR, case, Does.RECORD_CONSULTATION)

    again = teams.driver.submit(COORDINATOR, form, **{**CONSULTATION, "held_on": "2099-01-01"})

    assert again.form == Form.CONSULTATION
    assert [e for e in again.card["body"] if e.get("color") == "Attention"]
    assert next(e for e in again.card["body"] if e.get("id") == "outcome")["value"] == CONSULTATION["outcome"]
    assert count(teams, Consultation) == 0


def test_a_forwarded_case_view_and_answer_form_are_refused_to_others_and_audited(teams: LocalTeams) -> None:
    case = taken(teams)
    case = recorded(teams, case, Does.RECORD_CONSULTATION, CONSULTATION)
    case = recorded(teams, case, Does.RECORD_CONVERSATION, CONVERSATION)
    form = teams.driver.press(COORDINATOR, case, Does.ANSWER, Answer.YES.value)

    for user in (TEACHER, OUTSIDER):  # the reporter sees the status only; an outsider nothing
        opened = teams.driver.press(user, case, Does.ANSWER, Answer.YES.value)
        stolen = teams.driver.submit(user, form, rationale=RATIONALE)
        assert opened.form is None and stolen.form is None
        assert PUPIL not in opened.text + stolen.text
    assert count(teams, WeighingAnswer) == 0
    with teams.services.db.reading() as session:
        refused = session.scalars(select(AuditEvent.actor_id).where(AuditEvent.action == AuditAction.ACCESS_REFUSED))
        assert {TEACHER, OUTSIDER} <= set(refused)


def test_where_all_staff_may_report_a_person_field_offers_everyone_the_app_is_installed_for(
    tmp_path: Path, clock: ManualClock
) -> None:
    school = SCHOOLS.replace(f"members: [{TEACHER}]", "members: all")
    services = make_services(tmp_path, f"sqlite:///{tmp_path / 'all.sqlite3'}", parse_directory(school, "t"), clock)
    colleague = "7d3f2c1b-0a9e-4b8d-8c7f-6e5d4c3b2a19"  # named nowhere in meldbot.yml
    try:
        with local_teams(services) as teams:
            teams.driver.install(colleague)
            case = taken(teams)
            form = teams.driver.press(COORDINATOR, case, Does.SET_TEAM)
            team = next(e for e in form.card["body"] if e.get("id") == "team")
            offered = [c["value"] for c in team["choices"]]
            assert offered[0] == COORDINATOR and {colleague, TEACHER} <= set(offered)
    finally:
        services.db.dispose()
