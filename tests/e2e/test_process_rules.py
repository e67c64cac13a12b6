"""The meldcode as a coordinator meets it in the case view: what question 1 presupposes, hints that
follow the state, question 5 at its term, and closing after Veilig Thuis took a melding on."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from bot.catalogue import t
from bot.devtools.local import LocalSlack
from bot.documents.dates import show_date
from bot.documents.labels import label
from bot.flows.rules.framework import Answer
from bot.slack.ids import Action, Block
from storage.models import AuditEvent, Case, Weighing, WeighingAnswer
from tests.conftest import COORDINATOR, TEACHER_2
from tests.e2e.casework import (
    CONSULTATION,
    FEEDBACK,
    PLAN,
    RATIONALE,
    REPORT,
    open_case,
    ready_to_weigh,
    registered_and_taken,
    top_text,
    walk,
)
from tests.e2e.steps import register
from tests.e2e.test_reminders import IDLE, at, texts
from tests.shown import in_mrkdwn

Y, N = Answer.YES, Answer.NO
TERM = show_date(date(2026, 12, 28))  # the help plan's term (casework.record_help_plan)
MISSING = ("missing_consultation", "missing_conversation", "missing_consultation_and_conversation")


def missing(view: str) -> bool:
    """Whether the case view says what question 1 still waits for."""
    return any(in_mrkdwn(key) in view for key in MISSING)


def _buttons(slack: LocalSlack, user_id: str) -> set[str]:
    view = slack.fake.top_modal(user_id) or {}
    return {e["action_id"] for b in view.get("blocks", []) if b["type"] == "actions" for e in b["elements"]}


# --- question 1 presupposes steps 1 to 3 -----------------------------------------------------------


def test_question_1_waits_for_a_consultation_and_a_conversation_and_says_which_is_missing(slack: LocalSlack) -> None:
    case = registered_and_taken(slack)
    open_case(slack, COORDINATOR, case)
    assert in_mrkdwn("missing_consultation_and_conversation") in top_text(slack, COORDINATOR)
    assert Action.ANSWER_YES not in _buttons(slack, COORDINATOR)

    slack.driver.click(COORDINATOR, Action.ANSWER_YES, f"{case}:1")  # a crafted or stale button
    assert in_mrkdwn("error_steps_missing") in top_text(slack, COORDINATOR)

    open_case(slack, COORDINATOR, case)
    slack.driver.click_in_modal(COORDINATOR, Action.RECORD_CONSULTATION)
    slack.driver.submit(COORDINATOR, CONSULTATION)
    assert in_mrkdwn("missing_conversation") in top_text(slack, COORDINATOR)
    slack.driver.click_in_modal(COORDINATOR, Action.SKIP_CONVERSATION)
    slack.driver.submit(
        COORDINATOR, {Block.SKIP_REASON: "losing_contact", Block.SKIP_NOTE: "Gezin dreigt te verhuizen."}
    )

    assert not missing(top_text(slack, COORDINATOR))
    assert {Action.ANSWER_YES, Action.ANSWER_NO} <= _buttons(slack, COORDINATOR)
    walk(slack, COORDINATOR, Y)
    with slack.services.db.transaction() as session:
        assert session.scalars(select(WeighingAnswer.question)).all() == [1]


def test_a_new_weighing_asks_question_1_at_once_when_steps_2_and_3_were_done_before(slack: LocalSlack) -> None:
    case = ready_to_weigh(slack)
    walk(slack, COORDINATOR, Y, N, Y, Y, PLAN)
    register(slack.driver, TEACHER_2)  # a new signal about the same pupil
    slack.driver.submit(TEACHER_2, {Block.CHOICE: "add"})
    open_case(slack, COORDINATOR, case)
    slack.driver.click_in_modal(COORDINATOR, Action.NEW_WEIGHING)

    view = top_text(slack, COORDINATOR)
    assert in_mrkdwn("weighing_question_head", round=2, number=1) in view and not missing(view)
    assert Action.ANSWER_YES in _buttons(slack, COORDINATOR)


# --- hints that follow the state -------------------------------------------------------------------


def test_question_3_hint_with_veilig_thuis_at_the_table_promises_no_second_melding(slack: LocalSlack) -> None:
    ready_to_weigh(slack)
    walk(slack, COORDINATOR, Y, N)
    alone = top_text(slack, COORDINATOR)
    report_due = t("consequence_report_due", meldnorm=2)
    assert in_mrkdwn("weighing_question_head", round=1, number=3) in alone
    assert in_mrkdwn("hint_answer_line", answers=label(N), consequence=report_due) in alone
    assert in_mrkdwn("with_veilig_thuis") not in alone

    ready_to_weigh(slack, pupil_name="Noor Verzonnen")
    walk(slack, COORDINATOR, Y, Y, REPORT)
    together = top_text(slack, COORDINATOR)
    assert in_mrkdwn("weighing_question_head", round=1, number=3) in together
    assert in_mrkdwn("with_veilig_thuis") in together
    assert in_mrkdwn("consequence_report_due", meldnorm=2) not in together
    assert in_mrkdwn("hint_answer_line", answers=label(N), consequence=t("consequence_report")) in together


def test_question_2_hint_names_disclosure_only_when_a_signal_says_the_child_told_it(slack: LocalSlack) -> None:
    ready_to_weigh(slack)
    walk(slack, COORDINATOR, Y)
    hint = top_text(slack, COORDINATOR)
    assert in_mrkdwn("weighing_question_head", round=1, number=2) in hint
    assert in_mrkdwn("question_2_disclosure") not in hint

    ready_to_weigh(slack, pupil_name="Noor Verzonnen", categories=["disclosure", "behaviour"])
    walk(slack, COORDINATOR, Y)
    hint = top_text(slack, COORDINATOR)
    assert in_mrkdwn("weighing_question_head", round=1, number=2) in hint
    assert in_mrkdwn("question_2_disclosure") in hint


# --- question 5 at the term ------------------------------------------------------------------------


def test_question_5_yes_before_the_term_asks_to_confirm_the_results_are_reached_and_no_is_open_at_once(
    slack: LocalSlack,
) -> None:
    ready_to_weigh(slack)
    walk(slack, COORDINATOR, Y, N, Y, Y, PLAN)  # term 28 December; today is 16 November
    assert {Action.ANSWER_YES, Action.ANSWER_NO} <= _buttons(slack, COORDINATOR)

    slack.driver.click_in_modal(COORDINATOR, Action.ANSWER_YES)
    assert in_mrkdwn("early_confirmation_intro", term=TERM) in top_text(slack, COORDINATOR)
    refused = slack.driver.submit(COORDINATOR, {Block.RATIONALE: RATIONALE, Block.MONITORING: "Mentor volgt."})
    assert set(refused.json["errors"]) == {Block.EARLY_CONFIRMATION}
    slack.driver.submit(
        COORDINATOR, {Block.RATIONALE: RATIONALE, Block.MONITORING: "Mentor volgt.", Block.EARLY_CONFIRMATION: ["yes"]}
    )
    with slack.services.db.transaction() as session:
        assert session.scalars(select(Case.close_reason)).one() == "help_succeeded"
        answered = session.scalars(select(AuditEvent).where(AuditEvent.action == "question_answered")).all()[-1]
    assert answered.detail["before_term"] is True


def test_question_5_no_may_be_given_before_the_term_when_things_got_worse(slack: LocalSlack) -> None:
    ready_to_weigh(slack)
    walk(slack, COORDINATOR, Y, N, Y, Y, PLAN)  # term 28 December; today is 16 November

    slack.driver.click_in_modal(COORDINATOR, Action.ANSWER_NO)
    # No confirmation is asked for "nee".
    assert in_mrkdwn("early_confirmation_intro", term=TERM) not in top_text(slack, COORDINATOR)
    slack.driver.submit(COORDINATOR, {Block.RATIONALE: RATIONALE})

    with slack.services.db.transaction() as session:
        assert session.scalars(select(Case.state)).one() == "report_due"  # a melding under meldnorm 3 is due


# --- after a melding under meldnorm 1: close, or go on with Veilig Thuis -----------------------------


def test_coordinator_may_close_after_veilig_thuis_fed_back_on_question_2s_melding(slack: LocalSlack) -> None:
    case = ready_to_weigh(slack)
    walk(slack, COORDINATOR, Y, Y, REPORT)
    assert Action.CLOSE_CASE not in _buttons(slack, COORDINATOR)  # Veilig Thuis has not fed back yet

    walk(slack, COORDINATOR, FEEDBACK)
    view = top_text(slack, COORDINATOR)
    assert in_mrkdwn("now_weighing_handed_over") in view
    assert in_mrkdwn("weighing_question_head", round=1, number=3) in view
    assert {Action.CLOSE_CASE, Action.ANSWER_YES} <= _buttons(slack, COORDINATOR)
    slack.driver.click_in_modal(COORDINATOR, Action.CLOSE_CASE)
    slack.driver.submit(
        COORDINATOR, {Block.CLOSE_NOTE: "Veilig Thuis doet onderzoek.", Block.MONITORING: "Mentor volgt."}
    )

    with slack.services.db.transaction() as session:
        closed = session.get(Case, int(case))
        weighing = session.scalars(select(Weighing)).one()
        assert closed is not None and (closed.state, closed.close_reason) == ("closed", "handed_over")
        assert (weighing.stage, weighing.outcome) == ("finished", "report")


def test_idle_reminder_waits_while_veilig_thuis_holds_the_step_and_comes_once_the_school_does(
    slack: LocalSlack,
) -> None:
    ready_to_weigh(slack)
    walk(slack, COORDINATOR, Y, Y, REPORT)  # Monday 16 November: Veilig Thuis decides and feeds back

    at(slack, "2026-12-14")  # four weeks later: only the feedback reminder has come
    assert texts(slack, COORDINATOR, IDLE) == []
    open_case(slack, COORDINATOR, "1")
    walk(slack, COORDINATOR, FEEDBACK)  # now the school holds the next step again

    at(slack, "2026-12-28")
    assert texts(slack, COORDINATOR, IDLE) == []
    at(slack, "2026-12-29")  # ten working days after 14 December: Christmas Day falls between
    assert len(texts(slack, COORDINATOR, IDLE)) == 1


def test_a_new_weighing_is_the_schools_step_while_an_earlier_melding_still_awaits_feedback(
    slack: LocalSlack,
) -> None:
    case = ready_to_weigh(slack)
    walk(slack, COORDINATOR, Y, N, N, REPORT)  # meldnorm 2, Monday 16 November; no feedback yet
    register(slack.driver, TEACHER_2)  # a new signal about the same pupil
    slack.driver.submit(TEACHER_2, {Block.CHOICE: "add"})
    at(slack, "2026-11-17", 10, 0)
    open_case(slack, COORDINATOR, case)
    slack.driver.click_in_modal(COORDINATOR, Action.NEW_WEIGHING)  # Tuesday: the school weighs again

    at(slack, "2026-11-30")
    assert texts(slack, COORDINATOR, IDLE) == []
    at(slack, "2026-12-01")  # ten working days after 17 November
    assert len(texts(slack, COORDINATOR, IDLE)) == 1
