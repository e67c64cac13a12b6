"""display names: a person's name as Teams gives it, kept sealed beside their conversation reference

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 01:00:00

Teams' cards and dialogs show no name for an id by themselves (Slack's mentions do), so the bot
keeps each person's display name, sealed like the dossier's free text, to show people by name.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0013'
down_revision: Union[str, Sequence[str], None] = '0012'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('conversation_reference') as batch:
        batch.add_column(sa.Column('name', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('conversation_reference') as batch:
        batch.drop_column('name')
