"""Small block builders shared by every view."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

from markupsafe import Markup
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    CheckboxesElement,
    ContextBlock,
    DatePickerElement,
    ExternalDataSelectElement,
    HeaderBlock,
    InputBlock,
    InputInteractiveElement,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    RadioButtonsElement,
    SectionBlock,
    StaticSelectElement,
    UserMultiSelectElement,
    UserSelectElement,
)
from slack_sdk.models.views import View

from bot.catalogue import pieces, t
from bot.catalogue import plain as plain_text
from bot.documents.dialogs import Form
from bot.flows.rules.validation import TEXT_LIMITS
from bot.slack.ids import INPUT, Action
from bot.slack.ids import Block as B

K = TypeVar("K", bound=str)

MAX_MODAL_BLOCKS = 100
SECTION_TEXT_LIMIT = 3000


def slack_mrkdwn(text: Markup | str) -> str:
    """A catalogue sentence as Slack's mrkdwn: emphasis in asterisks, a person as a mention, and
    the text escaped as Slack asks (&, <, >). A plain `str` is text, escaped the same way."""
    out = []
    for piece in pieces(text):
        if piece.bold is not None:
            out.append("*")
        elif piece.person is not None:
            out.append(f"<@{piece.person}>")
        else:
            out.append(piece.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return "".join(out)


def slack_plain(text: Markup | str) -> str:
    """A catalogue sentence where Slack shows plain text (titles, buttons, options, field errors)."""
    return plain_text(text, lambda person: f"@{person}")


def header(text: Markup | str) -> HeaderBlock:
    return HeaderBlock(text=PlainTextObject(text=slack_plain(text)))


def mrkdwn(text: Markup | str) -> SectionBlock:
    """A section of the bot's own text (never user input: that goes through `plain`)."""
    return SectionBlock(text=MarkdownTextObject(text=slack_mrkdwn(text)))


def plain(text: str) -> list[Block]:
    """User-provided text, whole, as plain text (no mentions or links can be smuggled in).

    Split over several sections when longer than one section holds, never cut short.
    """
    if not text:
        return []
    return [
        SectionBlock(text=PlainTextObject(text=text[i : i + SECTION_TEXT_LIMIT], emoji=False))
        for i in range(0, len(text), SECTION_TEXT_LIMIT)
    ]


def context(text: Markup | str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=slack_mrkdwn(text))])


def option(label_key: str, value: str, **values: object) -> Option:
    return named_option(t(label_key, **values), value)


def named_option(label: Markup | str, value: str) -> Option:
    """An option whose label is not catalogue text (a school's name); Slack allows 75 characters."""
    return Option(text=PlainTextObject(text=slack_plain(label)[:75]), value=value)


def modal(
    callback: Form,
    title: Markup | str,
    blocks: Sequence[Block],
    *,
    submit_key: str | None = None,
    close_key: str = "modal_close",
    metadata: dict[str, Any] | None = None,
    notify_on_close: bool = False,
) -> View:
    return View(
        type="modal",
        callback_id=callback,
        title=PlainTextObject(text=slack_plain(title)),
        submit=PlainTextObject(text=slack_plain(t(submit_key))) if submit_key else None,
        close=PlainTextObject(text=slack_plain(t(close_key))),
        blocks=list(blocks),
        private_metadata=json.dumps(metadata, separators=(",", ":")) if metadata else None,
        notify_on_close=notify_on_close or None,
    )


def error_view(text: Markup | str) -> View:
    """A read-only modal that says why something did not work (a refusal, an incident code)."""
    return modal(Form.INFO, t("error_title"), [mrkdwn(text)])


def button(action: Action, label_key: str, value: str, *, primary: bool = False, **values: object) -> ButtonElement:
    return ButtonElement(
        action_id=action,
        text=PlainTextObject(text=slack_plain(t(label_key, **values))),
        value=value,
        style="primary" if primary else None,
    )


def buttons(elements: Sequence[ButtonElement]) -> list[Block]:
    """An actions block, or nothing when there is no button to offer."""
    return [ActionsBlock(elements=list(elements))] if elements else []


# --- inputs (each input block holds one element whose action_id is INPUT) ----------------


def input_block(
    block: B, label_key: str, element: InputInteractiveElement, *, optional: bool = False, hint_key: str | None = None
) -> InputBlock:
    return InputBlock(
        block_id=block,
        label=PlainTextObject(text=slack_plain(t(label_key))),
        element=element,
        optional=optional,
        hint=PlainTextObject(text=slack_plain(t(hint_key))) if hint_key else None,
    )


def radio(
    block: B, label_key: str, labels: Mapping[K, str], *, initial: K | None = None, optional: bool = False
) -> InputBlock:
    """Radio buttons, one per value, labelled from the catalogue."""
    options = [option(key, value) for value, key in labels.items()]
    chosen = option(labels[initial], initial) if initial is not None else None
    element = RadioButtonsElement(action_id=INPUT, options=options, initial_option=chosen)
    return input_block(block, label_key, element, optional=optional)


# Slack shows at most 10 radio buttons and 100 options in a select; beyond that, it asks the app.
MAX_RADIO_OPTIONS = 10
MAX_SELECT_OPTIONS = 100


def choice(
    block: B,
    label_key: str,
    options: Sequence[Option],
    *,
    initial: Option | None = None,
    optional: bool = False,
    hint_key: str | None = None,
) -> InputBlock:
    """One of several options: radio buttons when few, a select when more, and over Slack's 100 a
    select that searches as the user types (its options come from bot.handlers.suggestions)."""
    element: InputInteractiveElement
    if len(options) <= MAX_RADIO_OPTIONS:
        element = RadioButtonsElement(action_id=INPUT, options=list(options), initial_option=initial)
    elif len(options) <= MAX_SELECT_OPTIONS:
        element = StaticSelectElement(action_id=INPUT, options=list(options), initial_option=initial)
    else:
        element = ExternalDataSelectElement(action_id=INPUT, min_query_length=0, initial_option=initial)
    return input_block(block, label_key, element, optional=optional, hint_key=hint_key)


def matching(options: Sequence[Option], typed: str) -> list[Option]:
    """The options whose label holds what was typed (any case), as many as one select shows."""
    wanted = typed.strip().casefold()
    return [o for o in options if wanted in str(o.text or "").casefold()][:MAX_SELECT_OPTIONS]


def checkboxes(block: B, label_key: str, labels: Mapping[K, str], *, optional: bool = False) -> InputBlock:
    options = [option(key, value) for value, key in labels.items()]
    return input_block(block, label_key, CheckboxesElement(action_id=INPUT, options=options), optional=optional)


def text_input(
    block: B,
    label_key: str,
    *,
    multiline: bool = False,
    optional: bool = False,
    hint_key: str | None = None,
    initial: str = "",
) -> InputBlock:
    """A text field whose limit is the one the flow enforces (the block id names the field)."""
    limit = TEXT_LIMITS[block.value]
    element = PlainTextInputElement(
        action_id=INPUT, multiline=multiline, max_length=limit, initial_value=initial[:limit] or None
    )
    return input_block(block, label_key, element, optional=optional, hint_key=hint_key)


def date_input(
    block: B, label_key: str, initial: date | None = None, *, hint_key: str | None = None, optional: bool = False
) -> InputBlock:
    element = DatePickerElement(action_id=INPUT, initial_date=initial.isoformat() if initial else None)
    return input_block(block, label_key, element, hint_key=hint_key, optional=optional)


def user_input(block: B, label_key: str, *, initial: str | None = None, optional: bool = False) -> InputBlock:
    element = UserSelectElement(action_id=INPUT, initial_user=initial)
    return input_block(block, label_key, element, optional=optional)


def users_input(block: B, label_key: str, *, initial: Sequence[str] = (), hint_key: str | None = None) -> InputBlock:
    element = UserMultiSelectElement(action_id=INPUT, initial_users=list(initial) or None, max_selected_items=20)
    return input_block(block, label_key, element, optional=True, hint_key=hint_key)
