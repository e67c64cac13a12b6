"""Steps 2 and 3, the case view and the guards around the process, end to end through Slack."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from bot.catalogue import t
from bot.devtools.local import LocalSlack
from bot.documents.dates import show_date
from bot.documents.dialogs import Form
from bot.documents.labels import label
from bot.flows.rules.framework import Answer
from bot.flows.rules.validation import TEXT_LIMITS
from bot.flows.steps.desk import Due
from bot.flows.steps.dossier import NOT_IN_TIMELINE
from bot.flows.vocabulary import AuditAction, ConsultationKind, SignalCategory
from bot.slack.ids import Action, Block
from storage.models import (
    AuditEvent,
    Case,
    Consultation,
    Conversation,
    Report,
    Signal,
    TeamMember,
    Weighing,
    WeighingAnswer,
)
from tests.conftest import COORDINATOR, COORDINATOR_2, OTHER_SCHOOL_TEACHER, TEACHER, TEACHER_2
from tests.e2e.casework import (
    PLAN,
    RATIONALE,
    answer,
    case_id,
    chat_traffic,
    in_json,
    open_case,
    ready_to_weigh,
    registered_and_taken,
    top_text,
    walk,
)
from tests.e2e.steps import GROUP, PUPIL_NAME, register, signal_values
from tests.e2e.test_registration import submission
from tests.shown import in_mrkdwn, in_plain

Y, N = Answer.YES, Answer.NO


def count(slack: LocalSlack, model: type, *where: Any) -> int:
    with slack.services.db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def recorded_at(slack: LocalSlack, action: AuditAction) -> datetime:
    """When the (one) event of this kind happened: the date its timeline line shows."""
    with slack.services.db.transaction() as session:
        return session.scalars(select(AuditEvent.at).where(AuditEvent.action == action)).one()


# --- taking ----------------------------------------------------------------------------------


def test_second_coordinator_is_told_who_took_it_when_both_click_take(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)
    slack.driver.click_in_messages(COORDINATOR, Action.TAKE_CASE)
    slack.driver.click(COORDINATOR_2, Action.TAKE_CASE, case_id(slack))  # from a stale notification

    assert in_mrkdwn("error_already_taken", user_id=COORDINATOR) in top_text(slack, COORDINATOR_2)
    slack.driver.click(COORDINATOR, Action.TAKE_CASE, case_id(slack))  # a double click
    assert count(slack, AuditEvent, AuditEvent.action == "case_taken") == 1
    taken = in_mrkdwn("notice_case_taken", reference="MC-2026-0001")
    assert sum(m["text"] == taken for m in slack.fake.client(TEACHER).messages) == 1


def test_an_unclaimed_case_waits_on_the_desk_and_is_taken_from_it(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)

    slack.driver.open_home(COORDINATOR)

    home = json.dumps(slack.fake.client(COORDINATOR).home, ensure_ascii=False)
    pupil = t("desk_pupil", name=PUPIL_NAME, group=GROUP)
    line = in_mrkdwn("desk_case_line", reference="MC-2026-0001", pupil=pupil, due=label(Due.TO_TAKE))
    assert line in home and in_mrkdwn("desk_group_count", group=label(Due.TO_TAKE), count=1) in home
    assert Action.TAKE_CASE in home and Action.OPEN_CASE not in home

    slack.driver.click_in_home(COORDINATOR, Action.TAKE_CASE)

    assert in_mrkdwn("dossier_not_taken") not in top_text(slack, COORDINATOR)  # the case view, taken
    again = json.dumps(slack.fake.client(COORDINATOR).home, ensure_ascii=False)  # the Home, drawn again
    assert in_mrkdwn("desk_case_line", reference="MC-2026-0001", pupil=pupil, due=label(Due.STEPS)) in again
    assert Action.TAKE_CASE not in again and Action.OPEN_CASE in again
    assert count(slack, AuditEvent, AuditEvent.action == "case_taken") == 1


def test_case_is_taken_when_notice_was_still_queued_and_the_message_goes_out_taken(slack: LocalSlack) -> None:
    slack.fake.fail("chat.postMessage", times=10)  # Slack is down: the notices wait in the outbox
    register(slack.driver, TEACHER)
    slack.fake.heal()
    slack.driver.click(COORDINATOR, Action.OPEN_CASE, case_id(slack))
    slack.driver.click_in_modal(COORDINATOR, Action.TAKE_CASE)

    slack.services.clock.advance(timedelta(hours=1))  # past the retry backoff
    slack.flush()

    [notice] = slack.fake.client(COORDINATOR_2).messages
    registered = in_mrkdwn("notice_case_registered", reference="MC-2026-0001")
    assert notice["text"] == registered + "\n" + in_mrkdwn("notice_taken_by", user_id=COORDINATOR)


# --- step 2 ----------------------------------------------------------------------------------


def test_consultation_is_recorded_and_the_case_view_redrawn_when_coordinator_saves_it(slack: LocalSlack) -> None:
    registered_and_taken(slack)

    slack.driver.click_in_modal(COORDINATOR, Action.RECORD_CONSULTATION)
    slack.driver.submit(
        COORDINATOR,
        {
            Block.KIND: "veilig_thuis",
            Block.HELD_ON: "2026-11-16",
            Block.OUTCOME: "Advies: gesprek met moeder voeren.",
            Block.SPECIAL_FORM: "no",
        },
    )

    assert count(slack, Consultation) == 1
    overview = top_text(slack, COORDINATOR)
    recorded = t("timeline_consultation_recorded", kind=label(ConsultationKind.VEILIG_THUIS_ADVICE))
    when = show_date(recorded_at(slack, AuditAction.CONSULTATION_RECORDED))
    assert in_plain("section_button_consultations", count=1) in overview
    assert in_mrkdwn("timeline_line", date=when, actor_id=COORDINATOR, what=recorded) in overview


def test_bot_says_to_call_veilig_thuis_directly_when_honour_related_violence_is_suspected(slack: LocalSlack) -> None:
    registered_and_taken(slack)

    slack.driver.click_in_modal(COORDINATOR, Action.RECORD_CONSULTATION)
    slack.driver.submit(
        COORDINATOR,
        {
            Block.KIND: "internal_support",
            Block.HELD_ON: "2026-11-16",
            Block.OUTCOME: "Zorgen over een reis naar het buitenland.",
            Block.SPECIAL_FORM: "yes",
        },
    )

    advice = top_text(slack, COORDINATOR)
    assert in_json(in_mrkdwn("special_form_advice", reference="MC-2026-0001")) in advice
    slack.driver.close(COORDINATOR)
    assert in_mrkdwn("special_form_banner") in top_text(slack, COORDINATOR)  # the case view keeps the warning


def test_colleague_is_asked_for_when_consultation_with_a_colleague_names_none(slack: LocalSlack) -> None:
    registered_and_taken(slack)
    slack.driver.click_in_modal(COORDINATOR, Action.RECORD_CONSULTATION)

    refused = slack.driver.submit(
        COORDINATOR, {Block.KIND: "colleague", Block.HELD_ON: "2026-11-17", Block.OUTCOME: " "}
    )

    assert set(refused.json["errors"]) == {Block.COLLEAGUE_ID, Block.HELD_ON, Block.OUTCOME}
    assert count(slack, Consultation) == 0


def test_team_member_gets_access_to_this_case_only_and_loses_it_when_removed(slack: LocalSlack) -> None:
    first = registered_and_taken(slack)
    register(slack.driver, TEACHER, pupil_name="Tim Anderkind", pupil_group="groep 3")
    second = case_id(slack)
    open_case(slack, COORDINATOR, first)

    slack.driver.click_in_modal(COORDINATOR, Action.SET_TEAM)
    slack.driver.submit(COORDINATOR, {Block.TEAM: [TEACHER_2]})

    [dm] = slack.fake.client(TEACHER_2).messages
    assert dm["text"] == in_mrkdwn("notice_team_added", reference="MC-2026-0001") and PUPIL_NAME not in json.dumps(dm)
    open_case(slack, TEACHER_2, first)
    assert PUPIL_NAME in top_text(slack, TEACHER_2)
    open_case(slack, TEACHER_2, second)
    assert in_mrkdwn("error_no_access") in top_text(slack, TEACHER_2)

    open_case(slack, COORDINATOR, first)
    slack.driver.click_in_modal(COORDINATOR, Action.SET_TEAM)
    slack.driver.submit(COORDINATOR, {Block.TEAM: []})
    open_case(slack, TEACHER_2, first)
    assert in_mrkdwn("error_no_access") in top_text(slack, TEACHER_2)
    assert count(slack, TeamMember) == 0


# --- step 3 ----------------------------------------------------------------------------------


def test_refused_consent_is_recorded_as_a_signal_when_parents_refuse(slack: LocalSlack) -> None:
    registered_and_taken(slack)
    assert in_mrkdwn("age_guidance_under_12") in top_text(slack, COORDINATOR)

    slack.driver.click_in_modal(COORDINATOR, Action.RECORD_CONVERSATION)
    slack.driver.submit(
        COORDINATOR,
        {
            Block.WITH_WHOM: "parents",
            Block.HELD_ON: "2026-11-16",
            Block.PARTICIPANTS: "moeder, zorgcoördinator",
            Block.SHARED: "De zorgen over de blauwe plekken.",
            Block.REACTION: "Moeder werd boos.",
            Block.CONSENT: "refused",
            Block.HOUSEHOLD: "Een broertje van 3; moeder zorgt.",
        },
    )

    assert count(slack, Conversation) == 1
    with slack.services.db.transaction() as session:
        refusal = session.scalars(select(Signal).where(Signal.origin == "consent_refused")).one()
        assert refusal.categories == ["parent"] and refusal.reporter_id == COORDINATOR
    assert in_plain("dossier_signals", count=2) in top_text(slack, COORDINATOR)


def test_skipping_the_conversation_needs_a_reason_and_a_note(slack: LocalSlack) -> None:
    registered_and_taken(slack)
    slack.driver.click_in_modal(COORDINATOR, Action.SKIP_CONVERSATION)

    refused = slack.driver.submit(COORDINATOR, {Block.SKIP_NOTE: "   "})
    assert set(refused.json["errors"]) == {Block.SKIP_REASON, Block.SKIP_NOTE}

    slack.driver.submit(
        COORDINATOR, {Block.SKIP_REASON: "losing_contact", Block.SKIP_NOTE: "Gezin verhuist bij onrust."}
    )
    with slack.services.db.transaction() as session:
        skipped = session.scalars(select(Conversation)).one()
        assert (skipped.skip_reason, skipped.with_whom) == ("losing_contact", None)


# --- weighing again ------------------------------------------------------------------------


def test_new_signal_on_a_weighed_case_offers_a_new_weighing_and_keeps_the_old_answers(slack: LocalSlack) -> None:
    case = ready_to_weigh(slack)
    walk(slack, COORDINATOR, Y, N, Y, Y, PLAN)
    assert in_plain("button_new_weighing") not in top_text(slack, COORDINATOR)

    slack.driver.command(TEACHER_2)  # a colleague sees something new about the same pupil
    slack.driver.submit(TEACHER_2, {Block.ROUTE: "home", Block.ACUTE: "no"})
    slack.driver.submit(TEACHER_2, signal_values(observed="Nieuwe plekken op de rug."))
    slack.driver.submit(TEACHER_2, {Block.CHOICE: "add"})
    open_case(slack, COORDINATOR, case)
    assert in_plain("button_new_weighing") in top_text(slack, COORDINATOR)
    slack.driver.click_in_modal(COORDINATOR, Action.NEW_WEIGHING)

    overview = top_text(slack, COORDINATOR)
    assert in_mrkdwn("weighing_question_head", round=2, number=1) in overview
    walk(slack, COORDINATOR, Y, Y)
    with slack.services.db.transaction() as session:
        assert [w.round for w in session.scalars(select(Weighing).order_by(Weighing.round))] == [1, 2]
        assert session.scalar(select(func.count()).select_from(WeighingAnswer)) == 6  # 4 earlier + 2 new
        assert session.get(Case, int(case)).state == "report_due"  # type: ignore[union-attr]


# --- the case view -------------------------------------------------------------------------


def test_case_view_stays_within_slacks_limits_and_pages_the_timeline_when_fifty_events(slack: LocalSlack) -> None:
    ready_to_weigh(slack)
    for number in range(25):
        slack.driver.click_in_modal(COORDINATOR, Action.RECORD_CONSULTATION)
        slack.driver.submit(
            COORDINATOR,
            {
                Block.KIND: "youth_doctor",
                Block.HELD_ON: "2026-11-16",
                Block.OUTCOME: f"Overleg {number}: " + "x" * 2900,
            },
        )
    for number in range(20):
        register(slack.driver, TEACHER_2, observed=f"Signaal {number} " + "y" * 2900)
        slack.driver.submit(TEACHER_2, {Block.CHOICE: "add"})
    open_case(slack, COORDINATOR, case_id(slack))

    overview = slack.fake.top_modal(COORDINATOR)
    assert overview is not None and len(overview["blocks"]) <= 100
    events = count(
        slack, AuditEvent, AuditEvent.case_id == int(case_id(slack)), AuditEvent.action.not_in(NOT_IN_TIMELINE)
    )
    shown = top_text(slack, COORDINATOR)
    assert in_plain("section_button_timeline", count=events) in shown
    heads = [
        in_mrkdwn(
            "dossier_signal_head",
            number=n,
            date=show_date(date(2026, 11, 13)),
            categories=label(SignalCategory.PHYSICAL),
        )
        for n in range(1, 22)  # the first signal and the 20 added to it
    ]
    drawn = sum(head in shown for head in heads)
    assert 0 < drawn < 21 and in_mrkdwn("dossier_more", count=21 - drawn) in shown
    slack.driver.click_in_modal(COORDINATOR, Action.SHOW_TIMELINE)
    first_page = slack.fake.top_modal(COORDINATOR)
    assert first_page is not None and first_page["callback_id"] == Form.SECTION
    page = {"reference": "MC-2026-0001", "total": events}
    assert in_mrkdwn("section_head", first=1, last=25, **page) in top_text(slack, COORDINATOR)
    slack.driver.click_in_modal(COORDINATOR, Action.PAGE_OLDER)
    assert in_mrkdwn("section_head", first=26, last=50, **page) in top_text(slack, COORDINATOR)
    assert len(slack.fake.client(COORDINATOR).modals) == 2  # paged in place, not pushed
    slack.driver.close(COORDINATOR)
    slack.driver.click_in_modal(COORDINATOR, Action.SHOW_CONSULTATIONS)
    consultations = slack.fake.top_modal(COORDINATOR)
    assert consultations is not None and len(consultations["blocks"]) <= 100
    assert "Overleg 24: " in top_text(slack, COORDINATOR)  # newest first


# --- guards --------------------------------------------------------------------------------


def test_question_out_of_turn_is_refused_when_clicked_from_a_crafted_button(slack: LocalSlack) -> None:
    case = ready_to_weigh(slack)
    answer(slack, COORDINATOR, Y)

    slack.driver.click(COORDINATOR, Action.ANSWER_YES, f"{case}:3")

    assert in_mrkdwn("error_not_this_question", expected=2) in top_text(slack, COORDINATOR)
    assert count(slack, WeighingAnswer) == 1


def test_forged_answer_submission_is_refused_when_the_question_is_not_asked_now(slack: LocalSlack) -> None:
    case = ready_to_weigh(slack)
    slack.driver.click_in_modal(COORDINATOR, Action.ANSWER_YES)
    forged = dict(slack.fake.top_modal(COORDINATOR) or {})
    forged["private_metadata"] = json.dumps({"case": int(case), "question": 4, "answer": "yes"})
    slack.fake.client(COORDINATOR).modals[-1] = forged

    slack.driver.submit(COORDINATOR, {Block.RATIONALE: RATIONALE})

    assert in_mrkdwn("error_not_this_question", expected=1) in top_text(slack, COORDINATOR)
    assert count(slack, WeighingAnswer) == 0


def test_closing_is_refused_when_no_reason_is_given_or_the_case_is_not_reported(slack: LocalSlack) -> None:
    case = ready_to_weigh(slack)

    slack.driver.click(COORDINATOR, Action.CLOSE_CASE, case)  # crafted: closing is for after a melding
    assert in_mrkdwn("error_step_not_allowed") in top_text(slack, COORDINATOR)
    open_case(slack, COORDINATOR, case)

    walk(slack, COORDINATOR, Y, N, N, "report")
    slack.driver.click_in_modal(COORDINATOR, Action.RECORD_FEEDBACK)
    slack.driver.submit(COORDINATOR, {Block.FEEDBACK_ON: "2026-11-16", Block.FEEDBACK: "Veilig Thuis start onderzoek."})
    # Question 3 answered no: melding under meldnorm 2, on the date the report form gave.
    reported = in_mrkdwn("now_reported_feedback", date=show_date(date(2026, 11, 16)), meldnorm=2)
    assert reported in top_text(slack, COORDINATOR)
    slack.driver.click_in_modal(COORDINATOR, Action.CLOSE_CASE)
    refused = slack.driver.submit(COORDINATOR, {Block.CLOSE_NOTE: "  "})
    assert set(refused.json["errors"]) == {Block.CLOSE_NOTE, Block.MONITORING}
    closing = {Block.CLOSE_NOTE: "Veilig Thuis heeft het onderzoek overgenomen.", Block.MONITORING: "Mentor volgt."}
    slack.driver.submit(COORDINATOR, closing)
    with slack.services.db.transaction() as session:
        closed = session.get(Case, int(case))
        assert closed is not None and (closed.state, closed.close_reason) == ("closed", "handed_over")


def test_feedback_is_offered_only_while_a_melding_awaits_it_and_recorded_once(slack: LocalSlack) -> None:
    case = ready_to_weigh(slack)
    slack.driver.click(COORDINATOR, Action.RECORD_FEEDBACK, case)  # crafted: there is no melding yet
    assert in_mrkdwn("error_step_not_allowed") in top_text(slack, COORDINATOR)

    open_case(slack, COORDINATOR, case)
    walk(slack, COORDINATOR, Y, Y, "report")  # question 2's melding: the weighing goes on with Veilig Thuis
    assert f'"{Action.RECORD_FEEDBACK}"' in top_text(slack, COORDINATOR)
    slack.driver.click_in_modal(COORDINATOR, Action.RECORD_FEEDBACK)
    form = slack.fake.top_modal(COORDINATOR)
    values = {Block.FEEDBACK_ON: "2026-11-16", Block.FEEDBACK: "Veilig Thuis start onderzoek."}
    slack.driver.submit(COORDINATOR, values)
    slack.fake.client(COORDINATOR).modals.append(form)  # the same form again: a double submit
    slack.driver.submit(COORDINATOR, values)
    slack.driver.click(COORDINATOR_2, Action.RECORD_FEEDBACK, case)  # another coordinator, a stale button

    assert in_mrkdwn("error_step_not_allowed") in top_text(slack, COORDINATOR_2)
    with slack.services.db.transaction() as session:
        [report] = session.scalars(select(Report)).all()
        assert report.feedback_by == COORDINATOR
        audited = session.scalars(select(AuditEvent).where(AuditEvent.action == "feedback_recorded")).all()
        assert len(audited) == 1
    open_case(slack, COORDINATOR, case)
    assert f'"{Action.RECORD_FEEDBACK}"' not in top_text(slack, COORDINATOR)


def test_rationale_is_required_and_kept_whole_when_answering(slack: LocalSlack) -> None:
    ready_to_weigh(slack)
    slack.driver.click_in_modal(COORDINATOR, Action.ANSWER_YES)

    blank = slack.driver.submit(COORDINATOR, {Block.RATIONALE: " "})
    long = slack.driver.submit(COORDINATOR, {Block.RATIONALE: "z" * 3001})

    assert set(blank.json["errors"]) == {Block.RATIONALE}
    too_long = in_plain("error_too_long", length=3001, limit=TEXT_LIMITS[Block.RATIONALE])
    assert long.json["errors"][Block.RATIONALE] == too_long
    assert count(slack, WeighingAnswer) == 0


# --- concurrency ---------------------------------------------------------------------------


def test_one_answer_wins_and_the_other_coordinator_sees_it_when_both_answer_at_once(slack: LocalSlack) -> None:
    case = ready_to_weigh(slack)
    open_case(slack, COORDINATOR_2, case)
    slack.driver.click_in_modal(COORDINATOR, Action.ANSWER_YES)
    slack.driver.click_in_modal(COORDINATOR_2, Action.ANSWER_NO)
    payloads = {
        COORDINATOR: submission(slack, COORDINATOR, {Block.RATIONALE: RATIONALE}),
        COORDINATOR_2: submission(slack, COORDINATOR_2, {Block.RATIONALE: RATIONALE}),
    }
    answers: dict[str, dict[str, Any]] = {}

    threads = [
        threading.Thread(target=lambda u=u, p=p: answers.__setitem__(u, slack.driver.interactive(p).json))
        for u, p in payloads.items()
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    with slack.services.db.transaction() as session:
        [winner] = session.scalars(select(WeighingAnswer)).all()
    loser = COORDINATOR_2 if winner.answered_by == COORDINATOR else COORDINATOR
    told = json.dumps(answers[loser], ensure_ascii=False)
    given = label(Answer(winner.answer))
    assert in_mrkdwn("error_already_answered", question=1, user_id=winner.answered_by, answer=given) in told
    assert answers[winner.answered_by] == {}  # the winner's form simply closed


def test_one_answer_is_stored_when_the_same_form_is_submitted_twice(slack: LocalSlack) -> None:
    ready_to_weigh(slack)
    slack.driver.click_in_modal(COORDINATOR, Action.ANSWER_YES)
    payload = submission(slack, COORDINATOR, {Block.RATIONALE: RATIONALE})

    first, second = slack.driver.interactive(payload), slack.driver.interactive(payload)

    assert first.status == second.status == 200 and first.json == second.json == {}
    assert count(slack, WeighingAnswer) == 1
    assert count(slack, AuditEvent, AuditEvent.action == "director_informed") == 1
    informed = in_mrkdwn("notice_director_informed", reference="MC-2026-0001")
    assert sum(m["text"] == informed for m in slack.fake.client("UDIRECT01").messages) == 1


def test_nothing_about_the_pupil_reaches_a_chat_when_a_whole_case_is_worked(slack: LocalSlack) -> None:
    ready_to_weigh(slack)
    slack.driver.click_in_modal(COORDINATOR, Action.SET_TEAM)
    slack.driver.submit(COORDINATOR, {Block.TEAM: [TEACHER_2, OTHER_SCHOOL_TEACHER]})
    walk(slack, COORDINATOR, Y, N, Y, Y, PLAN, Y)

    traffic = chat_traffic(slack)
    assert PUPIL_NAME not in traffic and RATIONALE not in traffic
    assert "MC-2026-0001" in traffic
