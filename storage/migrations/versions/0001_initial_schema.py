"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "school",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school")),
    )
    op.create_table(
        "slack_event_receipt",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_slack_event_receipt")),
    )
    op.create_table(
        "case_counter",
        sa.Column("school_id", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"], name=op.f("fk_case_counter_school_id_school")),
        sa.PrimaryKeyConstraint("school_id", "year", name=op.f("pk_case_counter")),
    )
    op.create_table(
        "meldcase",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.String(length=64), nullable=False),
        sa.Column("reference", sa.String(length=32), nullable=False),
        sa.Column("route", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("reporter_id", sa.String(length=32), nullable=False),
        sa.Column("submission_key", sa.String(length=128), nullable=False),
        sa.Column("pupil_name", sa.Text(), nullable=True),
        sa.Column("pupil_group", sa.Text(), nullable=True),
        sa.Column("age_band", sa.String(length=16), nullable=True),
        sa.Column("pupil_lookup", sa.String(length=80), nullable=True),
        sa.Column("acute", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"], name=op.f("fk_meldcase_school_id_school")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meldcase")),
        sa.UniqueConstraint("school_id", "reference", name="uq_meldcase_school_reference"),
        sa.UniqueConstraint("submission_key", name=op.f("uq_meldcase_submission_key")),
    )
    with op.batch_alter_table("meldcase", schema=None) as batch_op:
        batch_op.create_index("ix_meldcase_school_lookup", ["school_id", "pupil_lookup"], unique=False)
        batch_op.create_index("ix_meldcase_school_state", ["school_id", "state"], unique=False)

    op.create_table(
        "membership",
        sa.Column("school_id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"], name=op.f("fk_membership_school_id_school")),
        sa.PrimaryKeyConstraint("school_id", "user_id", "role", name=op.f("pk_membership")),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("school_id", sa.String(length=64), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["meldcase.id"], name=op.f("fk_audit_event_case_id_meldcase")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_school_id"), ["school_id"], unique=False)

    op.create_table(
        "outbox_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dedupe_key", sa.String(length=200), nullable=False),
        sa.Column("recipient_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["meldcase.id"], name=op.f("fk_outbox_message_case_id_meldcase")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_message")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_outbox_message_dedupe_key")),
    )
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_message_state", ["state", "id"], unique=False)

    op.create_table(
        "registration_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.String(length=64), nullable=False),
        sa.Column("reporter_id", sa.String(length=32), nullable=False),
        sa.Column("submission_key", sa.String(length=128), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("open_case_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["open_case_id"], ["meldcase.id"], name=op.f("fk_registration_draft_open_case_id_meldcase")
        ),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"], name=op.f("fk_registration_draft_school_id_school")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration_draft")),
        sa.UniqueConstraint("submission_key", name=op.f("uq_registration_draft_submission_key")),
    )
    op.create_table(
        "signal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("reporter_id", sa.String(length=32), nullable=False),
        sa.Column("submission_key", sa.String(length=128), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("observed", sa.Text(), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("source_detail", sa.Text(), nullable=True),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("counter_facts", sa.Text(), nullable=True),
        sa.Column("acute", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["meldcase.id"], name=op.f("fk_signal_case_id_meldcase")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal")),
        sa.UniqueConstraint("submission_key", name=op.f("uq_signal_submission_key")),
    )
    with op.batch_alter_table("signal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signal_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("signal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signal_case_id"))

    op.drop_table("signal")
    op.drop_table("registration_draft")
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_message_state")

    op.drop_table("outbox_message")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_school_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_case_id"))

    op.drop_table("audit_event")
    op.drop_table("membership")
    with op.batch_alter_table("meldcase", schema=None) as batch_op:
        batch_op.drop_index("ix_meldcase_school_state")
        batch_op.drop_index("ix_meldcase_school_lookup")

    op.drop_table("meldcase")
    op.drop_table("case_counter")
    op.drop_table("slack_event_receipt")
    op.drop_table("school")
