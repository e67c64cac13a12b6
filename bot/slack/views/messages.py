"""Direct messages the bot sends, as Slack shows them: a notice's sentence and its buttons (a
reference, the step and a button, never pupil data; bot.documents.notices says what)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from slack_sdk.models.blocks import Block

from bot.documents.notices import Notice, about_case, notice_of, start_notice
from bot.flows.vocabulary import NoticeKind
from bot.slack.views.buttons import slack_button
from bot.slack.views.common import buttons, mrkdwn, slack_mrkdwn


@dataclass(frozen=True)
class Message:
    sentence: Markup | str  # the notification and fallback text, as the catalogue made it
    blocks: list[Block]

    @property
    def text(self) -> str:
        """The notification text as Slack takes it."""
        return slack_mrkdwn(self.sentence)


def message_of(notice: Notice) -> Message:
    return Message(notice.sentence, [mrkdwn(notice.body), *buttons([slack_button(b) for b in notice.buttons])])


def start_message() -> Message:
    """The answer to anything written in the bot's DM: what it does, and a start button."""
    return message_of(start_notice("Slack"))


def case_message(text: Markup | str, case_id: int) -> Message:
    return message_of(about_case(text, case_id))


def render_notice(kind: NoticeKind, payload: dict[str, Any]) -> Message:
    """Render an outbox row. Only ids, the reference and flags are available here, by design."""
    return message_of(notice_of(kind, payload))
