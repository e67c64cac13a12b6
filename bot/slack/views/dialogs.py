"""A dialog (bot.documents.dialogs) as a Slack modal: each field an input block named by its field."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from slack_sdk.models.blocks import Block, CheckboxesElement, DividerBlock
from slack_sdk.models.blocks import Option as SlackOption
from slack_sdk.models.views import View

from bot.documents.dialogs import Buttons, Dialog, Divider, Heading, Input, Kind, Option, Part, Says, Written
from bot.slack.ids import INPUT
from bot.slack.views.buttons import slack_button
from bot.slack.views.common import (
    buttons,
    choice,
    context,
    date_input,
    header,
    input_block,
    modal,
    mrkdwn,
    named_option,
    plain,
    text_input,
    user_input,
    users_input,
)


def modal_of(dialog: Dialog) -> View:
    return modal(
        dialog.form,
        dialog.title,
        blocks_of(dialog.parts),
        submit_key=dialog.submit_key,
        close_key=dialog.close_key,
        metadata=dict(dialog.metadata) if dialog.metadata else None,
        notify_on_close=dialog.closing_matters,
    )


def blocks_of(parts: Sequence[Part]) -> list[Block]:
    return [block for part in parts for block in _blocks(part)]


def slack_options(options: Sequence[Option]) -> list[SlackOption]:
    return [named_option(o.label, o.value) for o in options]


def _blocks(part: Part) -> list[Block]:
    if isinstance(part, Says):
        return [context(part.text) if part.aside else mrkdwn(part.text)]
    if isinstance(part, Heading):
        return [header(part.text)]
    if isinstance(part, Written):
        return plain(part.text)
    if isinstance(part, Divider):
        return [DividerBlock()]
    if isinstance(part, Buttons):
        return buttons([slack_button(b) for b in part.buttons])
    return [_input(part)]


def _input(part: Input) -> Block:
    if part.kind in (Kind.TEXT, Kind.LONG_TEXT):
        return text_input(part.field, part.label_key, multiline=part.kind is Kind.LONG_TEXT, optional=part.optional,
                          hint_key=part.hint_key, initial=part.initial)  # fmt: skip
    if part.kind is Kind.DATE:
        initial = date.fromisoformat(part.initial) if part.initial else None
        return date_input(part.field, part.label_key, initial, hint_key=part.hint_key, optional=part.optional)
    if part.kind is Kind.PERSON:
        return user_input(part.field, part.label_key, initial=part.initial or None, optional=part.optional)
    if part.kind is Kind.PEOPLE:
        chosen = [user for user in part.initial.split(",") if user]
        return users_input(part.field, part.label_key, initial=chosen, hint_key=part.hint_key)
    options = slack_options(part.options)
    if part.kind is Kind.MANY_OF:
        element = CheckboxesElement(action_id=INPUT, options=options)
        return input_block(part.field, part.label_key, element, optional=part.optional, hint_key=part.hint_key)
    chosen_option = next((o for o in options if o.value == part.initial), None)
    return choice(part.field, part.label_key, options, initial=chosen_option, optional=part.optional,
                  hint_key=part.hint_key)  # fmt: skip
