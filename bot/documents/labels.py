"""Catalogue labels for the domain's vocabularies: one naming rule, `<prefix>_<value>`."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from bot.flows.rules.framework import Answer
from bot.flows.vocabulary import (
    AgeBand,
    CaseState,
    CloseReason,
    Consent,
    ConsultationKind,
    ConversationWith,
    Informed,
    NoConsentReason,
    ReminderKind,
    ReportChannel,
    Route,
    SignalCategory,
    SignalSource,
    SkipReason,
)
from bot.texts import t

E = TypeVar("E", bound=StrEnum)

_PREFIX: dict[type[StrEnum], str] = {
    AgeBand: "age",
    Answer: "answer",
    CaseState: "state",
    CloseReason: "close_reason",
    Consent: "consent",
    ConsultationKind: "consultation_kind",
    ConversationWith: "with",
    Informed: "informed",
    NoConsentReason: "no_consent_reason",
    ReminderKind: "reminder_kind",
    ReportChannel: "channel",
    Route: "route",
    SignalCategory: "category",
    SignalSource: "source",
    SkipReason: "skip_reason",
}


def key(value: StrEnum) -> str:
    return f"{_PREFIX[type(value)]}_{value.value}"


def label(value: StrEnum) -> str:
    return t(key(value))


def keys(members: Iterable[E]) -> dict[E, str]:
    """value -> catalogue key, in the order given: the options of a radio or checkbox input."""
    return {member: key(member) for member in members}
