"""Acting on a reminder, on every platform: "nog niet", "the family started", "going well" change
the reminder's message in place; "herinner me op …" asks for a date first; "new worries" opens the
signal form for the same pupil. Each returns what the reminder's message now says (a `Notice`).

Button values carry the reminder id only; the flow re-reads it and checks the user's right to the
reminder's step.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.documents import dialogs
from bot.documents.dialogs import Dialog
from bot.documents.notices import Does, Notice, followed_up, referral_confirmed, rescheduled
from bot.flows.ports import local_today
from bot.flows.services import Services
from bot.flows.steps import reminder_actions as acting
from bot.flows.vocabulary import FollowUp
from bot.forms import Values, postpone_form, record_id

IN_PLACE: Mapping[Does, Callable[[Services, str, int], Notice]] = {
    Does.NOT_YET: lambda s, u, r: _rescheduled(acting.not_yet(s, u, r)),
    Does.CONFIRM_REFERRAL: lambda s, u, r: _confirmed(acting.confirm_referral(s, u, r)),
    Does.FOLLOW_UP_GOOD: lambda s, u, r: _doing_well(acting.follow_up_good(s, u, r)),
}


def _rescheduled(done: acting.Rescheduled) -> Notice:
    return rescheduled(done.reference, done.case_id, done.due_at)


def _confirmed(done: acting.Rescheduled) -> Notice:
    return referral_confirmed(done.reference, done.case_id)


def _doing_well(done: acting.Rescheduled) -> Notice:
    return followed_up(done.reference, done.case_id, FollowUp.GOOD)


def act(services: Services, user_id: str, reminder_id: int, does: Does) -> Notice:
    """A button whose click is the whole act: what the reminder's message says now."""
    return IN_PLACE[does](services, user_id, reminder_id)


def postpone_dialog(services: Services, user_id: str, reminder_id: int, place: Mapping[str, str]) -> Dialog:
    brief = acting.brief(services, user_id, reminder_id)
    return dialogs.postpone(brief, local_today(services.clock).date(), place)


def after_postpone(services: Services, user_id: str, values: Values, meta: Mapping[str, Any], key: str) -> Notice:
    form = postpone_form(values, local_today(services.clock).date())
    return _rescheduled(acting.postpone(services, user_id, record_id(meta.get("reminder")), form, key))


def new_signal(services: Services, user_id: str, reminder_id: int) -> tuple[Notice, Dialog]:
    """Nazorg found new worries: what the reminder now says, and the signal form for the same pupil."""
    found = acting.follow_up_signal(services, user_id, reminder_id)
    form = dialogs.signal(found.school_id, False, local_today(services.clock).date(), pupil=found)
    return followed_up(found.reference, found.case_id, FollowUp.NEW_SIGNAL), form
