"""A school has many cases: the third case of a reporter, coordinator or director is told exactly
what the first was told. Every message here is keyed to its own case."""

from __future__ import annotations

from collections import Counter

from bot.devtools.local import LocalSlack
from bot.flows.rules.framework import Answer
from bot.flows.vocabulary import NoticeKind
from bot.slack.ids import Action
from tests.conftest import COORDINATOR, COORDINATOR_2, DIRECTOR, TEACHER
from tests.e2e.casework import answer, consult_and_talk, registered_and_taken
from tests.e2e.ledger import Notice, posted, posted_per_cause, rewritten
from tests.e2e.steps import report_staff_suspicion

REFERENCES = ("linde/MC-2026-0001", "linde/MC-2026-0002", "linde/MC-2026-0003")


def test_reporter_hears_taken_and_closed_for_every_case_when_they_report_three(slack: LocalSlack) -> None:
    for pupil in ("Sam Verzonnen", "Noor Verzonnen", "Lot Verzonnen"):
        case = registered_and_taken(slack, pupil_name=pupil)
        consult_and_talk(slack, COORDINATOR, case)
        answer(slack, COORDINATOR, Answer.NO)  # question 1 "nee": the case closes
    slack.flush()

    seen = posted(slack)
    for reference in REFERENCES:
        assert seen[Notice(reference, NoticeKind.CASE_TAKEN, TEACHER)] == 1
        assert seen[Notice(reference, NoticeKind.CASE_CLOSED, TEACHER)] == 1
        # The other coordinator's "Ik pak dit op" becomes "Opgepakt door …" on every case.
        assert rewritten(slack)[Notice(reference, NoticeKind.CASE_REGISTERED, COORDINATOR_2)] == 1
    assert set(posted_per_cause(slack).values()) == {1}


def test_director_is_alerted_to_every_staff_member_suspicion_when_there_are_two(slack: LocalSlack) -> None:
    report_staff_suspicion(slack.driver, TEACHER)
    report_staff_suspicion(slack.driver, TEACHER)
    slack.flush()

    alerts = Counter(n.reference for n in posted(slack).elements() if n.kind == NoticeKind.BOARD_ROUTE)
    assert alerts == Counter({"linde/MC-2026-0001": 1, "linde/MC-2026-0002": 1})
    assert all(n.recipient == DIRECTOR for n in posted(slack) if n.kind == NoticeKind.BOARD_ROUTE)


def test_take_button_is_replaced_for_the_other_coordinator_when_the_second_case_is_taken(slack: LocalSlack) -> None:
    registered_and_taken(slack, pupil_name="Sam Verzonnen")
    registered_and_taken(slack, COORDINATOR_2, pupil_name="Noor Verzonnen")
    slack.flush()

    for user_id in (COORDINATOR, COORDINATOR_2):
        live_take_buttons = [
            m
            for m in slack.fake.client(user_id).messages
            for block in m["blocks"]
            if block["type"] == "actions"
            for element in block["elements"]
            if element["action_id"] == Action.TAKE_CASE
        ]
        assert live_take_buttons == []
