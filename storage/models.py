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


class School(Base):
    """A school from the configuration, mirrored so that cases can refer to it."""

    __tablename__ = "school"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class Membership(Base):
    """A role a Slack user holds at a school, mirrored from the configuration."""

    __tablename__ = "membership"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)


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
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[str] = mapped_column(ForeignKey("school.id"))
    reference: Mapped[str] = mapped_column(String(32))
    route: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(32))
    reporter_id: Mapped[str] = mapped_column(String(32))
    # The submission that created the case: a double submit finds it instead of a twin.
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    pupil_name: Mapped[str | None] = mapped_column(Text)
    pupil_group: Mapped[str | None] = mapped_column(Text)
    age_band: Mapped[str | None] = mapped_column(String(16))
    pupil_lookup: Mapped[str | None] = mapped_column(String(80))
    acute: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]

    signals: Mapped[list[Signal]] = relationship(back_populates="case", order_by="Signal.id")


class Signal(Base):
    """What a staff member saw or heard (step 1), stated as facts."""

    __tablename__ = "signal"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("meldcase.id"), index=True)
    reporter_id: Mapped[str] = mapped_column(String(32))
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    observed_on: Mapped[date]
    observed: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))
    source_detail: Mapped[str | None] = mapped_column(Text)
    categories: Mapped[list[str]]
    counter_facts: Mapped[str | None] = mapped_column(Text)
    acute: Mapped[bool] = mapped_column(Boolean, default=False)
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
    reporter_id: Mapped[str] = mapped_column(String(32))
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    payload: Mapped[str | None] = mapped_column(Text)
    open_case_id: Mapped[int] = mapped_column(ForeignKey("meldcase.id"))
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]


class AuditEvent(Base):
    """An append-only record of who did what, when. Never holds personal data in clear."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor_id: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    school_id: Mapped[str | None] = mapped_column(String(64), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("meldcase.id"), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class OutboxMessage(Base):
    """A message the bot sends on its own initiative, stored with the change that caused it.

    The payload describes the message in platform-neutral terms (kind and case reference);
    the chat adapter renders it at delivery time.
    """

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_message_state", "state", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    recipient_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("meldcase.id"))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]
    claimed_at: Mapped[datetime | None]  # when a worker took it; a stale claim is retried
    sent_at: Mapped[datetime | None]


class SlackEventReceipt(Base):
    """Event ids already handled, shared by all processes so that a Slack retry is a no-op."""

    __tablename__ = "slack_event_receipt"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime]


# Every column that holds ciphertext, with the purpose string it is bound to.
SEALED_COLUMNS: dict[type[Base], tuple[str, ...]] = {
    Case: ("pupil_name", "pupil_group"),
    Signal: ("observed", "location", "source_detail", "counter_facts"),
    RegistrationDraft: ("payload",),
}


def purpose(model: type[Base], column: str) -> str:
    """The associated data that binds a sealed value to its column."""
    return f"{model.__tablename__}.{column}"
