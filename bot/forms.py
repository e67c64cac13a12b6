"""The bot's forms on every platform: their fields, and a submission's values read into a flow's form.

Each platform supplies the raw values of a submission (`Values`); reading them into a flow's form,
and what counts as a problem, is the same everywhere. A value no option of ours could produce (a
crafted request) is an input error on its field, and an id that names no record is 0.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum, StrEnum
from typing import Protocol, TypeVar

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

E = TypeVar("E", bound=Enum)
F = TypeVar("F")


# Ids are PostgreSQL INTEGERs: anything beyond names no record (and would overflow a query).
MAX_ID = 2**31 - 1


def record_id(value: object) -> int:
    """The id a button value or a modal's metadata carries, or 0, which no record has.

    The one parser for every id that comes from a platform: a crafted value (not a whole number, a
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


class Field(StrEnum):
    """The fields of the bot's forms, on every platform (a Slack modal's input blocks, a Teams
    dialog's inputs). Where a field fills a flow form's field, the value is that field's name."""

    SCHOOL = "school"
    REFERRAL_CONTACT = "referral_contact"  # the help plan's referral, picked from the sociale kaart
    EXPORT_DOCUMENT = "export_document"  # "dossier", or "conversation:<number>"
    DESK_FILTERS = "desk_filters"  # the App Home desk's filters (its school filter may search)
    DESK_DUE = "desk_due"  # the desk's group filter where a dialog shows it (my_cases.EVERY: every group)
    DESK_SCHOOL = "desk_school"  # its school filter (my_cases.EVERY: every school)
    ROUTE = "route"
    ACUTE = "acute"
    PUPIL_NAME = "pupil_name"
    PUPIL_GROUP = "pupil_group"
    AGE_BAND = "age_band"
    OBSERVED = "observed"
    OBSERVED_ON = "observed_on"
    LOCATION = "location"
    SOURCE = "source"
    SOURCE_DETAIL = "source_detail"
    CATEGORIES = "categories"
    COUNTER_FACTS = "counter_facts"
    CHOICE = "choice"
    BOARD_ALERT = "board_alert"
    # step 2
    KIND = "kind"
    COLLEAGUE_ID = "colleague_id"
    OTHER_ROLE = "other_role"
    HELD_ON = "held_on"
    OUTCOME = "outcome"
    SPECIAL_FORM = "special_form"
    TEAM = "team"
    # step 3
    WITH_WHOM = "with_whom"
    PARTICIPANTS = "participants"
    SHARED = "shared"
    REACTION = "reaction"
    AGREEMENTS = "agreements"
    CONSENT = "consent"
    HOUSEHOLD = "household"
    CHILDREN = "children"  # the kindcheck
    CARERS = "carers"
    SKIP_REASON = "skip_reason"
    SKIP_NOTE = "skip_note"
    # steps 4 and 5
    RATIONALE = "rationale"
    MONITORING = "monitoring"
    FOLLOW_UP = "follow_up"  # nazorg: when to ask how the child is doing
    EARLY_CONFIRMATION = "early_confirmation"  # question 5 "ja" before the term: the results are reached
    REPORTED_ON = "reported_on"
    REPORTED_BY = "reported_by"
    CHANNEL = "channel"
    VT_REFERENCE = "vt_reference"
    OWN_FACTS = "own_facts"
    THIRD_PARTY_FACTS = "third_party_facts"
    PARENTS_INFORMED = "parents_informed"
    PUPIL_INFORMED = "pupil_informed"
    NO_CONSENT_REASON = "no_consent_reason"
    CONSENT_INTERESTS = "consent_interests"
    CONSENT_ALTERNATIVE = "consent_alternative"
    CONSENT_WHY_NOT = "consent_why_not"
    CONSENT_BALANCE = "consent_balance"
    CONSENT_WHO_KNOWS = "consent_who_knows"
    OBJECTIONS = "objections"
    REFERENCE_INDEX = "reference_index"
    REFERENCE_INDEX_REASON = "reference_index_reason"
    FEEDBACK_ON = "feedback_on"
    FEEDBACK = "feedback"
    TERM = "term"
    CASEMANAGER_ID = "casemanager_id"
    TASKS = "tasks"
    REFERRAL = "referral"
    CLOSE_NOTE = "close_note"
    # reminders
    UNTIL = "until"
    POSTPONE_REASON = "postpone_reason"


class Values(Protocol):
    """A submission's raw values by field, as its platform sent them ("" or [] when none)."""

    def text(self, field: str) -> str: ...

    def choice(self, field: str) -> str: ...

    def choices(self, field: str) -> list[str]: ...

    def date(self, field: str) -> str:
        """An ISO date, or "" (a garbled one is passed on as it came, and refused here)."""
        ...

    def user(self, field: str) -> str: ...

    def users(self, field: str) -> list[str]: ...


class FormReader:
    """Reads one submission, collecting a problem per field that holds no valid value."""

    def __init__(self, values: Values) -> None:
        self.values = values
        self.problems: dict[str, str] = {}

    def text(self, block: Field) -> str:
        return self.values.text(block)

    def choice(self, block: Field, kind: type[E], fallback: E) -> E:
        try:
            return kind(self.values.choice(block))
        except ValueError:
            self.problems[block] = "error_required"
            return fallback

    def optional_choice(self, block: Field, kind: type[E]) -> E | None:
        value = self.values.choice(block)
        return self.choice(block, kind, next(iter(kind))) if value else None

    def choices(self, block: Field, kind: type[E]) -> tuple[E, ...]:
        try:
            return tuple(kind(v) for v in self.values.choices(block))
        except ValueError:
            self.problems[block] = "error_required"
            return ()

    def optional_date(self, block: Field) -> date | None:
        """A date that may be left empty (then None); a garbled one is a problem like a missing one."""
        return self.date(block) if self.values.date(block) else None

    def date(self, block: Field) -> date:
        try:
            return date.fromisoformat(self.values.date(block))
        except ValueError:
            self.problems[block] = "error_required"
            return date.min

    def user(self, block: Field) -> str:
        return self.values.user(block)

    def users(self, block: Field) -> list[str]:
        return self.values.users(block)

    def yes(self, block: Field) -> bool:
        return self.values.choice(block) == "yes"

    def ticked(self, block: Field) -> bool:
        """A single checkbox (value "yes") ticked."""
        return "yes" in self.values.choices(block)

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


def signal_form(values: Values, today: date) -> SignalForm:
    r = FormReader(values)
    return r.checked(
        SignalForm(
            pupil_name=r.text(Field.PUPIL_NAME),
            pupil_group=r.text(Field.PUPIL_GROUP),
            age_band=r.choice(Field.AGE_BAND, AgeBand, AgeBand.UNDER_12),
            observed_on=r.date(Field.OBSERVED_ON),
            observed=r.text(Field.OBSERVED),
            location=r.text(Field.LOCATION),
            source=r.choice(Field.SOURCE, SignalSource, SignalSource.OWN_OBSERVATION),
            categories=r.choices(Field.CATEGORIES, SignalCategory),
            source_detail=r.text(Field.SOURCE_DETAIL),
            counter_facts=r.text(Field.COUNTER_FACTS),
        ),
        lambda form: validate_signal(form, today),
    )


def consultation_form(values: Values, today: date) -> ConsultationForm:
    r = FormReader(values)
    return r.checked(
        ConsultationForm(
            kind=r.choice(Field.KIND, ConsultationKind, ConsultationKind.OTHER),
            held_on=r.date(Field.HELD_ON),
            outcome=r.text(Field.OUTCOME),
            colleague_id=r.user(Field.COLLEAGUE_ID),
            other_role=r.text(Field.OTHER_ROLE),
            special_form=r.yes(Field.SPECIAL_FORM),
        ),
        lambda form: validate_consultation(form, today),
    )


def conversation_form(values: Values, today: date) -> ConversationForm:
    r = FormReader(values)
    return r.checked(
        ConversationForm(
            with_whom=r.choice(Field.WITH_WHOM, ConversationWith, ConversationWith.PARENTS),
            held_on=r.date(Field.HELD_ON),
            participants=r.text(Field.PARTICIPANTS),
            shared=r.text(Field.SHARED),
            reaction=r.text(Field.REACTION),
            agreements=r.text(Field.AGREEMENTS),
            consent=r.choice(Field.CONSENT, Consent, Consent.NOT_ASKED),
            household=r.text(Field.HOUSEHOLD),
        ),
        lambda form: validate_conversation(form, today),
    )


def skip_form(values: Values) -> SkipForm:
    r = FormReader(values)
    return r.checked(
        SkipForm(
            reason=r.choice(Field.SKIP_REASON, SkipReason, SkipReason.CHILD_SAFETY), skip_note=r.text(Field.SKIP_NOTE)
        ),
        validate_skip,
    )


def report_form(values: Values) -> ReportForm:
    r = FormReader(values)
    return r.checked(
        ReportForm(
            reported_on=r.date(Field.REPORTED_ON),
            reported_by=r.user(Field.REPORTED_BY),
            channel=r.choice(Field.CHANNEL, ReportChannel, ReportChannel.PHONE),
            own_facts=r.text(Field.OWN_FACTS),
            parents_informed=r.choice(Field.PARENTS_INFORMED, Informed, Informed.NO),
            pupil_informed=r.choice(Field.PUPIL_INFORMED, Informed, Informed.NO),
            vt_reference=r.text(Field.VT_REFERENCE),
            third_party_facts=r.text(Field.THIRD_PARTY_FACTS),
            no_consent_reason=r.optional_choice(Field.NO_CONSENT_REASON, NoConsentReason),
            consent_interests=r.text(Field.CONSENT_INTERESTS),
            consent_alternative=r.text(Field.CONSENT_ALTERNATIVE),
            consent_why_not=r.text(Field.CONSENT_WHY_NOT),
            consent_balance=r.text(Field.CONSENT_BALANCE),
            consent_who_knows=r.text(Field.CONSENT_WHO_KNOWS),
            objections=r.text(Field.OBJECTIONS),
            reference_index=r.optional_choice(Field.REFERENCE_INDEX, ReferenceIndex),
            reference_index_reason=r.text(Field.REFERENCE_INDEX_REASON),
        )
    )


def feedback_form(values: Values, today: date) -> FeedbackForm:
    r = FormReader(values)
    return r.checked(
        FeedbackForm(feedback_on=r.date(Field.FEEDBACK_ON), feedback=r.text(Field.FEEDBACK)),
        lambda form: validate_feedback(form, today),
    )


def help_plan_form(values: Values, today: date) -> HelpPlanForm:
    r = FormReader(values)
    return r.checked(
        HelpPlanForm(
            term=r.date(Field.TERM),
            casemanager_id=r.user(Field.CASEMANAGER_ID),
            tasks=r.text(Field.TASKS),
            agreements=r.text(Field.AGREEMENTS),
            # Typed wins over picked: it may name a person or a branch the sociale kaart does not.
            referral=r.text(Field.REFERRAL) or values.choice(Field.REFERRAL_CONTACT),
        ),
        lambda form: validate_help_plan(form, today),
    )


def kindcheck_form(values: Values) -> KindcheckForm:
    r = FormReader(values)
    return r.checked(KindcheckForm(children=r.text(Field.CHILDREN), carers=r.text(Field.CARERS)), validate_kindcheck)


def close_form(values: Values, today: date) -> CloseForm:
    r = FormReader(values)
    return r.checked(
        CloseForm(
            close_note=r.text(Field.CLOSE_NOTE),
            monitoring=r.text(Field.MONITORING),
            follow_up=r.optional_date(Field.FOLLOW_UP),
        ),
        lambda form: validate_close(form, today),
    )


def postpone_form(values: Values, today: date) -> PostponeForm:
    r = FormReader(values)
    return r.checked(
        PostponeForm(until=r.date(Field.UNTIL), postpone_reason=r.text(Field.POSTPONE_REASON)),
        lambda form: validate_postpone(form, today),
    )
