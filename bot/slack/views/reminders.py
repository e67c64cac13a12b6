"""What a reminder turns into once acted on, and the "remind me on …" form."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from slack_sdk.models.views import View

from bot.catalogue import t
from bot.documents.dates import show_date
from bot.documents.labels import label
from bot.flows.steps.reminder_actions import ReminderBrief
from bot.flows.vocabulary import FollowUp
from bot.slack.ids import Block, Callback
from bot.slack.views.common import date_input, modal, mrkdwn, text_input
from bot.slack.views.messages import Message, case_message


def postpone_modal(brief: ReminderBrief, today: date, place: dict[str, str]) -> View:
    """`place` is where the reminder message is, so that it can say what was decided."""
    blocks = [
        mrkdwn(t("postpone_intro", reference=brief.reference, kind=label(brief.kind))),
        date_input(Block.UNTIL, "label_until", today + timedelta(days=7)),
        text_input(Block.POSTPONE_REASON, "label_postpone_reason", multiline=True),
    ]
    return modal(
        Callback.POSTPONE,
        t("postpone_title"),
        blocks,
        submit_key="modal_save",
        close_key="modal_cancel",
        metadata={"reminder": brief.reminder_id, **place},
    )


def rescheduled_message(reference: str, case_id: int, due_at: datetime) -> Message:
    return case_message(t("reminder_rescheduled", reference=reference, due=show_date(due_at)), case_id)


def follow_up_message(reference: str, case_id: int, outcome: FollowUp) -> Message:
    """What the nazorg reminder says once answered (the new signal is registered in its own form)."""
    if outcome is FollowUp.GOOD:
        return case_message(t("nazorg_done_good", reference=reference), case_id)
    return case_message(t("nazorg_done_new_signal", reference=reference), case_id)


def referral_confirmed_message(reference: str, case_id: int) -> Message:
    return case_message(t("reminder_referral_done", reference=reference), case_id)
