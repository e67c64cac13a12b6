"""the anonymous counts kept per month of registration, not per year: the interne evaluatie
reads any period of whole months, the Home still sums a year

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 16:00:00

`statistic_count` gains `month` (1-12) in its key. Every case says in `meldcase.counted` which
measures were added for it, so its counts move from the year row to the month it was registered
in. What no case names any more (cases purged before revision 0006 counted them) stays under
month 0: it counts in its year, and in no range of months.
"""
from typing import Any, Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_case = sa.table(
    'meldcase',
    sa.column('school_id', sa.String()), sa.column('created_at', sa.DateTime()), sa.column('counted', sa.JSON()),
)


def _count(with_month: bool) -> sa.TableClause:
    month = [sa.column('month', sa.Integer())] if with_month else []
    columns: list[sa.ColumnClause[Any]] = [sa.column('school_id', sa.String()), sa.column('year', sa.Integer()), *month]
    return sa.table('statistic_count', *columns, sa.column('measure', sa.String()), sa.column('count', sa.Integer()))


def _totals(connection: sa.Connection, table: sa.TableClause, *key: str) -> dict[tuple, int]:
    totals: dict[tuple, int] = {}
    for row in connection.execute(sa.select(table)).mappings():
        group = tuple(row[name] for name in key)
        totals[group] = totals.get(group, 0) + row['count']
    return totals


def upgrade() -> None:
    connection = op.get_bind()
    year_totals = _totals(connection, _count(False), 'school_id', 'year', 'measure')
    by_month: dict[tuple, int] = {}
    for case in connection.execute(sa.select(_case).where(_case.c.counted.is_not(None))):
        for measure in case.counted:
            key = (case.school_id, case.created_at.year, case.created_at.month, measure)
            by_month[key] = by_month.get(key, 0) + 1
            year_totals[key[:2] + key[3:]] = year_totals.get(key[:2] + key[3:], 0) - 1
    op.drop_table('statistic_count')
    op.create_table(
        'statistic_count',
        sa.Column('school_id', sa.String(length=64), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('month', sa.Integer(), nullable=False),
        sa.Column('measure', sa.String(length=64), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_statistic_count_school_id_school')),
        sa.PrimaryKeyConstraint('school_id', 'year', 'month', 'measure', name=op.f('pk_statistic_count')),
    )
    rows = [
        {'school_id': s, 'year': y, 'month': m, 'measure': measure, 'count': n}
        for (s, y, m, measure), n in by_month.items()
    ]
    rows += [
        {'school_id': s, 'year': y, 'month': 0, 'measure': measure, 'count': n}
        for (s, y, measure), n in year_totals.items()
        if n > 0
    ]
    if rows:
        op.bulk_insert(_count(True), rows)


def downgrade() -> None:
    connection = op.get_bind()
    totals = _totals(connection, _count(True), 'school_id', 'year', 'measure')
    op.drop_table('statistic_count')
    op.create_table(
        'statistic_count',
        sa.Column('school_id', sa.String(length=64), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('measure', sa.String(length=64), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_statistic_count_school_id_school')),
        sa.PrimaryKeyConstraint('school_id', 'year', 'measure', name=op.f('pk_statistic_count')),
    )
    rows = [{'school_id': s, 'year': y, 'measure': m, 'count': n} for (s, y, m), n in totals.items()]
    if rows:
        op.bulk_insert(_count(False), rows)
