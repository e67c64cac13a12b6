"""What each reminder lets its reader do, decided in the core for every platform (a table test)."""

from __future__ import annotations

import pytest

from bot.flows.rules.framework import Answer
from bot.flows.rules.reminder_offers import Act, Offer, reminder_notice
from bot.flows.vocabulary import ReminderKind, Role

POSTPONE = Offer(Act.POSTPONE)


@pytest.mark.parametrize(
    "kind, offers",
    [
        (ReminderKind.EVALUATION, (Offer(Act.ANSWER, Answer.YES), Offer(Act.ANSWER, Answer.NO), POSTPONE)),
        (ReminderKind.FEEDBACK, (Offer(Act.RECORD_FEEDBACK, primary=True), Offer(Act.NOT_YET), POSTPONE)),
        (ReminderKind.REFERRAL, (Offer(Act.CONFIRM_REFERRAL, primary=True), Offer(Act.NOT_YET), POSTPONE)),
        (ReminderKind.IDLE, (POSTPONE,)),
        (ReminderKind.NOT_TAKEN, (Offer(Act.TAKE, primary=True), POSTPONE)),
        (
            ReminderKind.FOLLOW_UP,
            (Offer(Act.FOLLOW_UP_GOOD, primary=True), Offer(Act.NEW_SIGNAL), Offer(Act.KEEP_FOLLOWING)),
        ),
    ],
)
def test_each_reminder_offers_the_acts_of_its_step_to_those_who_take_it(
    kind: ReminderKind, offers: tuple[Offer, ...]
) -> None:
    for role in (Role.COORDINATOR, Role.CASEMANAGER):
        assert reminder_notice(kind, 0, role).offers == offers


@pytest.mark.parametrize("kind", list(ReminderKind))
def test_an_escalation_to_the_director_informs_and_offers_nothing(kind: ReminderKind) -> None:
    notice = reminder_notice(kind, 1, Role.DIRECTOR)

    climbs = kind not in (ReminderKind.FEEDBACK, ReminderKind.FOLLOW_UP)  # one repeats, one is asked once
    assert notice.offers == () and notice.escalated is climbs
