"""Nazorg: closing with monitoring agreements asks for a follow-up date; on that school morning the
coordinator is asked how the pupil is doing now (Goed, Nieuw signaal, Nog volgen), once."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.devtools.local import LocalSlack
from bot.flows.ports import ManualClock
from bot.flows.rules.framework import Answer
from bot.flows.vocabulary import ReminderKind, ReminderState
from bot.slack.ids import Action, Block
from storage.models import AuditEvent, Case, Reminder
from tests.conftest import COORDINATOR, TEACHER
from tests.e2e.casework import CLOSE, FEEDBACK, PLAN, REPORT, answer, ready_to_weigh, top_text, walk
from tests.e2e.steps import GROUP, PUPIL_NAME, signal_values
from tests.shown import in_mrkdwn, in_plain

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _on(slack: LocalSlack, day: str) -> None:
    clock = slack.services.clock
    assert isinstance(clock, ManualClock)
    clock.move_to(datetime.fromisoformat(day).replace(hour=10, tzinfo=AMSTERDAM))
    slack.sweep()


def _asked(slack: LocalSlack) -> list[dict[str, object]]:
    """Every time the question was posted (only the coordinator gets it; an answered one is changed in place)."""
    question = in_mrkdwn("reminder_follow_up", reference="MC-2026-0001")
    return [c.params for c in slack.fake.calls_to("chat.postMessage") if c.params.get("text") == question]


def _follow_up(slack: LocalSlack) -> Reminder | None:
    with slack.services.db.reading() as session:
        return session.scalars(select(Reminder).where(Reminder.kind == ReminderKind.FOLLOW_UP)).first()


def test_handed_over_the_coordinator_is_asked_on_the_date_once_and_good_ends_it(slack: LocalSlack) -> None:
    ready_to_weigh(slack)
    walk(slack, COORDINATOR, Answer.YES, Answer.YES, REPORT, FEEDBACK)
    slack.driver.click_in_modal(COORDINATOR, Action.CLOSE_CASE)
    assert in_mrkdwn("hint_follow_up")[:40] in top_text(slack, COORDINATOR)  # the date is asked, proposed
    slack.driver.close(COORDINATOR)
    walk(slack, COORDINATOR, CLOSE)  # with the proposed date: thirteen weeks on, 15 February

    _on(slack, "2027-02-12")
    assert _asked(slack) == []
    _on(slack, "2027-02-15")
    [asked] = _asked(slack)
    assert PUPIL_NAME not in json.dumps(asked, ensure_ascii=False)  # a reference only

    slack.driver.click_in_messages(COORDINATOR, Action.FOLLOW_UP_GOOD)

    done = in_mrkdwn("nazorg_done_good", reference="MC-2026-0001")
    assert done in [m["text"] for m in slack.fake.client(COORDINATOR).messages]
    follow_up = _follow_up(slack)
    assert follow_up is not None and follow_up.state == ReminderState.DONE
    for day in ("2027-02-22", "2027-03-15"):
        _on(slack, day)
    assert len(_asked(slack)) == 1  # once
    with slack.services.db.reading() as session:
        [event] = session.scalars(select(AuditEvent).where(AuditEvent.action == "follow_up_recorded")).all()
    assert (event.actor_id, event.detail) == (COORDINATOR, {"outcome": "good"})


def test_help_that_succeeded_is_followed_and_nog_volgen_asks_again_later(slack: LocalSlack) -> None:
    ready_to_weigh(slack)
    walk(slack, COORDINATOR, Answer.YES, Answer.NO, Answer.YES, Answer.YES, PLAN, Answer.YES)  # closed, help worked
    _on(slack, "2027-02-15")
    assert len(_asked(slack)) == 1

    slack.driver.click_in_messages(COORDINATOR, Action.POSTPONE_REMINDER)  # "Nog volgen"
    slack.driver.submit(COORDINATOR, {Block.UNTIL: "2027-04-12", Block.POSTPONE_REASON: "Na de meivakantie kijken."})

    _on(slack, "2027-04-09")
    assert len(_asked(slack)) == 1
    _on(slack, "2027-04-12")
    assert len(_asked(slack)) == 2


def test_a_no_on_question_1_asks_for_a_date_only_if_worries_remain(slack: LocalSlack) -> None:
    ready_to_weigh(slack)
    answer(slack, COORDINATOR, Answer.NO)  # no date: no nazorg
    assert _follow_up(slack) is None

    ready_to_weigh(slack, pupil_name="Tweede Verzonnen")
    answer(slack, COORDINATOR, Answer.NO, **{Block.FOLLOW_UP: "2027-01-11"})  # worries remain: look again

    follow_up = _follow_up(slack)
    assert follow_up is not None and follow_up.state == ReminderState.SCHEDULED
    assert follow_up.due_at.astimezone(AMSTERDAM).date().isoformat() == "2027-01-11"


def test_a_new_signal_from_nazorg_opens_the_form_for_the_same_pupil_and_makes_a_new_case(slack: LocalSlack) -> None:
    ready_to_weigh(slack)
    walk(slack, COORDINATOR, Answer.YES, Answer.YES, REPORT, FEEDBACK, CLOSE)
    _on(slack, "2027-02-15")

    slack.driver.click_in_messages(COORDINATOR, Action.FOLLOW_UP_SIGNAL)

    form = top_text(slack, COORDINATOR)
    assert PUPIL_NAME in form and GROUP in form  # filled in: in the modal only
    said = in_mrkdwn("nazorg_done_new_signal", reference="MC-2026-0001")
    assert said in [m["text"] for m in slack.fake.client(COORDINATOR).messages]
    values = signal_values(observed_on="2027-02-15")
    del values[Block.PUPIL_NAME], values[Block.PUPIL_GROUP]  # as the form holds them
    slack.driver.submit(COORDINATOR, values)
    with slack.services.db.reading() as session:
        cases = [(c.reference, c.state) for c in session.scalars(select(Case).order_by(Case.id))]
    assert cases == [("MC-2026-0001", "closed"), ("MC-2027-0001", "new")]


def test_a_forwarded_nazorg_button_does_nothing_for_a_teacher_and_a_date_in_the_past_is_refused(
    slack: LocalSlack,
) -> None:
    ready_to_weigh(slack)
    walk(slack, COORDINATOR, Answer.YES, Answer.YES, REPORT, FEEDBACK)
    slack.driver.click_in_modal(COORDINATOR, Action.CLOSE_CASE)
    refused = slack.driver.submit(
        COORDINATOR,
        {Block.CLOSE_NOTE: "Overgenomen.", Block.MONITORING: "Mentor volgt.", Block.FOLLOW_UP: "2026-11-01"},
    )
    assert refused.json["errors"] == {Block.FOLLOW_UP: in_plain("error_follow_up_date")}
    slack.driver.submit(COORDINATOR, {Block.CLOSE_NOTE: "Overgenomen.", Block.MONITORING: "Mentor volgt."})
    _on(slack, "2027-02-15")
    follow_up = _follow_up(slack)
    assert follow_up is not None

    slack.driver.click(TEACHER, Action.FOLLOW_UP_GOOD, str(follow_up.id))

    assert in_mrkdwn("error_no_access") in top_text(slack, TEACHER)
    assert (_follow_up(slack) or follow_up).state == ReminderState.WAITING
    with slack.services.db.reading() as session:
        refusals = session.scalars(select(AuditEvent).where(AuditEvent.action == "access_refused")).all()
    assert [(e.actor_id, e.case_id) for e in refusals] == [(TEACHER, 1)]
