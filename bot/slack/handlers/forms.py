"""Reading Slack's payloads: a button's value, a modal's metadata and inputs, and a submitted modal's
values for bot.forms (nothing else: no Slack calls, no storage)."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any, TypeVar

from bot.forms import record_id
from bot.slack.ids import INPUT, Block

E = TypeVar("E", bound=Enum)


def button_parts(body: dict[str, Any]) -> list[str]:
    """The clicked button's value, split at ':' (ids, and a section or question after the case id)."""
    return str(body["actions"][0].get("value") or "").split(":", 3)


def button_id(body: dict[str, Any]) -> int:
    """The record id a button carries first (a case, a reminder, a draft); 0 when it is garbage."""
    return record_id(button_parts(body)[0])


def selected(body: dict[str, Any], values: type[E]) -> E | None:
    """The value a select in a message or the Home chose, or None when it is none of `values`."""
    option = body["actions"][0].get("selected_option")
    value = option.get("value") if isinstance(option, dict) else None
    return next((member for member in values if member.value == value), None)


def metadata(view: dict[str, Any]) -> dict[str, Any]:
    raw = view.get("private_metadata") or ""
    try:
        data = json.loads(raw) if raw else {}
    except (json.JSONDecodeError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def metadata_id(view: dict[str, Any], key: str) -> int:
    """The record id a modal's metadata names under `key` (the case, a draft, a reminder); 0 when tampered with."""
    return record_id(metadata(view).get(key))


def case_id(view: dict[str, Any]) -> int:
    """The case a modal is about; 0 (no such case) when the metadata was tampered with."""
    return metadata_id(view, "case")


def input_blocks(view: dict[str, Any]) -> list[str]:
    """The block ids of a submitted modal's inputs, in order."""
    return [
        str(block["block_id"])
        for block in view.get("blocks") or []
        if isinstance(block, dict) and block.get("type") == "input" and isinstance(block.get("block_id"), str)
    ]


def first_input(view: dict[str, Any]) -> str | None:
    """The block id of a submitted modal's first input, where a message for the whole form can go."""
    return next(iter(input_blocks(view)), None)


def _state(view: dict[str, Any], block: str) -> dict[str, Any]:
    return view.get("state", {}).get("values", {}).get(block, {}).get(INPUT, {}) or {}


def text(view: dict[str, Any], block: Block) -> str:
    return ModalValues(view).text(block)


def choice(view: dict[str, Any], block: Block) -> str:
    return ModalValues(view).choice(block)


class ModalValues:
    """A submitted modal's values, as bot.forms reads them."""

    def __init__(self, view: dict[str, Any]) -> None:
        self.view = view

    def text(self, field: str) -> str:
        return str(_state(self.view, field).get("value") or "")

    def choice(self, field: str) -> str:
        return str((_state(self.view, field).get("selected_option") or {}).get("value") or "")

    def choices(self, field: str) -> list[str]:
        return [str(o.get("value")) for o in _state(self.view, field).get("selected_options") or []]

    def date(self, field: str) -> str:
        return str(_state(self.view, field).get("selected_date") or "")

    def user(self, field: str) -> str:
        return str(_state(self.view, field).get("selected_user") or "")

    def users(self, field: str) -> list[str]:
        return [str(u) for u in _state(self.view, field).get("selected_users") or []]
