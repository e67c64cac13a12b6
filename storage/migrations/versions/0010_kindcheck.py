"""the kindcheck as a record of the case: the other children in the household, and who cares for them

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 18:00:00

A conversation already noted the household in its own words; the kindcheck is now also a part of
the case on its own, recorded (and updated) whenever the coordinator or the care team learns
more. Nothing is moved: what conversations noted stays with them.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'kindcheck',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('submission_key', sa.String(length=128), nullable=False),
        sa.Column('children', sa.Text(), nullable=True),
        sa.Column('carers', sa.Text(), nullable=True),
        sa.Column('recorded_by', sa.String(length=128), nullable=False),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['meldcase.id'], name=op.f('fk_kindcheck_case_id_meldcase')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_kindcheck')),
        sa.UniqueConstraint('submission_key', name=op.f('uq_kindcheck_submission_key')),
    )
    op.create_index(op.f('ix_kindcheck_case_id'), 'kindcheck', ['case_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_kindcheck_case_id'), table_name='kindcheck')
    op.drop_table('kindcheck')
