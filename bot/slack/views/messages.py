"""Direct messages the bot sends: a reference, the step and a button, never pupil data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup
from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement

from bot.catalogue import joined, t
from bot.documents.dates import show_date, show_day
from bot.documents.labels import ESCALATED_REMINDERS, REMINDERS, label, label_key, named
from bot.flows.rules.reminder_offers import Act, Offer, reminder_notice
from bot.flows.vocabulary import NoticeKind, ReminderKind, Role
from bot.slack.ids import Action
from bot.slack.views.case import ANSWER_ACTIONS
from bot.slack.views.common import button, mrkdwn, slack_mrkdwn


@dataclass(frozen=True)
class Message:
    sentence: Markup | str  # the notification and fallback text, as the catalogue made it
    blocks: list[Block]

    @property
    def text(self) -> str:
        """The notification text as Slack takes it."""
        return slack_mrkdwn(self.sentence)


def start_message() -> Message:
    """The answer to anything written in the bot's DM: what it does, and a start button."""
    text = t("dm_intro", platform="Slack")
    return Message(
        text,
        [mrkdwn(text), ActionsBlock(elements=[button(Action.START_REGISTRATION, "button_start", "dm", primary=True)])],
    )


def case_message(text: str, case_id: int, *extra: ButtonElement) -> Message:
    open_button = button(Action.OPEN_CASE, "button_open_case", str(case_id), primary=not extra)
    return Message(text, [mrkdwn(text), ActionsBlock(elements=[open_button, *extra])])


def _registered(text: str, payload: dict[str, Any]) -> Message:
    """A new case for the coordinators: 'take it' until someone does, then who did."""
    if payload.get("taken_by"):
        return case_message(text + "\n" + t("notice_taken_by", user_id=payload["taken_by"]), payload["case_id"])
    if payload.get("take"):
        take = button(Action.TAKE_CASE, "button_take", str(payload["case_id"]), primary=True)
        return case_message(text, payload["case_id"], take)
    return case_message(text, payload["case_id"])


def _reminder(payload: dict[str, Any]) -> Message:
    """A deadline, with the buttons that act on it right there (what the flows offer)."""
    role = next((r for r in Role if r.value == payload.get("role")), None)
    notice = reminder_notice(ReminderKind(payload["reminder"]), int(payload.get("level", 0)), role)
    case_id, reminder_id = payload["case_id"], str(payload["reminder_id"])
    due = show_date(datetime.fromisoformat(payload["due"]))
    table = ESCALATED_REMINDERS if notice.escalated else REMINDERS
    text = named(table, notice.kind, reference=payload["reference"], due=due)
    return case_message(text, case_id, *(_offer_button(offer, case_id, reminder_id) for offer in notice.offers))


def _offer_button(offer: Offer, case_id: int, reminder_id: str) -> ButtonElement:
    if offer.act is Act.ANSWER:
        assert offer.answer is not None
        return button(ANSWER_ACTIONS[offer.answer], label_key(offer.answer), f"{case_id}:5")
    action, text_key, value = {
        Act.RECORD_FEEDBACK: (Action.RECORD_FEEDBACK, "button_record_feedback", str(case_id)),
        Act.CONFIRM_REFERRAL: (Action.CONFIRM_REFERRAL, "button_referral_confirmed", reminder_id),
        Act.TAKE: (Action.TAKE_CASE, "button_take", str(case_id)),
        Act.NOT_YET: (Action.REMINDER_NOT_YET, "button_not_yet", reminder_id),
        Act.POSTPONE: (Action.POSTPONE_REMINDER, "button_postpone", reminder_id),
        Act.FOLLOW_UP_GOOD: (Action.FOLLOW_UP_GOOD, "button_follow_up_good", reminder_id),
        Act.NEW_SIGNAL: (Action.FOLLOW_UP_SIGNAL, "button_follow_up_signal", reminder_id),
        Act.KEEP_FOLLOWING: (Action.POSTPONE_REMINDER, "button_keep_following", reminder_id),
    }[offer.act]
    return button(action, text_key, value, primary=offer.primary)


def _weekly(payload: dict[str, Any]) -> Message:
    """The coordinator's week: counts, then the next deadlines by reference (the desk has the rest)."""
    text = t("notice_weekly", open=payload["open"], overdue=payload["overdue"], to_take=payload["to_take"])
    lines = [
        t(
            "notice_weekly_deadline",
            reference=reference,
            kind=label(ReminderKind(kind)),
            date=show_day(datetime.fromisoformat(due)),
        )
        for reference, kind, due in payload.get("next") or []
    ]
    body = joined([text, *lines, t("notice_weekly_home")])
    return Message(text, [mrkdwn(body)])


def render_notice(kind: NoticeKind, payload: dict[str, Any]) -> Message:
    """Render an outbox row. Only ids, the reference and flags are available here, by design."""
    reference = payload.get("reference", "")
    urgent = bool(payload.get("urgent"))
    if kind is NoticeKind.CASE_REGISTERED:
        key = "notice_case_registered_urgent" if urgent else "notice_case_registered"
        return _registered(t(key, reference=reference), payload)
    if kind is NoticeKind.SIGNAL_ADDED:
        key = "notice_signal_added_urgent" if urgent else "notice_signal_added"
        return case_message(t(key, reference=reference), payload["case_id"])
    if kind is NoticeKind.BOARD_ROUTE and payload.get("to_board"):
        # The board's admins see no dossier, so their message has nothing to open.
        text = t("notice_board_route_board", reference=reference)
        return Message(text, [mrkdwn(text)])
    if kind is NoticeKind.BOARD_ROUTE:
        return case_message(t("notice_board_route", reference=reference), payload["case_id"])
    if kind is NoticeKind.STAFF_ROUTE_UNRECORDED:
        text = t("notice_staff_route_unrecorded")
        return Message(
            text, [mrkdwn(text), ActionsBlock(elements=[button(Action.START_REGISTRATION, "button_start", "dm")])]
        )
    if kind is NoticeKind.BOARD_ROUTE_NOTED:
        text = t("notice_board_route_noted", reference=reference)
        return Message(text, [mrkdwn(text)])
    if kind is NoticeKind.REGISTRATION_CONFIRMED:
        key = "notice_registration_confirmed_new" if payload.get("new_case") else "notice_registration_confirmed_added"
        text = t(key, reference=reference) + "\n" + t("advice_line")
        return case_message(text, payload["case_id"])
    if kind is NoticeKind.ACUTE_ALERT:
        text = t("notice_acute_alert", reporter_id=payload["reporter_id"])
        return Message(text, [mrkdwn(text)])
    if kind is NoticeKind.DRAFT_PENDING:
        text = t("notice_draft_pending")
        return Message(
            text,
            [
                mrkdwn(text),
                ActionsBlock(
                    elements=[
                        button(Action.FINISH_DRAFT, "button_finish_draft", str(payload["draft_id"]), primary=True)
                    ]
                ),
            ],
        )
    if kind is NoticeKind.CASE_TAKEN:
        return case_message(t("notice_case_taken", reference=reference), payload["case_id"])
    if kind is NoticeKind.CASE_CLOSED:
        return case_message(t("notice_case_closed", reference=reference), payload["case_id"])
    if kind is NoticeKind.TEAM_ADDED:
        key = "notice_casemanager" if payload.get("role") == "casemanager" else "notice_team_added"
        return case_message(t(key, reference=reference), payload["case_id"])
    if kind is NoticeKind.DIRECTOR_INFORMED:
        return case_message(t("notice_director_informed", reference=reference), payload["case_id"])
    if kind is NoticeKind.CASE_WEIGHED:
        return case_message(t("notice_case_weighed", reference=reference), payload["case_id"])
    if kind is NoticeKind.DELIVERY_FAILED:
        text = t("notice_delivery_failed", reference=reference, recipient_id=payload["recipient_id"])
        return case_message(text, payload["case_id"])
    if kind is NoticeKind.REMINDER_PARKED:
        return case_message(
            t("notice_reminder_parked", reference=reference, incident=payload["incident"]), payload["case_id"]
        )
    if kind is NoticeKind.REMINDER:
        return _reminder(payload)
    if kind is NoticeKind.WEEKLY_OVERVIEW:
        return _weekly(payload)
    raise ValueError(f"no rendering for notice kind {kind}")
