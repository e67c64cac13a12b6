"""Every deadline of DESIGN §4, with the clock moved forward: it fires on the right working
morning, once, acts from the message, escalates when ignored, and stops when answered."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.devtools.local import LocalSlack
from bot.documents.dates import show_date
from bot.documents.labels import ESCALATED_REMINDERS, REMINDERS, label
from bot.flows.ports import ManualClock
from bot.flows.rules.framework import Answer
from bot.flows.vocabulary import AuditAction, DossierPart, ReminderKind, ReminderState
from bot.slack.ids import Action, Block, show_action
from storage.models import AuditEvent, HelpPlan, Reminder, ReminderPostponement
from tests.conftest import COORDINATOR, COORDINATOR_2, DIRECTOR, OUTSIDER, TEACHER, TEACHER_2
from tests.e2e.casework import (
    RATIONALE,
    case_id,
    chat_traffic,
    filled_in,
    ready_to_weigh,
    record_help_plan,
    record_report,
    top_text,
    walk,
)
from tests.e2e.steps import PUPIL_NAME, register
from tests.shown import in_mrkdwn

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

REFERENCE = "MC-2026-0001"  # each test's (first) case

# Each reminder's message, by its catalogue key.
EVALUATE = REMINDERS[ReminderKind.EVALUATION]
EVALUATE_ESCALATED = ESCALATED_REMINDERS[ReminderKind.EVALUATION]
FEEDBACK = REMINDERS[ReminderKind.FEEDBACK]
REFERRAL = REMINDERS[ReminderKind.REFERRAL]
NOT_TAKEN = REMINDERS[ReminderKind.NOT_TAKEN]
NOT_TAKEN_ESCALATED = ESCALATED_REMINDERS[ReminderKind.NOT_TAKEN]
IDLE = REMINDERS[ReminderKind.IDLE]


def at(slack: LocalSlack, day: str, hour: int = 8, minute: int = 30) -> None:
    """Move the bot's clock to this Dutch local time and run the scheduler's sweep once."""
    clock = slack.services.clock
    assert isinstance(clock, ManualClock)
    local = datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=AMSTERDAM)
    clock.move_to(local)
    slack.sweep()


def is_reminder(text: str, key: str, reference: str = REFERENCE) -> bool:
    """Whether a message is the reminder `key` of this case, with whatever due date it names."""
    return filled_in(text, key, "due", reference=reference) is not None


def a_reminder(text: str, reference: str = REFERENCE) -> bool:
    """Whether a message is any reminder of this case, first or escalated."""
    return any(is_reminder(text, key, reference) for key in (*REMINDERS.values(), *ESCALATED_REMINDERS.values()))


def texts(slack: LocalSlack, user_id: str, key: str) -> list[str]:
    """What the bot posted to this person as this reminder (also if since rewritten in place)."""
    return [
        str(c.params.get("text"))
        for c in slack.fake.calls_to("chat.postMessage")
        if str(c.params.get("channel")).removeprefix("D") == user_id and is_reminder(str(c.params.get("text")), key)
    ]


def morning(day: str, hour: int = 8, minute: int = 30) -> str:
    """A moment as the bot's messages show it."""
    return show_date(datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=AMSTERDAM))


def reminder(slack: LocalSlack, kind: ReminderKind) -> Reminder:
    with slack.services.db.transaction() as session:
        return session.scalars(select(Reminder).where(Reminder.kind == kind)).one()


def events(slack: LocalSlack, action: AuditAction) -> list[AuditEvent]:
    with slack.services.db.transaction() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def help_running(slack: LocalSlack, term: str, **plan: str) -> str:
    """A case whose help plan (casemanager: TEACHER_2) has this term, recorded on 16 November 2026."""
    case = ready_to_weigh(slack)
    walk(slack, COORDINATOR, Answer.YES, Answer.NO, Answer.YES, Answer.YES)
    record_help_plan(slack, COORDINATOR, term=term, **plan)
    return case


def test_evaluation_fires_at_the_term_and_escalates_past_a_holiday_and_stops_when_question_5_is_answered(
    slack: LocalSlack,
) -> None:
    # Friday 14 May 2027; Monday 17 May is Pentecost Monday (Tweede Pinksterdag).
    help_running(slack, "2027-05-14", referral="")

    at(slack, "2027-05-14", 8, 29)
    assert texts(slack, TEACHER_2, EVALUATE) == []
    at(slack, "2027-05-14", 8, 30)
    assert len(texts(slack, TEACHER_2, EVALUATE)) == 1  # the casemanager
    assert len(texts(slack, COORDINATOR, EVALUATE)) == 1  # and the coordinator who took the case
    assert texts(slack, COORDINATOR_2, EVALUATE) == [] and texts(slack, DIRECTOR, EVALUATE) == []
    at(slack, "2027-05-14", 15, 0)
    assert len(texts(slack, TEACHER_2, EVALUATE)) == 1  # once

    # Two working days unanswered: Tuesday 18 is the first (Monday is a holiday), Wednesday 19 the second.
    at(slack, "2027-05-18")
    assert texts(slack, DIRECTOR, EVALUATE_ESCALATED) == []
    at(slack, "2027-05-19")
    [escalation] = texts(slack, DIRECTOR, EVALUATE_ESCALATED)
    assert escalation == in_mrkdwn(EVALUATE_ESCALATED, reference=REFERENCE, due=morning("2027-05-14"))
    [escalated] = events(slack, AuditAction.REMINDER_ESCALATED)
    assert escalated.detail["roles"] == ["director"] and escalated.detail["recipients"] == [DIRECTOR]
    director_message = slack.fake.client(DIRECTOR).messages[-1]
    assert {b["action_id"] for b in _buttons(director_message)} == {Action.OPEN_CASE}  # informs only

    # The casemanager answers question 5 from the reminder itself: "nee", so a melding is due.
    slack.driver.click_in_messages(TEACHER_2, Action.ANSWER_NO)
    form = top_text(slack, TEACHER_2)
    assert in_mrkdwn("answer_modal_question", number=5) in form
    assert in_mrkdwn("answer_modal_given", answer=label(Answer.NO)) in form
    slack.driver.submit(TEACHER_2, {Block.RATIONALE: RATIONALE})

    assert reminder(slack, ReminderKind.EVALUATION).state == ReminderState.DONE
    sent_before = len(slack.fake.calls_to("chat.postMessage"))
    at(slack, "2027-06-30")
    assert len(texts(slack, TEACHER_2, EVALUATE)) == 1 and len(texts(slack, DIRECTOR, EVALUATE_ESCALATED)) == 1
    later = slack.fake.calls_to("chat.postMessage")[sent_before:]
    assert not any(is_reminder(c.params.get("text", ""), EVALUATE) for c in later)


def test_feedback_reminder_counts_working_days_past_easter_repeats_weekly_and_stops_when_recorded(
    slack: LocalSlack,
) -> None:
    ready_to_weigh(slack)
    walk(slack, COORDINATOR, Answer.YES, Answer.YES)  # question 2 yes: melden
    # The melding is made on Thursday 25 March 2027: Good Friday and Easter Monday follow.
    at(slack, "2027-03-25", 10, 0)
    slack.driver.click(COORDINATOR, Action.OPEN_CASE, case_id(slack))
    record_report(slack, COORDINATOR, reported_on="2027-03-25")

    # Five working days: 30 and 31 March, 1, 2 and 5 April.
    at(slack, "2027-04-02")
    assert texts(slack, COORDINATOR, FEEDBACK) == []
    at(slack, "2027-04-05", 8, 29)
    assert texts(slack, COORDINATOR, FEEDBACK) == []
    at(slack, "2027-04-05")
    assert len(texts(slack, COORDINATOR, FEEDBACK)) == 1

    # Not recorded: again a week later, and no escalation to anyone else.
    at(slack, "2027-04-12")
    assert len(texts(slack, COORDINATOR, FEEDBACK)) == 2
    assert texts(slack, DIRECTOR, FEEDBACK) == [] and texts(slack, COORDINATOR_2, FEEDBACK) == []

    # "Nog niet": asked again after three working days; the message says when.
    slack.driver.click_in_messages(COORDINATOR, Action.REMINDER_NOT_YET)
    again = in_mrkdwn("reminder_rescheduled", reference=REFERENCE, due=morning("2027-04-15"))
    # The reminder itself now says so (that Monday's weekly overview came after it).
    assert again in [m["text"] for m in slack.fake.client(COORDINATOR).messages]
    at(slack, "2027-04-15")
    assert len(texts(slack, COORDINATOR, FEEDBACK)) == 3

    # "Terugkoppeling vastleggen" from the reminder opens the form; saving it ends the reminder.
    slack.driver.click_in_messages(COORDINATOR, Action.RECORD_FEEDBACK)
    slack.driver.submit(COORDINATOR, {Block.FEEDBACK_ON: "2027-04-15", Block.FEEDBACK: "Onderzoek gestart."})
    assert reminder(slack, ReminderKind.FEEDBACK).state == ReminderState.DONE
    at(slack, "2027-05-03")
    assert len(texts(slack, COORDINATOR, FEEDBACK)) == 3


@pytest.fixture
def directory():  # type: ignore[no-untyped-def]
    """This module's schools have a Christmas vacation (19 December 2026 to 3 January 2027)."""
    from bot.school_config import parse_directory
    from tests.conftest import SCHOOLS_YAML

    vacation = "    reminders:\n      vacations:\n        - {from: 2026-12-19, to: 2027-01-03}\n"
    yaml = SCHOOLS_YAML.replace(f"    directors: [{DIRECTOR}]\n", f"    directors: [{DIRECTOR}]\n{vacation}")
    return parse_directory(yaml, "test")


def test_new_case_nobody_takes_goes_to_the_coordinators_after_the_vacation_then_to_the_director(
    slack: LocalSlack,
) -> None:
    at(slack, "2026-12-18", 10, 0)  # the last Friday before the Christmas vacation
    register(slack.driver, TEACHER)

    at(slack, "2026-12-21")
    at(slack, "2027-01-01")
    assert texts(slack, COORDINATOR, NOT_TAKEN) == []
    at(slack, "2027-01-04", 8, 30)  # the first working day after the vacation
    assert len(texts(slack, COORDINATOR, NOT_TAKEN)) == 1 and len(texts(slack, COORDINATOR_2, NOT_TAKEN)) == 1
    at(slack, "2027-01-05")
    assert len(texts(slack, DIRECTOR, NOT_TAKEN_ESCALATED)) == 1

    # A coordinator takes it from the reminder: it stops, for everyone.
    slack.driver.click_in_messages(COORDINATOR_2, Action.TAKE_CASE)
    assert reminder(slack, ReminderKind.NOT_TAKEN).state == ReminderState.DONE
    at(slack, "2027-01-12")
    assert len(texts(slack, COORDINATOR, NOT_TAKEN)) == 1 and len(texts(slack, DIRECTOR, NOT_TAKEN_ESCALATED)) == 1


def test_referral_check_reaches_the_casemanager_and_is_confirmed_from_the_message(slack: LocalSlack) -> None:
    help_running(slack, "2027-03-01")  # referred to "Wijkteam Noord" on Monday 16 November

    at(slack, "2026-11-25")
    assert texts(slack, TEACHER_2, REFERRAL) == []
    at(slack, "2026-11-26")  # ten days later
    assert len(texts(slack, TEACHER_2, REFERRAL)) == 1
    assert texts(slack, COORDINATOR, REFERRAL) == []

    slack.driver.click_in_messages(TEACHER_2, Action.CONFIRM_REFERRAL)

    confirmed = in_mrkdwn("reminder_referral_done", reference=REFERENCE)
    assert slack.fake.client(TEACHER_2).messages[-1]["text"] == confirmed
    with slack.services.db.transaction() as session:
        plan = session.scalars(select(HelpPlan)).one()
        assert plan.referral_confirmed_by == TEACHER_2
    assert reminder(slack, ReminderKind.REFERRAL).state == ReminderState.DONE
    at(slack, "2026-12-10")
    assert len(texts(slack, TEACHER_2, REFERRAL)) == 1 and texts(slack, COORDINATOR, REFERRAL) == []


def test_idle_case_reminds_the_coordinator_after_ten_working_days_and_activity_starts_the_count_again(
    slack: LocalSlack,
) -> None:
    ready_to_weigh(slack)  # Monday 16 November 2026

    at(slack, "2026-11-27")
    assert texts(slack, COORDINATOR, IDLE) == []
    at(slack, "2026-11-30")  # ten working days later
    assert len(texts(slack, COORDINATOR, IDLE)) == 1

    slack.driver.click(COORDINATOR, Action.OPEN_CASE, case_id(slack))
    walk(slack, COORDINATOR, Answer.YES)  # activity: the count starts again from today
    at(slack, "2026-12-02")
    assert texts(slack, DIRECTOR, IDLE) == []  # no escalation: the case moved
    at(slack, "2026-12-14")  # ten working days after 30 November
    assert len(texts(slack, COORDINATOR, IDLE)) == 2


def test_postponing_a_reminder_keeps_the_reason_in_the_dossier_and_moves_it_to_that_morning(
    slack: LocalSlack,
) -> None:
    case = help_running(slack, "2027-03-01")
    at(slack, "2026-11-26")  # the referral check reaches the casemanager

    slack.driver.click_in_messages(TEACHER_2, Action.POSTPONE_REMINDER)
    refused = slack.driver.submit(TEACHER_2, {Block.UNTIL: "2026-11-20", Block.POSTPONE_REASON: " "})
    assert set(refused.json["errors"]) == {Block.UNTIL, Block.POSTPONE_REASON}
    reason = "Reden-Geheim: moeder is tot maandag in het ziekenhuis."
    slack.driver.submit(TEACHER_2, {Block.UNTIL: "2026-12-05", Block.POSTPONE_REASON: reason})  # a Saturday

    monday = morning("2026-12-07")  # so: Monday morning
    postponed_to = in_mrkdwn("reminder_rescheduled", reference=REFERENCE, due=monday)
    assert slack.fake.client(TEACHER_2).messages[-1]["text"] == postponed_to
    with slack.services.db.transaction() as session:
        stored = session.scalars(select(ReminderPostponement)).one()
        assert reason not in stored.reason  # sealed
        postponed_at = stored.postponed_at
    [postponed] = events(slack, AuditAction.REMINDER_POSTPONED)
    assert postponed.actor_id == TEACHER_2
    slack.driver.click(COORDINATOR, Action.OPEN_CASE, case)  # the dossier shows it, to those who may read it
    next_one = in_mrkdwn("dossier_next_reminder", kind=label(ReminderKind.REFERRAL), date=monday)
    assert next_one in top_text(slack, COORDINATOR)
    slack.driver.click_in_modal(COORDINATOR, show_action(DossierPart.REMINDERS))
    who_when = in_mrkdwn(
        "reminder_postponed", user_id=TEACHER_2, date=show_date(postponed_at), until=show_date(date(2026, 12, 5))
    )
    assert reason in top_text(slack, COORDINATOR) and who_when in top_text(slack, COORDINATOR)
    at(slack, "2026-12-04")
    assert len(texts(slack, TEACHER_2, REFERRAL)) == 1
    at(slack, "2026-12-07")
    assert len(texts(slack, TEACHER_2, REFERRAL)) == 2
    assert reason not in chat_traffic(slack) and PUPIL_NAME not in chat_traffic(slack)


def test_forwarded_reminder_buttons_give_an_outsider_nothing_and_are_audited(slack: LocalSlack) -> None:
    help_running(slack, "2027-03-01")
    at(slack, "2026-11-26")
    message = slack.fake.client(TEACHER_2).messages[-1]
    reminder_id = next(b["value"] for b in _buttons(message) if b["action_id"] == Action.REMINDER_NOT_YET)

    for action in (Action.REMINDER_NOT_YET, Action.CONFIRM_REFERRAL, Action.POSTPONE_REMINDER):
        slack.driver.click(OUTSIDER, action, reminder_id)
        assert in_mrkdwn("error_no_access") in top_text(slack, OUTSIDER)
    slack.driver.click(DIRECTOR, Action.CONFIRM_REFERRAL, reminder_id)  # the director may read, not act

    assert len(events(slack, AuditAction.ACCESS_REFUSED)) == 4
    assert reminder(slack, ReminderKind.REFERRAL).state == ReminderState.WAITING
    with slack.services.db.transaction() as session:
        assert session.scalars(select(HelpPlan)).one().referral_confirmed_at is None


def test_closing_the_case_ends_every_reminder_it_had(slack: LocalSlack) -> None:
    ready_to_weigh(slack)
    walk(slack, COORDINATOR, Answer.NO)  # question 1 no: the case closes

    with slack.services.db.transaction() as session:
        states = {row.kind: row.state for row in session.scalars(select(Reminder))}
    assert states == {ReminderKind.NOT_TAKEN: ReminderState.DONE, ReminderKind.IDLE: ReminderState.CANCELLED}
    at(slack, "2027-02-01")
    assert not any(a_reminder(m.get("text", "")) for c in slack.fake.clients.values() for m in c.messages)


def _buttons(message: dict[str, object]) -> list[dict[str, str]]:
    blocks = json.loads(json.dumps(message.get("blocks") or []))
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def test_double_clicks_on_a_reminder_record_one_decision(slack: LocalSlack) -> None:
    help_running(slack, "2027-03-01")
    at(slack, "2026-11-26")  # the referral check reaches the casemanager

    reminder_id = str(reminder(slack, ReminderKind.REFERRAL).id)
    slack.driver.click_in_messages(TEACHER_2, Action.REMINDER_NOT_YET)
    slack.driver.click(TEACHER_2, Action.REMINDER_NOT_YET, reminder_id)  # the same button, twice
    slack.driver.click(TEACHER_2, Action.POSTPONE_REMINDER, reminder_id)
    form = slack.fake.top_modal(TEACHER_2)
    values = {Block.UNTIL: "2026-12-10", Block.POSTPONE_REASON: "Gezin is op vakantie."}
    slack.driver.submit(TEACHER_2, values)
    slack.fake.client(TEACHER_2).modals.append(form)  # the same form submitted again
    slack.driver.submit(TEACHER_2, values)

    assert len(events(slack, AuditAction.REMINDER_NOT_YET)) == 1
    assert len(events(slack, AuditAction.REMINDER_POSTPONED)) == 1
    with slack.services.db.transaction() as session:
        assert len(session.scalars(select(ReminderPostponement)).all()) == 1
    assert reminder(slack, ReminderKind.REFERRAL).due_at == datetime(2026, 12, 10, 7, 30, tzinfo=UTC)
