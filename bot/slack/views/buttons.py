"""The bot's buttons (bot.documents.notices.Button) as Slack buttons: what each does is its action id."""

from __future__ import annotations

from slack_sdk.models.blocks import ButtonElement, PlainTextObject

from bot.documents.notices import Button, Does
from bot.flows.rules.framework import Answer
from bot.slack.ids import Action, show_action
from bot.slack.views.common import slack_plain

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
    Does.RECORD_CONSULTATION: Action.RECORD_CONSULTATION,
    Does.SET_TEAM: Action.SET_TEAM,
    Does.RECORD_CONVERSATION: Action.RECORD_CONVERSATION,
    Does.SKIP_CONVERSATION: Action.SKIP_CONVERSATION,
    Does.RECORD_REPORT: Action.RECORD_REPORT,
    Does.RECORD_HELP_PLAN: Action.RECORD_HELP_PLAN,
    Does.NEW_WEIGHING: Action.NEW_WEIGHING,
    Does.CLOSE_CASE: Action.CLOSE_CASE,
    Does.RECORD_KINDCHECK: Action.RECORD_KINDCHECK,
    Does.EXPORT_CASE: Action.EXPORT_CASE,
    Does.PAGE_NEWER: Action.PAGE_NEWER,
    Does.PAGE_OLDER: Action.PAGE_OLDER,
}
# Action ids must differ within one actions block: each answer, and each part, has its own.
ANSWER_ACTIONS = {Answer.YES: Action.ANSWER_YES, Answer.NO: Action.ANSWER_NO, Answer.DOUBT: Action.ANSWER_DOUBT}
ANSWER_OF_ACTION = {action: answer for answer, action in ANSWER_ACTIONS.items()}


def action_of(button: Button) -> Action:
    if button.answer is not None:
        return ANSWER_ACTIONS[button.answer]
    if button.part is not None:
        return show_action(button.part)
    return ACTIONS[button.does]


def slack_button(button: Button) -> ButtonElement:
    return ButtonElement(
        action_id=action_of(button),
        text=PlainTextObject(text=slack_plain(button.label)),
        value=button.value,
        style="primary" if button.primary else None,
    )
