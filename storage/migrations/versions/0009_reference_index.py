"""the melding records whether a registration in the verwijsindex was considered, with the reason

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 17:00:00

Both columns stay empty for meldingen recorded before: the question was not asked then.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Not a batch (SQLite would copy the table): adding a nullable column is done in place.
    op.add_column('report', sa.Column('reference_index', sa.String(length=16), nullable=True))
    op.add_column('report', sa.Column('reference_index_reason', sa.Text(), nullable=True))


def downgrade() -> None:
    op.execute('ALTER TABLE report DROP COLUMN reference_index_reason')
    op.execute('ALTER TABLE report DROP COLUMN reference_index')
