"""What each outbox message says, and which buttons it offers, on every platform.

Only ids, the reference and flags are in an outbox row, by design: a notice names a case by its
reference and never carries pupil data. Each platform draws a `Notice` its own way (Slack: a
section and an actions block; Teams: a card).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from markupsafe import Markup

from bot.catalogue import joined, t
from bot.documents.dates import show_date, show_day
from bot.documents.labels import ESCALATED_REMINDERS, REMINDERS, label, label_key, named
from bot.flows.rules.framework import Answer
from bot.flows.rules.reminder_offers import Act, Offer, reminder_notice
from bot.flows.vocabulary import DossierPart, FollowUp, NoticeKind, ReminderKind, Role


class Does(StrEnum):
    """What a notice's button does when clicked."""

    OPEN_CASE = "open_case"
    TAKE_CASE = "take_case"
    START_REGISTRATION = "start_registration"
    FINISH_DRAFT = "finish_draft"
    ANSWER = "answer"  # question 5 of the afwegingskader, with `Button.answer`
    RECORD_FEEDBACK = "record_feedback"
    CONFIRM_REFERRAL = "confirm_referral"
    NOT_YET = "not_yet"
    POSTPONE = "postpone"
    FOLLOW_UP_GOOD = "follow_up_good"
    FOLLOW_UP_SIGNAL = "follow_up_signal"
    # in the case view
    RECORD_CONSULTATION = "record_consultation"
    SET_TEAM = "set_team"
    RECORD_CONVERSATION = "record_conversation"
    SKIP_CONVERSATION = "skip_conversation"
    RECORD_REPORT = "record_report"
    RECORD_HELP_PLAN = "record_help_plan"
    NEW_WEIGHING = "new_weighing"
    CLOSE_CASE = "close_case"
    RECORD_KINDCHECK = "record_kindcheck"
    EXPORT_CASE = "export_case"
    SHOW_PART = "show_part"  # one part of the dossier, with `Button.part`; value "case:part:first"
    PAGE_NEWER = "page_newer"  # value "case:part:mark"
    PAGE_OLDER = "page_older"
    MY_CASES = "my_cases"  # a person's own overview where the platform has no page for it; value: its place
    CHOOSE_LANGUAGE = "choose_language"  # in that overview; value: the language
    FILTER_DESK = "filter_desk"  # in that overview: the desk as its filters are set; value: its place
    OPEN_EVALUATION = "open_evaluation"  # the interne evaluatie, there; value "school:year", or "" for the first


# Buttons whose click is the whole act: the message changes in place. Every other one opens a form
# (a Slack modal, a Teams dialog): the case view, a step's form, a postponement.
ACTS_IN_PLACE = frozenset({Does.NOT_YET, Does.CONFIRM_REFERRAL, Does.FOLLOW_UP_GOOD})


@dataclass(frozen=True)
class Button:
    does: Does
    label: Markup | str
    value: str  # the record it acts on: a case id, a reminder id, a draft id (and after ":" a question)
    primary: bool = False
    answer: Answer | None = None
    part: DossierPart | None = None  # for SHOW_PART


@dataclass(frozen=True)
class Notice:
    sentence: Markup | str  # the notification (and fallback) text
    body: Markup | str  # what the message shows
    buttons: tuple[Button, ...] = ()


def start_notice(platform: str, *, cases: bool = False, file: bool = False) -> Notice:
    """The answer to anything written in the chat with the bot: what it does, and a start button;
    with `cases`, also *Mijn casussen* (on a platform with no page of its own for the bot); with
    `file`, that a file sent there is not taken, and where it now is."""
    text = t("dm_intro", platform=platform)
    if file:
        text = Markup("{}\n\n{}").format(t("dm_file_not_taken"), text)
    start = Button(Does.START_REGISTRATION, t("button_start"), "dm", primary=True)
    return Notice(text, text, (start, Button(Does.MY_CASES, t("button_my_cases"), "")) if cases else (start,))


def notice_of(kind: NoticeKind, payload: dict[str, Any]) -> Notice:
    reference = payload.get("reference", "")
    urgent = bool(payload.get("urgent"))
    if kind is NoticeKind.CASE_REGISTERED:
        key = "notice_case_registered_urgent" if urgent else "notice_case_registered"
        return _registered(t(key, reference=reference), payload)
    if kind is NoticeKind.SIGNAL_ADDED:
        key = "notice_signal_added_urgent" if urgent else "notice_signal_added"
        return about_case(t(key, reference=reference), payload["case_id"])
    if kind is NoticeKind.BOARD_ROUTE and payload.get("to_board"):
        # The board's admins see no dossier, so their message has nothing to open.
        return _said(t("notice_board_route_board", reference=reference))
    if kind is NoticeKind.BOARD_ROUTE:
        return about_case(t("notice_board_route", reference=reference), payload["case_id"])
    if kind is NoticeKind.STAFF_ROUTE_UNRECORDED:
        text = t("notice_staff_route_unrecorded")
        return Notice(text, text, (Button(Does.START_REGISTRATION, t("button_start"), "dm"),))
    if kind is NoticeKind.BOARD_ROUTE_NOTED:
        return _said(t("notice_board_route_noted", reference=reference))
    if kind is NoticeKind.REGISTRATION_CONFIRMED:
        key = "notice_registration_confirmed_new" if payload.get("new_case") else "notice_registration_confirmed_added"
        return about_case(t(key, reference=reference) + "\n" + t("advice_line"), payload["case_id"])
    if kind is NoticeKind.ACUTE_ALERT:
        return _said(t("notice_acute_alert", reporter_id=payload["reporter_id"]))
    if kind is NoticeKind.DRAFT_PENDING:
        text = t("notice_draft_pending")
        finish = Button(Does.FINISH_DRAFT, t("button_finish_draft"), str(payload["draft_id"]), primary=True)
        return Notice(text, text, (finish,))
    if kind is NoticeKind.CASE_TAKEN:
        return about_case(t("notice_case_taken", reference=reference), payload["case_id"])
    if kind is NoticeKind.CASE_CLOSED:
        return about_case(t("notice_case_closed", reference=reference), payload["case_id"])
    if kind is NoticeKind.TEAM_ADDED:
        key = "notice_casemanager" if payload.get("role") == "casemanager" else "notice_team_added"
        return about_case(t(key, reference=reference), payload["case_id"])
    if kind is NoticeKind.DIRECTOR_INFORMED:
        return about_case(t("notice_director_informed", reference=reference), payload["case_id"])
    if kind is NoticeKind.CASE_WEIGHED:
        return about_case(t("notice_case_weighed", reference=reference), payload["case_id"])
    if kind is NoticeKind.DELIVERY_FAILED:
        text = t("notice_delivery_failed", reference=reference, recipient_id=payload["recipient_id"])
        return about_case(text, payload["case_id"])
    if kind is NoticeKind.REMINDER_PARKED:
        text = t("notice_reminder_parked", reference=reference, incident=payload["incident"])
        return about_case(text, payload["case_id"])
    if kind is NoticeKind.REMINDER:
        return _reminder(payload)
    if kind is NoticeKind.WEEKLY_OVERVIEW:
        return _weekly(payload)
    if kind is NoticeKind.WELCOME:
        return start_notice(str(payload["platform"]), cases=bool(payload.get("cases")), file=bool(payload.get("file")))
    raise ValueError(f"no rendering for notice kind {kind}")


def _said(text: Markup) -> Notice:
    return Notice(text, text)


def about_case(text: Markup | str, case_id: int, *extra: Button) -> Notice:
    """A notice about a case: *Open casus* first (the one to press unless another is offered)."""
    opening = Button(Does.OPEN_CASE, t("button_open_case"), str(case_id), primary=not extra)
    return Notice(text, text, (opening, *extra))


def rescheduled(reference: str, case_id: int, due_at: datetime) -> Notice:
    """What a reminder says once put off ("nog niet", "herinner me op …"): when it comes back."""
    return about_case(t("reminder_rescheduled", reference=reference, due=show_date(due_at)), case_id)


def followed_up(reference: str, case_id: int, outcome: FollowUp) -> Notice:
    """What the nazorg reminder says once answered (a new signal is registered in its own form)."""
    key = "nazorg_done_good" if outcome is FollowUp.GOOD else "nazorg_done_new_signal"
    return about_case(t(key, reference=reference), case_id)


def referral_confirmed(reference: str, case_id: int) -> Notice:
    return about_case(t("reminder_referral_done", reference=reference), case_id)


def _registered(text: Markup, payload: dict[str, Any]) -> Notice:
    """A new case for the coordinators: 'take it' until someone does, then who did."""
    case_id = payload["case_id"]
    if payload.get("taken_by"):
        return about_case(text + "\n" + t("notice_taken_by", user_id=payload["taken_by"]), case_id)
    if payload.get("take"):
        return about_case(text, case_id, Button(Does.TAKE_CASE, t("button_take"), str(case_id), primary=True))
    return about_case(text, case_id)


def _reminder(payload: dict[str, Any]) -> Notice:
    """A deadline, with the buttons that act on it right there (what the flows offer)."""
    role = next((r for r in Role if r.value == payload.get("role")), None)
    notice = reminder_notice(ReminderKind(payload["reminder"]), int(payload.get("level", 0)), role)
    case_id, reminder_id = payload["case_id"], str(payload["reminder_id"])
    due = show_date(datetime.fromisoformat(payload["due"]))
    table = ESCALATED_REMINDERS if notice.escalated else REMINDERS
    text = named(table, notice.kind, reference=payload["reference"], due=due)
    return about_case(text, case_id, *(_offered(offer, case_id, reminder_id) for offer in notice.offers))


def _offered(offer: Offer, case_id: int, reminder_id: str) -> Button:
    if offer.act is Act.ANSWER:
        assert offer.answer is not None
        return Button(Does.ANSWER, t(label_key(offer.answer)), f"{case_id}:5", answer=offer.answer)
    does, text_key, value = {
        Act.RECORD_FEEDBACK: (Does.RECORD_FEEDBACK, "button_record_feedback", str(case_id)),
        Act.CONFIRM_REFERRAL: (Does.CONFIRM_REFERRAL, "button_referral_confirmed", reminder_id),
        Act.TAKE: (Does.TAKE_CASE, "button_take", str(case_id)),
        Act.NOT_YET: (Does.NOT_YET, "button_not_yet", reminder_id),
        Act.POSTPONE: (Does.POSTPONE, "button_postpone", reminder_id),
        Act.FOLLOW_UP_GOOD: (Does.FOLLOW_UP_GOOD, "button_follow_up_good", reminder_id),
        Act.NEW_SIGNAL: (Does.FOLLOW_UP_SIGNAL, "button_follow_up_signal", reminder_id),
        Act.KEEP_FOLLOWING: (Does.POSTPONE, "button_keep_following", reminder_id),
    }[offer.act]
    return Button(does, t(text_key), value, offer.primary)


def _weekly(payload: dict[str, Any]) -> Notice:
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
    return Notice(text, joined([text, *lines, t("notice_weekly_home")]))
