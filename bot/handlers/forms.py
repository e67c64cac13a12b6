"""Reading submitted modal state into domain values (nothing else: no Slack calls, no storage)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from bot.flows.errors import InvalidInput
from bot.flows.registration import SignalForm
from bot.flows.vocabulary import AgeBand, SignalCategory, SignalSource
from bot.ids import INPUT, Block

T = TypeVar("T")


def metadata(view: dict[str, Any]) -> dict[str, Any]:
    raw = view.get("private_metadata") or ""
    try:
        data = json.loads(raw) if raw else {}
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def _state(view: dict[str, Any], block: Block) -> dict[str, Any]:
    return view.get("state", {}).get("values", {}).get(block, {}).get(INPUT, {}) or {}


def text(view: dict[str, Any], block: Block) -> str:
    return str(_state(view, block).get("value") or "")


def choice(view: dict[str, Any], block: Block) -> str:
    selected = _state(view, block).get("selected_option") or {}
    return str(selected.get("value") or "")


def choices(view: dict[str, Any], block: Block) -> list[str]:
    return [str(o.get("value")) for o in _state(view, block).get("selected_options") or []]


def picked_date(view: dict[str, Any], block: Block) -> str:
    return str(_state(view, block).get("selected_date") or "")


def signal_form(view: dict[str, Any]) -> SignalForm:
    """The signal modal's values; a value no option of ours could produce is an input error."""
    problems: dict[str, str] = {}

    def parse(block: Block, convert: Callable[[], T], fallback: T) -> T:
        try:
            return convert()
        except ValueError:
            problems[block] = "error_required"
            return fallback

    form = SignalForm(
        pupil_name=text(view, Block.PUPIL_NAME),
        pupil_group=text(view, Block.PUPIL_GROUP),
        age_band=parse(Block.AGE_BAND, lambda: AgeBand(choice(view, Block.AGE_BAND)), AgeBand.UNDER_12),
        observed_on=parse(
            Block.OBSERVED_ON, lambda: date.fromisoformat(picked_date(view, Block.OBSERVED_ON)), date.min
        ),
        observed=text(view, Block.OBSERVED),
        location=text(view, Block.LOCATION),
        source=parse(Block.SOURCE, lambda: SignalSource(choice(view, Block.SOURCE)), SignalSource.OWN_OBSERVATION),
        categories=parse(
            Block.CATEGORIES, lambda: tuple(SignalCategory(c) for c in choices(view, Block.CATEGORIES)), ()
        ),
        source_detail=text(view, Block.SOURCE_DETAIL),
        counter_facts=text(view, Block.COUNTER_FACTS),
    )
    if problems:
        raise InvalidInput(problems)
    return form
