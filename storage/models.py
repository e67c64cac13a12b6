"""SQLAlchemy 2.0 typed models of the dossier.

Columns whose names are listed in SEALED_COLUMNS hold ciphertext from storage.crypto, never
plain text. Domain vocabularies (states, routes, categories) are stored as plain strings: the
flows own their enums, and storage does not import the bot.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out, also on SQLite, which keeps no offset."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use an aware UTC time")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        date: Date,
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


# A person's id on their platform (a Slack member id, an Entra object id): opaque, and as long as
# the platforms' ids may be.
USER_ID_LENGTH = 128
UserId = String(USER_ID_LENGTH)
PLATFORMS = ("slack", "teams")


class School(Base):
    """A school from the configuration, mirrored so that cases can refer to it."""

    __tablename__ = "school"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class Membership(Base):
    """A role a person holds at a school, mirrored from the configuration."""

    __tablename__ = "membership"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(UserId, primary_key=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)
    platform: Mapped[str] = mapped_column(String(16), default="slack", server_default="slack")


class MemberGroup(Base):
    """The members of a platform's user group that a school names as its reporters, as last read.

    Every process reads them here: a change that one process hears of counts at the next click in
    all of them (each compares `revision` with its own copy, once per request)."""

    __tablename__ = "member_group"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    members: Mapped[list[str]]
    revision: Mapped[int] = mapped_column(Integer)  # raised by every change of members
    synced_at: Mapped[datetime]  # when the platform last gave the whole list


class Person(Base):
    """Someone the bot talks to, on their platform, with what they chose for themselves."""

    __tablename__ = "person"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    user_id: Mapped[str] = mapped_column(UserId, primary_key=True)
    language: Mapped[str | None] = mapped_column(String(8))  # None: the school's language
    updated_at: Mapped[datetime]


class ConversationReference(Base):
    """Where the bot can write to someone on a platform that only allows it in a conversation the
    person opened (Teams: the app installed in their personal scope). Ids, an address and the
    person's name; no content."""

    __tablename__ = "conversation_reference"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    user_id: Mapped[str] = mapped_column(UserId, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(512))
    service_url: Mapped[str] = mapped_column(String(512))
    updated_at: Mapped[datetime]
    # The person's display name as the platform last gave it, sealed: what the bot shows for them
    # where the platform draws no name itself (Teams' cards and dialogs, the PDF).
    name: Mapped[str | None] = mapped_column(Text)


class CaseCounter(Base):
    """The last reference number handed out per school and year (MC-<year>-<number>)."""

    __tablename__ = "case_counter"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class Case(Base):
    """One child at one school, from the first signal to closing."""

    __tablename__ = "meldcase"
    __table_args__ = (
        UniqueConstraint("school_id", "reference", name="uq_meldcase_school_reference"),
        Index("ix_meldcase_school_lookup", "school_id", "pupil_lookup"),
        Index("ix_meldcase_school_state", "school_id", "state"),
        # The App Home's lists: a school's open cases, a reporter's own, newest first.
        Index("ix_meldcase_school_open", "school_id", "closed_at", "id"),
        Index("ix_meldcase_reporter", "reporter_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[str] = mapped_column(ForeignKey("school.id"))
    reference: Mapped[str] = mapped_column(String(32))
    route: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(32))
    reporter_id: Mapped[str] = mapped_column(UserId)
    # The submission that created the case: a double submit finds it instead of a twin.
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    pupil_name: Mapped[str | None] = mapped_column(Text)
    pupil_group: Mapped[str | None] = mapped_column(Text)
    age_band: Mapped[str | None] = mapped_column(String(16))
    pupil_lookup: Mapped[str | None] = mapped_column(String(80))
    acute: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    coordinator_id: Mapped[str | None] = mapped_column(UserId)  # who took the case
    taken_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    close_reason: Mapped[str | None] = mapped_column(String(32))
    close_note: Mapped[str | None] = mapped_column(Text)
    monitoring: Mapped[str | None] = mapped_column(Text)  # monitoring agreements at closing
    # Set when the retention period ended and the personal data was removed; the row stays as
    # the anchor of its audit events.
    purged_at: Mapped[datetime | None]
    # The statistics' measures already added to `statistic_count` for this case (each once, ever).
    counted: Mapped[list[str] | None] = mapped_column(JSON)

    signals: Mapped[list[Signal]] = relationship(back_populates="case", order_by="Signal.id")


class Signal(Base):
    """What a staff member saw or heard (step 1), stated as facts."""

    __tablename__ = "signal"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("meldcase.id"), index=True)
    reporter_id: Mapped[str] = mapped_column(UserId)
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    observed_on: Mapped[date]
    observed: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))
    source_detail: Mapped[str | None] = mapped_column(Text)
    categories: Mapped[list[str]]
    counter_facts: Mapped[str | None] = mapped_column(Text)
    acute: Mapped[bool] = mapped_column(Boolean, default=False)
    # None for what a staff member registered; "consent_refused" for a refusal recorded in a conversation.
    origin: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]

    case: Mapped[Case] = relationship(back_populates="signals")


class RegistrationDraft(Base):
    """A submitted signal waiting for the reporter to choose: add to the open case, or not.

    Once resolved, the payload is cleared (the signal holds the data) and the row stays so
    that a second click on the same choice finds what the first one created.
    """

    __tablename__ = "registration_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[str] = mapped_column(ForeignKey("school.id"))
    reporter_id: Mapped[str] = mapped_column(UserId)
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    payload: Mapped[str | None] = mapped_column(Text)
    open_case_id: Mapped[int] = mapped_column(ForeignKey("meldcase.id"))
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]


class TeamMember(Base):
    """Someone a coordinator added to one case (zorgteam), or its casemanager: access to it alone."""

    __tablename__ = "team_member"

    case_id: Mapped[int] = mapped_column(ForeignKey("meldcase.id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(UserId, primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(32))
    added_by: Mapped[str] = mapped_column(UserId)
    added_at: Mapped[datetime]


class Consultation(Base):
    """Step 2: a consultation with a colleague or an expert, and what came of it."""

    __tablename__ = "consultation"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("meldcase.id"), index=True)
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    colleague_id: Mapped[str | None] = mapped_column(UserId)
    other_role: Mapped[str | None] = mapped_column(Text)
    held_on: Mapped[date]
    outcome: Mapped[str] = mapped_column(Text)
    special_form: Mapped[bool] = mapped_column(Boolean, default=False)  # honour violence, forced marriage, FGM
    recorded_by: Mapped[str] = mapped_column(UserId)
    recorded_at: Mapped[datetime]


class Conversation(Base):
    """Step 3: a conversation with parents and/or pupil, or the recorded reason it was skipped."""

    __tablename__ = "conversation"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("meldcase.id"), index=True)
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    with_whom: Mapped[str | None] = mapped_column(String(16))
    held_on: Mapped[date | None]
    participants: Mapped[str | None] = mapped_column(Text)
    shared: Mapped[str | None] = mapped_column(Text)
    reaction: Mapped[str | None] = mapped_column(Text)
    agreements: Mapped[str | None] = mapped_column(Text)
    consent: Mapped[str | None] = mapped_column(String(16))
    household: Mapped[str | None] = mapped_column(Text)  # kindcheck: other children, who cares for them
    skip_reason: Mapped[str | None] = mapped_column(String(32))
    skip_note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(UserId)
    recorded_at: Mapped[datetime]


class Kindcheck(Base):
    """The kindcheck: the other children in the household and who cares for them, as the case knows it now."""

    __tablename__ = "kindcheck"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("meldcase.id"), index=True)
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    children: Mapped[str | None] = mapped_column(Text)
    carers: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(UserId)
    recorded_at: Mapped[datetime]


class Weighing(Base):
    """One pass through the afwegingskader; a new signal can start another. Holds the machine's state."""

    __tablename__ = "weighing"
    __table_args__ = (UniqueConstraint("case_id", "round", name="uq_weighing_case_round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("meldcase.id"), index=True)
    round: Mapped[int] = mapped_column(Integer)
    framework_version: Mapped[str] = mapped_column(String(16))
    stage: Mapped[str] = mapped_column(String(16))
    question: Mapped[int | None] = mapped_column(Integer)
    meldnorm: Mapped[int | None] = mapped_column(Integer)
    reported: Mapped[bool] = mapped_column(Boolean, default=False)
    with_veilig_thuis: Mapped[bool] = mapped_column(Boolean, default=False)
    help_running: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str | None] = mapped_column(String(16))
    started_by: Mapped[str] = mapped_column(UserId)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    # The newest signal this weighing could take into account; a later one offers a new weighing.
    last_signal_id: Mapped[int | None] = mapped_column(Integer)

    answers: Mapped[list[WeighingAnswer]] = relationship(order_by="WeighingAnswer.question")


class WeighingAnswer(Base):
    """An answer to one question: who, when, why, and under which version of the framework."""

    __tablename__ = "weighing_answer"
    # One answer per question per weighing: the second of two simultaneous answers fails here.
    __table_args__ = (UniqueConstraint("weighing_id", "question", name="uq_weighing_answer_question"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    weighing_id: Mapped[int] = mapped_column(ForeignKey("weighing.id"), index=True)
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    question: Mapped[int] = mapped_column(Integer)
    answer: Mapped[str] = mapped_column(String(8))
    rationale: Mapped[str] = mapped_column(Text)
    framework_version: Mapped[str] = mapped_column(String(16))
    with_veilig_thuis: Mapped[bool] = mapped_column(Boolean, default=False)
    answered_by: Mapped[str] = mapped_column(UserId)
    answered_at: Mapped[datetime]


class Report(Base):
    """A melding at Veilig Thuis, and the feedback Veilig Thuis gave on it."""

    __tablename__ = "report"
    __table_args__ = (UniqueConstraint("weighing_id", "meldnorm", name="uq_report_weighing_meldnorm"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("meldcase.id"), index=True)
    weighing_id: Mapped[int] = mapped_column(ForeignKey("weighing.id"))
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    meldnorm: Mapped[int] = mapped_column(Integer)
    reported_on: Mapped[date]
    reported_by: Mapped[str] = mapped_column(UserId)
    channel: Mapped[str] = mapped_column(String(16))
    vt_reference: Mapped[str | None] = mapped_column(Text)
    own_facts: Mapped[str] = mapped_column(Text)
    third_party_facts: Mapped[str | None] = mapped_column(Text)
    parents_informed: Mapped[str] = mapped_column(String(16))
    pupil_informed: Mapped[str] = mapped_column(String(16))
    no_consent_reason: Mapped[str | None] = mapped_column(String(16))
    without_consent: Mapped[str | None] = mapped_column(Text)  # the five questions' answers, as JSON
    objections: Mapped[str | None] = mapped_column(Text)
    # Whether a registration in the verwijsindex was considered, and why it went as it did (None
    # for a melding recorded before the question was asked).
    reference_index: Mapped[str | None] = mapped_column(String(16))
    reference_index_reason: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(UserId)
    recorded_at: Mapped[datetime]
    feedback_on: Mapped[date | None]
    feedback: Mapped[str | None] = mapped_column(Text)
    feedback_by: Mapped[str | None] = mapped_column(UserId)


class HelpPlan(Base):
    """Question 4 yes: the help agreed, its term, its casemanager, who does what."""

    __tablename__ = "help_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("meldcase.id"), index=True)
    weighing_id: Mapped[int] = mapped_column(ForeignKey("weighing.id"), unique=True)
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    term: Mapped[date]
    casemanager_id: Mapped[str] = mapped_column(UserId)
    tasks: Mapped[str] = mapped_column(Text)
    referral: Mapped[str | None] = mapped_column(Text)
    agreements: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(UserId)
    recorded_at: Mapped[datetime]
    # The check "did the family go to the referred help?", answered yes from its reminder.
    referral_confirmed_by: Mapped[str | None] = mapped_column(UserId)
    referral_confirmed_at: Mapped[datetime | None]


class Reminder(Base):
    """A deadline of the framework (DESIGN §4) as a row: it fires once, escalates, and stops.

    `next_at` is the one moment the row needs attention (its due time, its next escalation or
    weekly repeat), or NULL when nothing is left to do; the sweep reads only rows whose moment
    has come, through the index on it, however many cases are open.
    """

    __tablename__ = "reminder"
    __table_args__ = (UniqueConstraint("case_id", "kind", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("meldcase.id"))
    kind: Mapped[str] = mapped_column(String(32))
    # The record the deadline belongs to (a help plan, a melding); 0 for the case itself.
    subject_id: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(16))  # scheduled, waiting, done, cancelled
    level: Mapped[int] = mapped_column(Integer, default=0)  # the rung of its escalation ladder
    recipient_role: Mapped[str] = mapped_column(String(32))
    due_at: Mapped[datetime]
    next_at: Mapped[datetime | None] = mapped_column(index=True)
    sent_count: Mapped[int] = mapped_column(Integer, default=0)
    last_sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    # Set when handling the row failed (a bug, a kind this release does not know): the row rests
    # (next_at NULL) where `meldbot check` lists it, until `meldbot reminders retry`.
    parked_at: Mapped[datetime | None]
    parked_reason: Mapped[str | None] = mapped_column(String(200))  # an incident code and an error class


class ReminderPostponement(Base):
    """ "Remind me on …": who moved a reminder to which day, and why (part of the dossier)."""

    __tablename__ = "reminder_postponement"

    id: Mapped[int] = mapped_column(primary_key=True)
    reminder_id: Mapped[int] = mapped_column(ForeignKey("reminder.id"), index=True)
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    until: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    postponed_by: Mapped[str] = mapped_column(UserId)
    postponed_at: Mapped[datetime]


class AuditEvent(Base):
    """An append-only record of who did what, when. Never holds personal data in clear.

    Each event carries the hash of the one before it (storage.audit_chain), so that a changed,
    inserted or deleted row breaks the chain where it happened.
    """

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor_id: Mapped[str] = mapped_column(UserId)
    action: Mapped[str] = mapped_column(String(64))
    school_id: Mapped[str | None] = mapped_column(String(64), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("meldcase.id"), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class EncryptionKey(Base):
    """A key that sealed values in this database, known by its id only (never the key itself).

    The canary is a fixed text sealed under the key: opening it proves that a configured key is
    the right one before anything is read or written. A key is retired once a rotation moved
    every value off it.
    """

    __tablename__ = "encryption_key"

    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    canary: Mapped[str] = mapped_column(String(200))  # a fixed text, not free text: not in SEALED_COLUMNS
    first_used_at: Mapped[datetime]
    retired_at: Mapped[datetime | None]


class StatisticCount(Base):
    """Anonymous counts per school, month of registration and measure: a measure is added when it
    first holds for a case, so the counts are read without looking at any case and survive the
    purge of the cases they count. Month 0 holds what was counted before months were kept."""

    __tablename__ = "statistic_count"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class OutboxMessage(Base):
    """A message the bot sends on its own initiative, stored with the change that caused it.

    The payload describes the message in platform-neutral terms (kind and case reference);
    the chat adapter renders it at delivery time.
    """

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_message_state", "state", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    recipient_id: Mapped[str] = mapped_column(UserId)
    platform: Mapped[str] = mapped_column(String(16), default="slack", server_default="slack")  # the recipient's
    kind: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("meldcase.id"))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]
    claimed_at: Mapped[datetime | None]  # when a worker took it; a stale claim is retried
    next_attempt_at: Mapped[datetime | None]  # a retry waits for this (backoff, Retry-After)
    # True while an attempt may have reached Slack without our knowing (a lost response, a worker
    # that died mid-send): the next attempt first looks in the DM for the message's key.
    maybe_sent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    sent_at: Mapped[datetime | None]
    # Where the platform put the message (opaque to the outbox; its transport reads it), so that a
    # later row can change it in place.
    address: Mapped[str | None] = mapped_column(String(512))
    # Set on a row that rewrites an earlier message (e.g. "taken by") instead of sending a new one.
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("outbox_message.id"))


class EventReceipt(Base):
    """Event ids already handled, per platform, shared by all processes so that a retry is a no-op."""

    __tablename__ = "event_receipt"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(256), primary_key=True)
    received_at: Mapped[datetime]


# Every column that holds ciphertext, with the purpose string it is bound to.
SEALED_COLUMNS: dict[type[Base], tuple[str, ...]] = {
    Case: ("pupil_name", "pupil_group", "close_note", "monitoring"),
    Signal: ("observed", "location", "source_detail", "counter_facts"),
    RegistrationDraft: ("payload",),
    Consultation: ("other_role", "outcome"),
    Conversation: ("participants", "shared", "reaction", "agreements", "household", "skip_note"),
    Kindcheck: ("children", "carers"),
    WeighingAnswer: ("rationale",),
    Report: (
        "vt_reference",
        "own_facts",
        "third_party_facts",
        "without_consent",
        "objections",
        "reference_index_reason",
        "feedback",
    ),
    HelpPlan: ("tasks", "referral", "agreements"),
    ReminderPostponement: ("reason",),
    ConversationReference: ("name",),
}


def purpose(model: type[Base], column: str) -> str:
    """The associated data that binds a sealed value to its column."""
    return f"{model.__tablename__}.{column}"
