"""members from a platform's user group: its members as last read, shared by every process

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 19:00:00

A school may name a Slack user group as its reporters instead of a list (members: {usergroup: S…}).
The group's members are read from Slack and kept here, so that a change one process hears of
counts in every process at the next click.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'member_group',
        sa.Column('platform', sa.String(length=16), nullable=False),
        sa.Column('group_id', sa.String(length=64), nullable=False),
        sa.Column('members', sa.JSON(), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('synced_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('platform', 'group_id', name=op.f('pk_member_group')),
    )


def downgrade() -> None:
    op.drop_table('member_group')
