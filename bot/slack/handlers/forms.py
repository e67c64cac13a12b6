"""Reading submitted modal state into domain values (nothing else: no Slack calls, no storage).

A value no option of ours could produce (a crafted request) is an input error on its field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from bot.flows.errors import InvalidInput
from bot.flows.steps.closing import CloseForm, validate_close
from bot.flows.steps.consultation import ConsultationForm, validate_consultation
from bot.flows.steps.conversation import ConversationForm, SkipForm, validate_conversation, validate_skip
from bot.flows.steps.help_plan import HelpPlanForm, validate_help_plan
from bot.flows.steps.kindcheck import KindcheckForm, validate_kindcheck
from bot.flows.steps.registration import SignalForm
from bot.flows.steps.registration import validate as validate_signal
from bot.flows.steps.reminder_actions import PostponeForm, validate_postpone
from bot.flows.steps.reporting import FeedbackForm, ReportForm, validate_feedback
from bot.flows.vocabulary import (
    AgeBand,
    Consent,
    ConsultationKind,
    ConversationWith,
    Informed,
    NoConsentReason,
    ReferenceIndex,
    ReportChannel,
    SignalCategory,
    SignalSource,
    SkipReason,
)
from bot.slack.ids import INPUT, Block

E = TypeVar("E", bound=Enum)
F = TypeVar("F")


# Ids are PostgreSQL INTEGERs: anything beyond names no record (and would overflow a query).
MAX_ID = 2**31 - 1


def record_id(value: object) -> int:
    """The id a button value or a modal's metadata carries, or 0, which no record has.

    The one parser for every id that comes from Slack: a crafted value (not a whole number, a
    bool, negative, 10**30, nested) becomes 0, so the flow refuses it as "no such record" and
    audits that, and the value itself never reaches a query, an exception or a log line.
    """
    if isinstance(value, bool):
        return 0
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= len(str(MAX_ID)):
        value = int(value)
    return value if isinstance(value, int) and 0 < value <= MAX_ID else 0


def small_number(value: object, upper: int) -> int:
    """A small whole number from a button or metadata (a page, a question); 0 when it is anything else."""
    number = record_id(value)
    return number if number <= upper else 0


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


def _state(view: dict[str, Any], block: Block) -> dict[str, Any]:
    return view.get("state", {}).get("values", {}).get(block, {}).get(INPUT, {}) or {}


def text(view: dict[str, Any], block: Block) -> str:
    return str(_state(view, block).get("value") or "")


def choice(view: dict[str, Any], block: Block) -> str:
    selected = _state(view, block).get("selected_option") or {}
    return str(selected.get("value") or "")


class FormReader:
    """Reads one submitted modal, collecting a problem per field that holds no valid value."""

    def __init__(self, view: dict[str, Any]) -> None:
        self.view = view
        self.problems: dict[str, str] = {}

    def text(self, block: Block) -> str:
        return text(self.view, block)

    def choice(self, block: Block, kind: type[E], fallback: E) -> E:
        try:
            return kind(choice(self.view, block))
        except ValueError:
            self.problems[block] = "error_required"
            return fallback

    def optional_choice(self, block: Block, kind: type[E]) -> E | None:
        value = choice(self.view, block)
        return self.choice(block, kind, next(iter(kind))) if value else None

    def choices(self, block: Block, kind: type[E]) -> tuple[E, ...]:
        values = [str(o.get("value")) for o in _state(self.view, block).get("selected_options") or []]
        try:
            return tuple(kind(v) for v in values)
        except ValueError:
            self.problems[block] = "error_required"
            return ()

    def optional_date(self, block: Block) -> date | None:
        """A date that may be left empty (then None); a garbled one is a problem like a missing one."""
        raw = _state(self.view, block).get("selected_date")
        return self.date(block) if raw else None

    def date(self, block: Block) -> date:
        try:
            return date.fromisoformat(str(_state(self.view, block).get("selected_date") or ""))
        except ValueError:
            self.problems[block] = "error_required"
            return date.min

    def user(self, block: Block) -> str:
        return str(_state(self.view, block).get("selected_user") or "")

    def users(self, block: Block) -> list[str]:
        return [str(u) for u in _state(self.view, block).get("selected_users") or []]

    def yes(self, block: Block) -> bool:
        return choice(self.view, block) == "yes"

    def ticked(self, block: Block) -> bool:
        """A single checkbox (value "yes") ticked."""
        return "yes" in [o.get("value") for o in _state(self.view, block).get("selected_options") or []]

    def checked(self, form: F, validate: Callable[[F], None] | None = None) -> F:
        """The form, or every problem at once: unreadable fields and the flow's own rules together."""
        problems = dict(self.problems)
        if validate is not None:
            try:
                validate(form)
            except InvalidInput as error:
                problems = error.problems | problems
        if problems:
            raise InvalidInput(problems)
        return form


def signal_form(view: dict[str, Any], today: date) -> SignalForm:
    r = FormReader(view)
    return r.checked(
        SignalForm(
            pupil_name=r.text(Block.PUPIL_NAME),
            pupil_group=r.text(Block.PUPIL_GROUP),
            age_band=r.choice(Block.AGE_BAND, AgeBand, AgeBand.UNDER_12),
            observed_on=r.date(Block.OBSERVED_ON),
            observed=r.text(Block.OBSERVED),
            location=r.text(Block.LOCATION),
            source=r.choice(Block.SOURCE, SignalSource, SignalSource.OWN_OBSERVATION),
            categories=r.choices(Block.CATEGORIES, SignalCategory),
            source_detail=r.text(Block.SOURCE_DETAIL),
            counter_facts=r.text(Block.COUNTER_FACTS),
        ),
        lambda form: validate_signal(form, today),
    )


def consultation_form(view: dict[str, Any], today: date) -> ConsultationForm:
    r = FormReader(view)
    return r.checked(
        ConsultationForm(
            kind=r.choice(Block.KIND, ConsultationKind, ConsultationKind.OTHER),
            held_on=r.date(Block.HELD_ON),
            outcome=r.text(Block.OUTCOME),
            colleague_id=r.user(Block.COLLEAGUE_ID),
            other_role=r.text(Block.OTHER_ROLE),
            special_form=r.yes(Block.SPECIAL_FORM),
        ),
        lambda form: validate_consultation(form, today),
    )


def conversation_form(view: dict[str, Any], today: date) -> ConversationForm:
    r = FormReader(view)
    return r.checked(
        ConversationForm(
            with_whom=r.choice(Block.WITH_WHOM, ConversationWith, ConversationWith.PARENTS),
            held_on=r.date(Block.HELD_ON),
            participants=r.text(Block.PARTICIPANTS),
            shared=r.text(Block.SHARED),
            reaction=r.text(Block.REACTION),
            agreements=r.text(Block.AGREEMENTS),
            consent=r.choice(Block.CONSENT, Consent, Consent.NOT_ASKED),
            household=r.text(Block.HOUSEHOLD),
        ),
        lambda form: validate_conversation(form, today),
    )


def skip_form(view: dict[str, Any]) -> SkipForm:
    r = FormReader(view)
    return r.checked(
        SkipForm(
            reason=r.choice(Block.SKIP_REASON, SkipReason, SkipReason.CHILD_SAFETY), skip_note=r.text(Block.SKIP_NOTE)
        ),
        validate_skip,
    )


def report_form(view: dict[str, Any]) -> ReportForm:
    r = FormReader(view)
    return r.checked(
        ReportForm(
            reported_on=r.date(Block.REPORTED_ON),
            reported_by=r.user(Block.REPORTED_BY),
            channel=r.choice(Block.CHANNEL, ReportChannel, ReportChannel.PHONE),
            own_facts=r.text(Block.OWN_FACTS),
            parents_informed=r.choice(Block.PARENTS_INFORMED, Informed, Informed.NO),
            pupil_informed=r.choice(Block.PUPIL_INFORMED, Informed, Informed.NO),
            vt_reference=r.text(Block.VT_REFERENCE),
            third_party_facts=r.text(Block.THIRD_PARTY_FACTS),
            no_consent_reason=r.optional_choice(Block.NO_CONSENT_REASON, NoConsentReason),
            consent_interests=r.text(Block.CONSENT_INTERESTS),
            consent_alternative=r.text(Block.CONSENT_ALTERNATIVE),
            consent_why_not=r.text(Block.CONSENT_WHY_NOT),
            consent_balance=r.text(Block.CONSENT_BALANCE),
            consent_who_knows=r.text(Block.CONSENT_WHO_KNOWS),
            objections=r.text(Block.OBJECTIONS),
            reference_index=r.optional_choice(Block.REFERENCE_INDEX, ReferenceIndex),
            reference_index_reason=r.text(Block.REFERENCE_INDEX_REASON),
        )
    )


def feedback_form(view: dict[str, Any], today: date) -> FeedbackForm:
    r = FormReader(view)
    return r.checked(
        FeedbackForm(feedback_on=r.date(Block.FEEDBACK_ON), feedback=r.text(Block.FEEDBACK)),
        lambda form: validate_feedback(form, today),
    )


def help_plan_form(view: dict[str, Any], today: date) -> HelpPlanForm:
    r = FormReader(view)
    return r.checked(
        HelpPlanForm(
            term=r.date(Block.TERM),
            casemanager_id=r.user(Block.CASEMANAGER_ID),
            tasks=r.text(Block.TASKS),
            agreements=r.text(Block.AGREEMENTS),
            # Typed wins over picked: it may name a person or a branch the sociale kaart does not.
            referral=r.text(Block.REFERRAL) or choice(view, Block.REFERRAL_CONTACT),
        ),
        lambda form: validate_help_plan(form, today),
    )


def kindcheck_form(view: dict[str, Any]) -> KindcheckForm:
    r = FormReader(view)
    return r.checked(KindcheckForm(children=r.text(Block.CHILDREN), carers=r.text(Block.CARERS)), validate_kindcheck)


def close_form(view: dict[str, Any], today: date) -> CloseForm:
    r = FormReader(view)
    return r.checked(
        CloseForm(
            close_note=r.text(Block.CLOSE_NOTE),
            monitoring=r.text(Block.MONITORING),
            follow_up=r.optional_date(Block.FOLLOW_UP),
        ),
        lambda form: validate_close(form, today),
    )


def postpone_form(view: dict[str, Any], today: date) -> PostponeForm:
    r = FormReader(view)
    return r.checked(
        PostponeForm(until=r.date(Block.UNTIL), postpone_reason=r.text(Block.POSTPONE_REASON)),
        lambda form: validate_postpone(form, today),
    )
