"""storage that names no platform's shapes: opaque user ids of any platform's length, a platform
on each person, message and event receipt, an opaque address for a sent message, and people's
own choices (their language)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 14:00:00

User ids were Slack member ids in VARCHAR(32); an Entra object id or a Teams user id may be
longer. Every user id column becomes VARCHAR(128), keeping every value. A sent message's place
was Slack's (channel_id, message_ts); it becomes one opaque address, which Slack's transport
writes as "<channel>:<ts>", so a message sent before the upgrade can still be rewritten in place.
Slack's event receipts keep their ids under platform "slack".
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

USER_ID_COLUMNS = {
    'membership': ('user_id',),
    'meldcase': ('reporter_id', 'coordinator_id'),
    'signal': ('reporter_id',),
    'registration_draft': ('reporter_id',),
    'team_member': ('user_id', 'added_by'),
    'consultation': ('colleague_id', 'recorded_by'),
    'conversation': ('recorded_by',),
    'weighing': ('started_by',),
    'weighing_answer': ('answered_by',),
    'report': ('reported_by', 'recorded_by', 'feedback_by'),
    'help_plan': ('casemanager_id', 'recorded_by', 'referral_confirmed_by'),
    'reminder_postponement': ('postponed_by',),
    'audit_event': ('actor_id',),
    'outbox_message': ('recipient_id',),
}


def _widen(old: int, new: int) -> None:
    for table, columns in USER_ID_COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.alter_column(column, type_=sa.String(new), existing_type=sa.String(old))


def upgrade() -> None:
    _widen(32, 128)
    with op.batch_alter_table('membership') as batch:
        batch.add_column(sa.Column('platform', sa.String(16), nullable=False, server_default='slack'))
    op.create_table(
        'person',
        sa.Column('platform', sa.String(16), nullable=False),
        sa.Column('user_id', sa.String(128), nullable=False),
        sa.Column('language', sa.String(8), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('platform', 'user_id'),
    )
    with op.batch_alter_table('outbox_message') as batch:
        batch.add_column(sa.Column('platform', sa.String(16), nullable=False, server_default='slack'))
        batch.add_column(sa.Column('address', sa.String(512), nullable=True))
    op.execute(
        "UPDATE outbox_message SET address = channel_id || ':' || message_ts"
        " WHERE channel_id IS NOT NULL AND message_ts IS NOT NULL"
    )
    with op.batch_alter_table('outbox_message') as batch:
        batch.drop_column('channel_id')
        batch.drop_column('message_ts')
    op.create_table(
        'event_receipt',
        sa.Column('platform', sa.String(16), nullable=False),
        sa.Column('event_id', sa.String(256), nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('platform', 'event_id'),
    )
    op.execute(
        "INSERT INTO event_receipt (platform, event_id, received_at)"
        " SELECT 'slack', event_id, received_at FROM slack_event_receipt"
    )
    op.drop_table('slack_event_receipt')


def downgrade() -> None:
    """Back to Slack's shapes, for a rollback to the release before (it knew only Slack): another
    platform's receipts and people's choices are dropped, and every id must fit 32 characters again."""
    op.create_table(
        'slack_event_receipt',
        sa.Column('event_id', sa.String(64), nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('event_id'),
    )
    op.execute(
        "INSERT INTO slack_event_receipt (event_id, received_at)"
        " SELECT event_id, received_at FROM event_receipt WHERE platform = 'slack'"
    )
    op.drop_table('event_receipt')
    with op.batch_alter_table('outbox_message') as batch:
        batch.add_column(sa.Column('channel_id', sa.String(32), nullable=True))
        batch.add_column(sa.Column('message_ts', sa.String(32), nullable=True))
    connection = op.get_bind()
    outbox = sa.table('outbox_message', sa.column('id', sa.Integer()), sa.column('address', sa.String()),
                      sa.column('channel_id', sa.String()), sa.column('message_ts', sa.String()))
    for row_id, address in connection.execute(sa.select(outbox.c.id, outbox.c.address).where(outbox.c.address.is_not(None))).all():
        channel, _, ts = address.partition(':')
        connection.execute(sa.update(outbox).where(outbox.c.id == row_id).values(channel_id=channel, message_ts=ts))
    with op.batch_alter_table('outbox_message') as batch:
        batch.drop_column('address')
        batch.drop_column('platform')
    op.drop_table('person')
    with op.batch_alter_table('membership') as batch:
        batch.drop_column('platform')
    _widen(128, 32)
