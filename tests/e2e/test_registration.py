"""Registering a concern end to end: signed requests in, Web API calls and database rows out."""

from __future__ import annotations

import json
import threading
from datetime import date
from typing import Any

from sqlalchemy import func, select

from bot.devtools.driver import fill_state
from bot.devtools.local import LocalSlack
from bot.documents.dates import show_date
from bot.documents.dialogs import Form
from bot.documents.labels import label
from bot.flows.vocabulary import SignalCategory
from bot.slack.ids import Action, Block
from storage.models import AuditEvent, Case, OutboxMessage, RegistrationDraft, Signal
from tests.conftest import (
    COORDINATOR,
    COORDINATOR_2,
    DIRECTOR,
    OTHER_SCHOOL_COORDINATOR,
    OUTSIDER,
    TEACHER,
    TEACHER_2,
    TWO_SCHOOL_TEACHER,
)
from tests.e2e.steps import LOCATION, OBSERVED, PUPIL_NAME, register, signal_values, start_intake
from tests.shown import in_mrkdwn, in_plain


def count(slack: LocalSlack, model: type) -> int:
    with slack.services.db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def modal_text(view: dict[str, Any] | None) -> str:
    return json.dumps(view, ensure_ascii=False) if view else ""


def messages_text(slack: LocalSlack, user_id: str) -> str:
    return json.dumps(slack.fake.client(user_id).messages, ensure_ascii=False)


def test_signal_is_stored_and_coordinators_notified_when_teacher_registers(slack: LocalSlack) -> None:
    response = register(slack.driver, TEACHER)

    assert response.status == 200
    confirmation = modal_text(slack.fake.top_modal(TEACHER))
    assert in_mrkdwn("registered_new", reference="MC-2026-0001") in confirmation
    assert in_mrkdwn("advice_line") in confirmation  # the Veilig Thuis advice line
    with slack.services.db.transaction() as session:
        case = session.scalars(select(Case)).one()
        assert (case.reference, case.state, case.route, case.reporter_id) == ("MC-2026-0001", "new", "home", TEACHER)
        signal = session.scalars(select(Signal)).one()
        assert signal.categories == ["physical"] and signal.source == "own"
    for coordinator in (COORDINATOR, COORDINATOR_2):
        [message] = slack.fake.client(coordinator).messages
        assert message["text"] == in_mrkdwn("notice_case_registered", reference="MC-2026-0001")
        assert any(b["type"] == "actions" for b in message["blocks"])
    [receipt] = slack.fake.client(TEACHER).messages
    confirmed = in_mrkdwn("notice_registration_confirmed_new", reference="MC-2026-0001")
    assert receipt["text"] == confirmed + "\n" + in_mrkdwn("advice_line")
    assert not slack.fake.client(DIRECTOR).messages  # not acute: the director is not disturbed


def test_coordinator_reads_every_field_when_opening_the_case(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER, source="told", source_detail="Moeder van een klasgenoot")

    slack.driver.click_in_messages(COORDINATOR, Action.OPEN_CASE)

    dossier = modal_text(slack.fake.top_modal(COORDINATOR))
    observed_on, physical = show_date(date(2026, 11, 13)), label(SignalCategory.PHYSICAL)
    for expected in (
        PUPIL_NAME,
        "groep 5",
        OBSERVED,
        in_mrkdwn("dossier_signal_head", number=1, date=observed_on, categories=physical),
        in_mrkdwn("dossier_location", location=LOCATION),
        in_plain("dossier_source_told", who="Moeder van een klasgenoot"),
        "klimclub",
    ):
        assert expected in dossier
    with slack.services.db.transaction() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.actor_id == COORDINATOR))]
    assert actions == ["dossier_viewed"]


def test_intake_opens_from_every_entry_point(slack: LocalSlack) -> None:
    slack.driver.shortcut(TEACHER)
    assert slack.fake.top_modal(TEACHER)["callback_id"] == Form.INTAKE  # type: ignore[index]
    slack.fake.close_modal(TEACHER)

    slack.driver.write_dm(TEACHER, "hallo")
    slack.driver.click_in_messages(TEACHER, Action.START_REGISTRATION)
    assert slack.fake.top_modal(TEACHER)["callback_id"] == Form.INTAKE  # type: ignore[index]
    slack.fake.close_modal(TEACHER)

    slack.driver.open_home(TEACHER)
    slack.driver.click_in_home(TEACHER, Action.START_REGISTRATION)
    assert slack.fake.top_modal(TEACHER)["callback_id"] == Form.INTAKE  # type: ignore[index]


def test_free_text_in_the_dm_is_not_stored_when_teacher_writes_there(slack: LocalSlack) -> None:
    slack.driver.write_dm(TEACHER, f"Ik maak me zorgen over {PUPIL_NAME}")

    [reply] = slack.fake.client(TEACHER).messages
    assert reply["text"] == in_mrkdwn("dm_intro", platform="Slack")  # says why the form, not the chat
    assert PUPIL_NAME not in json.dumps(reply)
    assert count(slack, Case) == 0 and count(slack, OutboxMessage) == 0


def test_reporter_sees_emergency_numbers_and_leaders_are_alerted_when_child_in_acute_danger(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER, acute=True)

    # Before a single detail is typed: the form shows 112 and Veilig Thuis, and the alert is out.
    form = modal_text(slack.fake.top_modal(TEACHER))
    assert in_mrkdwn("acute_banner") in form
    for leader in (COORDINATOR, COORDINATOR_2, DIRECTOR):
        [alert] = slack.fake.client(leader).messages
        assert alert["text"] == in_mrkdwn("notice_acute_alert", reporter_id=TEACHER)

    slack.driver.submit(TEACHER, signal_values())

    assert in_mrkdwn("acute_banner") in modal_text(slack.fake.top_modal(TEACHER))
    for leader in (COORDINATOR, DIRECTOR):
        urgent = slack.fake.client(leader).messages[-1]
        assert urgent["text"] == in_mrkdwn("notice_case_registered_urgent", reference="MC-2026-0001")
    with slack.services.db.transaction() as session:
        assert session.scalars(select(Case)).one().acute is True
        assert session.scalars(select(AuditEvent).where(AuditEvent.action == "acute_alert")).one().actor_id == TEACHER


def test_only_the_board_route_is_recorded_when_concern_is_about_staff(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER, route="staff_member")
    choice = modal_text(slack.fake.top_modal(TEACHER))
    assert in_mrkdwn("board_route_intro") in choice
    assert count(slack, Case) == 0  # nothing is recorded before the reporter chose whom to alert

    slack.driver.submit(TEACHER, {Block.BOARD_ALERT: "director"})

    guidance = modal_text(slack.fake.top_modal(TEACHER))
    assert in_mrkdwn("board_route_director", reference="MC-2026-0001") in guidance
    assert slack.fake.top_modal(TEACHER)["callback_id"] == Form.INFO  # type: ignore[index]
    with slack.services.db.transaction() as session:
        case = session.scalars(select(Case)).one()
        assert (case.route, case.state, case.pupil_name, case.pupil_lookup) == (
            "staff_member",
            "referred_to_board",
            None,
            None,
        )
    assert count(slack, Signal) == 0
    [alert] = slack.fake.client(DIRECTOR).messages
    assert alert["text"] == in_mrkdwn("notice_board_route", reference="MC-2026-0001")
    for coordinator in (COORDINATOR, COORDINATOR_2):  # by reference only, that the report went this way
        [noted] = slack.fake.client(coordinator).messages
        assert noted["text"] == in_mrkdwn("notice_board_route_noted", reference="MC-2026-0001")
        assert not [b for b in noted["blocks"] if b["type"] == "actions"]


def test_reporter_is_reminded_of_the_duty_when_closing_the_board_routes_choice(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER, route="staff_member")

    slack.driver.close(TEACHER)

    [reminder] = slack.fake.client(TEACHER).messages
    assert reminder["text"] == in_mrkdwn("notice_staff_route_unrecorded")
    assert count(slack, Case) == 0 and not slack.fake.client(DIRECTOR).messages
    slack.driver.click_in_messages(TEACHER, Action.START_REGISTRATION)  # and may record it after all
    assert slack.fake.top_modal(TEACHER)["callback_id"] == Form.INTAKE  # type: ignore[index]


def test_school_safety_plan_is_pointed_to_when_concern_is_between_children(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER, route="between_children")

    assert in_mrkdwn("safety_plan_route") in modal_text(slack.fake.top_modal(TEACHER))
    assert count(slack, Case) == 0
    with slack.services.db.transaction() as session:
        assert [e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.actor_id == TEACHER))] == [
            "safety_plan_route"
        ]


def test_registration_asks_which_school_when_teacher_works_at_two(slack: LocalSlack) -> None:
    slack.driver.command(TWO_SCHOOL_TEACHER)
    intake = slack.fake.top_modal(TWO_SCHOOL_TEACHER)
    assert intake is not None and Block.SCHOOL in modal_text(intake)

    slack.driver.submit(TWO_SCHOOL_TEACHER, {Block.SCHOOL: "eik", Block.ROUTE: "home", Block.ACUTE: "no"})
    slack.driver.submit(TWO_SCHOOL_TEACHER, signal_values())

    with slack.services.db.transaction() as session:
        assert session.scalars(select(Case)).one().school_id == "eik"
    assert slack.fake.client(OTHER_SCHOOL_COORDINATOR).messages
    assert not slack.fake.client(COORDINATOR).messages


def test_nothing_is_stored_and_user_told_whom_to_ask_when_user_has_no_school(slack: LocalSlack) -> None:
    slack.driver.command(OUTSIDER)

    refusal = modal_text(slack.fake.top_modal(OUTSIDER))
    assert in_mrkdwn("error_not_a_member") in refusal
    assert slack.fake.top_modal(OUTSIDER)["callback_id"] == Form.INFO  # type: ignore[index]


def test_crafted_submission_is_refused_when_user_has_no_school(slack: LocalSlack) -> None:
    # A modal of someone else's, replayed by an outsider: the server checks, not the client.
    slack.driver.command(TEACHER)
    stolen = slack.fake.top_modal(TEACHER)
    slack.fake.client(OUTSIDER).modals.append(dict(stolen))  # type: ignore[arg-type]

    slack.driver.submit(OUTSIDER, {Block.ROUTE: "home", Block.ACUTE: "yes"})

    assert in_mrkdwn("error_not_a_member") in modal_text(slack.fake.top_modal(OUTSIDER))
    assert count(slack, Case) == 0 and count(slack, OutboxMessage) == 0


def test_signal_can_join_the_open_case_when_pupil_already_has_one(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)
    register(slack.driver, TEACHER_2, pupil_name="  fenna  testkind-zonderbestaan ", pupil_group="Groep 5")

    choice = slack.fake.top_modal(TEACHER_2)
    assert choice is not None and choice["callback_id"] == Form.OPEN_CASE_CHOICE
    assert "MC-2026-0001" in modal_text(choice) and PUPIL_NAME not in modal_text(choice)
    assert count(slack, Signal) == 1  # held, not yet filed

    slack.driver.submit(TEACHER_2, {Block.CHOICE: "add"})

    assert in_mrkdwn("registered_added", reference="MC-2026-0001") in modal_text(slack.fake.top_modal(TEACHER_2))
    assert count(slack, Case) == 1 and count(slack, Signal) == 2
    added = in_mrkdwn("notice_signal_added", reference="MC-2026-0001")
    assert slack.fake.client(COORDINATOR).messages[-1]["text"] == added
    with slack.services.db.transaction() as session:
        assert session.scalars(select(RegistrationDraft)).one().payload is None  # no second copy kept


def test_reporter_may_start_a_separate_case_when_pupil_already_has_one(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)
    register(slack.driver, TEACHER_2)

    slack.driver.submit(TEACHER_2, {Block.CHOICE: "new"})

    assert in_mrkdwn("registered_new", reference="MC-2026-0002") in modal_text(slack.fake.top_modal(TEACHER_2))
    assert count(slack, Case) == 2


def test_held_signal_is_kept_and_reporter_reminded_when_choice_is_closed(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)
    register(slack.driver, TEACHER_2)

    slack.driver.close(TEACHER_2)

    reminder = slack.fake.client(TEACHER_2).messages[-1]
    assert reminder["text"] == in_mrkdwn("notice_draft_pending")
    slack.driver.click_in_messages(TEACHER_2, Action.FINISH_DRAFT)
    slack.driver.submit(TEACHER_2, {Block.CHOICE: "add"})
    assert count(slack, Signal) == 2


def test_one_case_is_created_when_the_same_submission_arrives_twice(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER)
    payload = submission(slack, TEACHER, signal_values())

    first = slack.driver.interactive(payload)
    second = slack.driver.interactive(payload, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "timeout"})

    assert first.json == second.json  # the same confirmation, the same reference
    assert count(slack, Case) == 1 and count(slack, Signal) == 1
    assert len(slack.fake.client(COORDINATOR).messages) == 1


def test_one_case_is_created_when_a_double_click_races(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER)
    payload = submission(slack, TEACHER, signal_values())
    answers: list[int] = []

    threads = [
        threading.Thread(target=lambda: answers.append(slack.driver.interactive(payload).status)) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert answers == [200] * 4
    assert count(slack, Case) == 1 and count(slack, Signal) == 1


def test_second_click_on_the_choice_files_the_signal_once(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)
    register(slack.driver, TEACHER_2)
    payload = submission(slack, TEACHER_2, {Block.CHOICE: "add"})

    first, second = slack.driver.interactive(payload), slack.driver.interactive(payload)

    assert first.json == second.json
    assert count(slack, Signal) == 2


def submission(slack: LocalSlack, user_id: str, values: dict[str, Any]) -> dict[str, Any]:
    view = slack.fake.top_modal(user_id)
    assert view is not None
    return {
        "type": "view_submission",
        "user": {"id": user_id},
        "team": {"id": "T0SCHOOL"},
        "view": {**view, "state": {"values": fill_state(view, values)}},
    }
