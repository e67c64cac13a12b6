"""Small block builders shared by every view."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    MarkdownTextObject,
    Option,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.flows.ports import SCHOOL_TIMEZONE
from bot.ids import Callback
from bot.texts import t

MAX_MODAL_BLOCKS = 100
SECTION_TEXT_LIMIT = 3000


def mrkdwn(text: str) -> SectionBlock:
    """A section of the bot's own text (never user input: that goes through `plain`)."""
    return SectionBlock(text=MarkdownTextObject(text=text))


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


def context(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=text)])


def option(label_key: str, value: str, **values: object) -> Option:
    return named_option(t(label_key, **values), value)


def named_option(label: str, value: str) -> Option:
    """An option whose label is not catalogue text (a school's name); Slack allows 75 characters."""
    return Option(text=PlainTextObject(text=label[:75]), value=value)


def modal(
    callback: Callback,
    title: str,
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
        title=PlainTextObject(text=title),
        submit=PlainTextObject(text=t(submit_key)) if submit_key else None,
        close=PlainTextObject(text=t(close_key)),
        blocks=list(blocks),
        private_metadata=json.dumps(metadata, separators=(",", ":")) if metadata else None,
        notify_on_close=notify_on_close or None,
    )


def show_date(value: date | datetime) -> str:
    """Dates as Dutch readers write them, in the schools' time zone."""
    if isinstance(value, datetime):
        return value.astimezone(SCHOOL_TIMEZONE).strftime("%d-%m-%Y %H:%M")
    return value.strftime("%d-%m-%Y")
