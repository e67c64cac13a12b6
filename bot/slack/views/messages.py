"""Direct messages the bot sends, as Slack shows them: a notice's sentence and its buttons (a
reference, the step and a button, never pupil data; bot.documents.notices says what)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from slack_sdk.models.blocks import Block, ButtonElement, PlainTextObject

from bot.documents.notices import Button, Does, Notice, about_case, notice_of, start_notice
from bot.flows.vocabulary import NoticeKind
from bot.slack.ids import Action
from bot.slack.views.case import ANSWER_ACTIONS
from bot.slack.views.common import buttons, mrkdwn, slack_mrkdwn, slack_plain

ACTIONS = {
    Does.OPEN_CASE: Action.OPEN_CASE,
    Does.TAKE_CASE: Action.TAKE_CASE,
    Does.START_REGISTRATION: Action.START_REGISTRATION,
    Does.FINISH_DRAFT: Action.FINISH_DRAFT,
    Does.RECORD_FEEDBACK: Action.RECORD_FEEDBACK,
    Does.CONFIRM_REFERRAL: Action.CONFIRM_REFERRAL,
    Does.NOT_YET: Action.REMINDER_NOT_YET,
    Does.POSTPONE: Action.POSTPONE_REMINDER,
    Does.FOLLOW_UP_GOOD: Action.FOLLOW_UP_GOOD,
    Does.FOLLOW_UP_SIGNAL: Action.FOLLOW_UP_SIGNAL,
}


@dataclass(frozen=True)
class Message:
    sentence: Markup | str  # the notification and fallback text, as the catalogue made it
    blocks: list[Block]

    @property
    def text(self) -> str:
        """The notification text as Slack takes it."""
        return slack_mrkdwn(self.sentence)


def message_of(notice: Notice) -> Message:
    return Message(notice.sentence, [mrkdwn(notice.body), *buttons([_button(b) for b in notice.buttons])])


def _button(button: Button) -> ButtonElement:
    action = ANSWER_ACTIONS[button.answer] if button.answer is not None else ACTIONS[button.does]
    return ButtonElement(
        action_id=action,
        text=PlainTextObject(text=slack_plain(button.label)),
        value=button.value,
        style="primary" if button.primary else None,
    )


def start_message() -> Message:
    """The answer to anything written in the bot's DM: what it does, and a start button."""
    return message_of(start_notice("Slack"))


def case_message(text: Markup | str, case_id: int) -> Message:
    return message_of(about_case(text, case_id))


def render_notice(kind: NoticeKind, payload: dict[str, Any]) -> Message:
    """Render an outbox row. Only ids, the reference and flags are available here, by design."""
    return message_of(notice_of(kind, payload))
