"""Direct messages the bot sends: a reference, the step and a button, never pupil data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement

from bot.flows.vocabulary import NoticeKind
from bot.ids import Action
from bot.texts import t
from bot.views.common import button, mrkdwn


@dataclass(frozen=True)
class Message:
    text: str  # the notification and fallback text
    blocks: list[Block]


def start_message() -> Message:
    """The answer to anything written in the bot's DM: what it does, and a start button."""
    text = t("dm_intro")
    return Message(
        text,
        [mrkdwn(text), ActionsBlock(elements=[button(Action.START_REGISTRATION, "button_start", "dm", primary=True)])],
    )


def _case_message(text: str, case_id: int, *extra: ButtonElement) -> Message:
    open_button = button(Action.OPEN_CASE, "button_open_case", str(case_id), primary=not extra)
    return Message(text, [mrkdwn(text), ActionsBlock(elements=[open_button, *extra])])


def _registered(text: str, payload: dict[str, Any]) -> Message:
    """A new case for the coordinators: 'take it' until someone does, then who did."""
    if payload.get("taken_by"):
        return _case_message(text + "\n" + t("notice_taken_by", user_id=payload["taken_by"]), payload["case_id"])
    if payload.get("take"):
        take = button(Action.TAKE_CASE, "button_take", str(payload["case_id"]), primary=True)
        return _case_message(text, payload["case_id"], take)
    return _case_message(text, payload["case_id"])


def render_notice(kind: NoticeKind, payload: dict[str, Any]) -> Message:
    """Render an outbox row. Only ids, the reference and flags are available here, by design."""
    reference = payload.get("reference", "")
    urgent = t("notice_urgent_prefix") if payload.get("urgent") else ""
    if kind is NoticeKind.CASE_REGISTERED:
        return _registered(urgent + t("notice_case_registered", reference=reference), payload)
    if kind is NoticeKind.SIGNAL_ADDED:
        return _case_message(urgent + t("notice_signal_added", reference=reference), payload["case_id"])
    if kind is NoticeKind.BOARD_ROUTE:
        return _case_message(t("notice_board_route", reference=reference), payload["case_id"])
    if kind is NoticeKind.REGISTRATION_CONFIRMED:
        key = "notice_registration_confirmed_new" if payload.get("new_case") else "notice_registration_confirmed_added"
        text = t(key, reference=reference) + "\n" + t("advice_line")
        return _case_message(text, payload["case_id"])
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
        return _case_message(t("notice_case_taken", reference=reference), payload["case_id"])
    if kind is NoticeKind.CASE_CLOSED:
        return _case_message(t("notice_case_closed", reference=reference), payload["case_id"])
    if kind is NoticeKind.TEAM_ADDED:
        key = "notice_casemanager" if payload.get("role") == "casemanager" else "notice_team_added"
        return _case_message(t(key, reference=reference), payload["case_id"])
    if kind is NoticeKind.DIRECTOR_INFORMED:
        return _case_message(t("notice_director_informed", reference=reference), payload["case_id"])
    raise ValueError(f"no rendering for notice kind {kind}")
