"""conversation references: where the bot may write to someone on Teams

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 19:40:00

Teams lets a bot write to a person only in a conversation the person opened (the app installed in
their personal scope). Its id and service address are kept per person, never any content.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0012'
down_revision: Union[str, Sequence[str], None] = '0011'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'conversation_reference',
        sa.Column('platform', sa.String(length=16), nullable=False),
        sa.Column('user_id', sa.String(length=128), nullable=False),
        sa.Column('conversation_id', sa.String(length=512), nullable=False),
        sa.Column('service_url', sa.String(length=512), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('platform', 'user_id', name=op.f('pk_conversation_reference')),
    )


def downgrade() -> None:
    op.drop_table('conversation_reference')
