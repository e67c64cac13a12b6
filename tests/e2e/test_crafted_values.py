"""Crafted and forwarded requests: every id is parsed by one bounded parser, a refusal is audited,
and a submission key belongs to whoever submitted it."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.devtools.fake_slack import trigger_for
from bot.devtools.local import LocalSlack
from bot.documents.dialogs import Form
from bot.slack.ids import Action, Block
from storage.models import AuditEvent, Case, Consultation, RegistrationDraft, Signal
from tests.conftest import COORDINATOR, COORDINATOR_2, OUTSIDER, TEACHER, TEACHER_2
from tests.e2e.casework import CONSULTATION, case_id, open_case, ready_to_weigh, registered_and_taken, top_text
from tests.e2e.steps import register, signal_values, start_intake
from tests.e2e.test_inbound import _action_ids, _json_values, _text, _values
from tests.e2e.test_registration import count, submission
from tests.shown import in_mrkdwn


def refusals(slack: LocalSlack, user_id: str) -> list[dict[str, Any]]:
    with slack.services.db.transaction() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "access_refused", AuditEvent.actor_id == user_id)
        )
        return [{"case_id": e.case_id, "school_id": e.school_id, **e.detail} for e in events]


def _held_draft(slack: LocalSlack) -> None:
    """TEACHER_2's signal about TEACHER's pupil, held until TEACHER_2 chooses; the choice closed."""
    register(slack.driver, TEACHER)
    register(slack.driver, TEACHER_2)
    slack.driver.close(TEACHER_2)


def test_forwarded_finish_button_is_refused_and_audited_when_the_draft_is_someone_elses(slack: LocalSlack) -> None:
    _held_draft(slack)
    [button] = [
        e
        for m in slack.fake.client(TEACHER_2).messages
        for b in m["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == Action.FINISH_DRAFT
    ]

    slack.driver.click(TEACHER, Action.FINISH_DRAFT, button["value"])

    assert in_mrkdwn("error_draft_gone") in top_text(slack, TEACHER)
    [refusal] = refusals(slack, TEACHER)
    assert refusal["reason"] == "foreign_draft" and refusal["case_id"] == int(case_id(slack))


def test_choice_on_someone_elses_held_draft_is_refused_audited_and_files_nothing(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)
    register(slack.driver, TEACHER_2)
    crafted = submission(slack, TEACHER_2, {Block.CHOICE: "new"})
    crafted["user"] = {"id": TEACHER}

    answer = slack.driver.interactive(crafted)

    assert in_mrkdwn("error_draft_gone") in json.dumps(answer.json, ensure_ascii=False)
    assert [r["reason"] for r in refusals(slack, TEACHER)] == ["foreign_draft"]
    with slack.services.db.transaction() as session:
        assert session.scalars(select(RegistrationDraft)).one().payload is not None  # still waits for TEACHER_2
    assert count(slack, Signal) == 1


@pytest.mark.parametrize("value", ["abc", "10" * 20, "-3", "1e9", "", "0x1f", str(10**30), "١٢"])
def test_garbled_button_value_is_refused_audited_and_never_logged(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture, value: str
) -> None:
    register(slack.driver, TEACHER)

    response = slack.driver.click(COORDINATOR, Action.OPEN_CASE, value)

    assert response.status == 200
    assert in_mrkdwn("error_case_not_found") in top_text(slack, COORDINATOR)
    assert [r["reason"] for r in refusals(slack, COORDINATOR)] == ["no_such_case"]
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert value == "" or all(value not in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("case", [10**30, -1, True, [1], {"id": 1}, 1.5, "1; DROP"])
def test_crafted_case_in_a_modals_metadata_is_refused_and_audited(slack: LocalSlack, case: object) -> None:
    register(slack.driver, TEACHER)
    view = {
        "id": "VCRAFTED1",
        "type": "modal",
        "callback_id": Form.CLOSE_CASE,
        "private_metadata": json.dumps({"case": case}),
        "blocks": [],
        "state": {
            "values": {
                Block.CLOSE_NOTE: {"value": {"type": "plain_text_input", "value": "dicht"}},
                Block.MONITORING: {"value": {"type": "plain_text_input", "value": "volgen"}},
                Block.FOLLOW_UP: {"value": {"type": "datepicker", "selected_date": "2027-02-15"}},
            }
        },
    }
    payload = {"type": "view_submission", "user": {"id": COORDINATOR}, "trigger_id": "t", "view": view}

    answer = slack.driver.interactive(payload)

    assert answer.status == 200
    assert in_mrkdwn("error_case_not_found") in json.dumps(answer.json, ensure_ascii=False)
    assert [r["reason"] for r in refusals(slack, COORDINATOR)] == ["no_such_case"]


def test_submission_with_another_teachers_view_id_is_refused_and_keeps_her_reference_secret(
    slack: LocalSlack,
) -> None:
    start_intake(slack.driver, TEACHER)
    payload = submission(slack, TEACHER, signal_values())
    slack.driver.interactive(payload)  # TEACHER's case MC-2026-0001
    replayed = {**payload, "user": {"id": TEACHER_2}}  # the same view id, submitted by TEACHER_2

    answer = slack.driver.interactive(replayed)

    shown = json.dumps(answer.json, ensure_ascii=False)
    assert "MC-2026-0001" not in shown and in_mrkdwn("error_no_access") in shown
    [refusal] = refusals(slack, TEACHER_2)
    assert refusal["reason"] == "foreign_submission" and refusal["permission"] == "submit"
    assert count(slack, Signal) == 1


def test_step_submitted_with_another_coordinators_view_id_is_refused_and_records_nothing_twice(
    slack: LocalSlack,
) -> None:
    case = registered_and_taken(slack)
    open_case(slack, COORDINATOR, case)
    slack.driver.click_in_modal(COORDINATOR, Action.RECORD_CONSULTATION)
    payload = submission(slack, COORDINATOR, CONSULTATION)
    slack.driver.interactive(payload)  # COORDINATOR's consultation, stored under her form's view id
    replayed = {**payload, "user": {"id": COORDINATOR_2}}  # the same form, submitted by the other coordinator

    answer = slack.driver.interactive(replayed)

    assert in_mrkdwn("error_no_access") in json.dumps(answer.json, ensure_ascii=False)
    [refusal] = refusals(slack, COORDINATOR_2)
    assert refusal["reason"] == "foreign_submission" and refusal["case_id"] == int(case)
    assert count(slack, Consultation) == 1


def test_doubt_on_question_1_is_refused_when_a_crafted_button_offers_it(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    case = ready_to_weigh(slack)

    slack.driver.click(COORDINATOR, Action.ANSWER_DOUBT, f"{case}:1")  # "twijfel" belongs to question 2

    assert in_mrkdwn("error_step_not_allowed") in top_text(slack, COORDINATOR)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


_users = st.sampled_from([TEACHER, COORDINATOR, OUTSIDER])
_clicks = st.fixed_dictionaries(
    {
        "type": st.just("block_actions"),
        "user": st.fixed_dictionaries({"id": _users}),
        "trigger_id": _users.map(trigger_for),
        "actions": st.lists(
            st.fixed_dictionaries({"action_id": _action_ids, "value": _values}), min_size=1, max_size=1
        ),
        "container": st.just({"type": "message"}),
    }
)
# Values that name the case this test seeds, so that crafted clicks reach real records too.
_real_values = st.sampled_from(["1", "1:1", "1:2", "1:5", "1:signals:0", "1:timeline:99999", "1:nope:1"])
_metadata = st.one_of(
    st.dictionaries(
        st.sampled_from(["case", "draft", "reminder", "question", "answer", "school", "acute"]), _json_values
    ),
    st.fixed_dictionaries({"case": st.one_of(st.integers(), st.just(10**30), st.booleans(), _text, st.just(1))}),
).map(json.dumps)
_submissions = st.fixed_dictionaries(
    {
        "type": st.just("view_submission"),
        "user": st.fixed_dictionaries({"id": _users}),
        "trigger_id": _users.map(trigger_for),
        "view": st.fixed_dictionaries(
            {
                "id": st.sampled_from(["V0000001", "V0000002"]),
                "type": st.just("modal"),
                "callback_id": st.sampled_from([c.value for c in Form]),
                "private_metadata": _metadata,
                "state": st.just({"values": {}}),
                "blocks": st.just([]),
            }
        ),
    }
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.one_of(_clicks, _submissions))
def test_crafted_ids_in_well_formed_payloads_are_refused_without_a_traceback(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture, payload: dict[str, Any]
) -> None:
    if count(slack, Case) == 0:
        ready_to_weigh(slack)  # one real case, taken and ready to weigh, for the crafted ids to meet
    caplog.clear()

    response = slack.driver.interactive(payload)

    assert response.status < 500
    assert [r.getMessage() for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR] == []
