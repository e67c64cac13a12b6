"""What a reminder's message lets its reader do right there, decided once for every platform.

The message carries the case reference and the step; its actions are those of the reminder's
step. Escalations to the director inform only: the director is told, not asked to act.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.flows.rules import framework
from bot.flows.rules.framework import Answer
from bot.flows.vocabulary import ReminderKind, Role


class Act(StrEnum):
    ANSWER = "answer"  # question 5 of the afwegingskader, with `answer`
    RECORD_FEEDBACK = "record_feedback"
    CONFIRM_REFERRAL = "confirm_referral"
    TAKE = "take"
    NOT_YET = "not_yet"
    POSTPONE = "postpone"
    # Nazorg, after closing: how is the child doing now?
    FOLLOW_UP_GOOD = "follow_up_good"  # well: no more follow-up
    NEW_SIGNAL = "new_signal"  # worries again: a new signal, then a new weighing
    KEEP_FOLLOWING = "keep_following"  # not yet clear: ask again on a later date


# Reminders that never climb to a next rung: feedback repeats weekly, the nazorg is asked once.
ONE_RUNG = frozenset({ReminderKind.FEEDBACK, ReminderKind.FOLLOW_UP})


@dataclass(frozen=True)
class Offer:
    act: Act
    answer: Answer | None = None
    primary: bool = False  # the act the reminder asks for


@dataclass(frozen=True)
class ReminderNotice:
    kind: ReminderKind
    escalated: bool  # a rung above the first: its wording says nobody acted
    offers: tuple[Offer, ...]


def reminder_notice(kind: ReminderKind, level: int, role: Role | None) -> ReminderNotice:
    """The message of a reminder of this kind, at this rung, for a reader in this role."""
    escalated = level > 0 and kind not in ONE_RUNG
    if role is Role.DIRECTOR:
        return ReminderNotice(kind, escalated, ())
    offers: list[Offer] = []
    if kind is ReminderKind.EVALUATION:
        offers = [Offer(Act.ANSWER, answer) for answer in framework.CURRENT.question(5).answers]
    elif kind is ReminderKind.FEEDBACK:
        offers = [Offer(Act.RECORD_FEEDBACK, primary=True)]
    elif kind is ReminderKind.REFERRAL:
        offers = [Offer(Act.CONFIRM_REFERRAL, primary=True)]
    elif kind is ReminderKind.NOT_TAKEN:
        offers = [Offer(Act.TAKE, primary=True)]
    if kind is ReminderKind.FOLLOW_UP:
        return ReminderNotice(
            kind, escalated, (Offer(Act.FOLLOW_UP_GOOD, primary=True), Offer(Act.NEW_SIGNAL), Offer(Act.KEEP_FOLLOWING))
        )
    if kind in (ReminderKind.FEEDBACK, ReminderKind.REFERRAL):
        offers.append(Offer(Act.NOT_YET))
    offers.append(Offer(Act.POSTPONE))
    return ReminderNotice(kind, escalated, tuple(offers))
