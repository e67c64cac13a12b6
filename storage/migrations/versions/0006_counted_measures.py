"""statistics kept as counts while cases change, not counted from the cases on every look; the
App Home's lists indexed

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 12:00:00

Until this revision the anonymous statistics counted every live case on each look, and retention
added a case's measures to `statistic_count` when it purged the case. Now every measure is added
to `statistic_count` once, when it first holds for a case; `meldcase.counted` says which have been
added. Live cases are counted here, as the previous release would have counted them; purged
cases are in `statistic_count` already.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_case = sa.table(
    'meldcase',
    sa.column('id', sa.Integer()), sa.column('school_id', sa.String()), sa.column('route', sa.String()),
    sa.column('state', sa.String()), sa.column('acute', sa.Boolean()), sa.column('close_reason', sa.String()),
    sa.column('created_at', sa.DateTime()), sa.column('purged_at', sa.DateTime()), sa.column('counted', sa.JSON()),
)
_report = sa.table('report', sa.column('case_id', sa.Integer()))
_count = sa.table(
    'statistic_count',
    sa.column('school_id', sa.String()), sa.column('year', sa.Integer()), sa.column('measure', sa.String()),
    sa.column('count', sa.Integer()),
)


def _measures(route: str, acute: bool, state: str, close_reason: str | None, reported: bool) -> list[str]:
    # Frozen here on purpose: bot.flows.statistics.measures_of may change, this revision may not.
    measures = ['registered', f'route:{route}']
    if acute:
        measures.append('acute')
    if reported:
        measures.append('reported')
    if state == 'closed':
        measures += ['closed', f'closed:{close_reason}']
    return measures


def upgrade() -> None:
    op.add_column('meldcase', sa.Column('counted', sa.JSON(), nullable=True))
    # The App Home's lists read a page of a school's open cases, or of a reporter's own.
    op.create_index('ix_meldcase_school_open', 'meldcase', ['school_id', 'closed_at', 'id'])
    op.create_index('ix_meldcase_reporter', 'meldcase', ['reporter_id', 'id'])
    connection = op.get_bind()
    reported = {row.case_id for row in connection.execute(sa.select(_report.c.case_id).distinct())}
    totals: dict[tuple[str, int, str], int] = {}
    live = sa.select(_case).where(_case.c.purged_at.is_(None))
    for case in connection.execute(live).all():
        measures = _measures(case.route, case.acute, case.state, case.close_reason, case.id in reported)
        for measure in measures:
            key = (case.school_id, case.created_at.year, measure)
            totals[key] = totals.get(key, 0) + 1
        connection.execute(sa.update(_case).where(_case.c.id == case.id).values(counted=sorted(measures)))
    columns = (_count.c.school_id, _count.c.year, _count.c.measure, _count.c.count)
    stored = {(school, year, measure): n for school, year, measure, n in connection.execute(sa.select(*columns))}
    for (school_id, year, measure), count in totals.items():
        key = (school_id, year, measure)
        if key in stored:
            connection.execute(
                sa.update(_count)
                .where(_count.c.school_id == school_id, _count.c.year == year, _count.c.measure == measure)
                .values(count=stored[key] + count)
            )
        else:
            connection.execute(sa.insert(_count).values(school_id=school_id, year=year, measure=measure, count=count))


def downgrade() -> None:
    """The previous release counts live cases itself: take their counts out again."""
    connection = op.get_bind()
    live = sa.select(_case).where(_case.c.purged_at.is_(None), _case.c.counted.is_not(None))
    for case in connection.execute(live).all():
        for measure in case.counted:
            connection.execute(
                sa.update(_count)
                .where(
                    _count.c.school_id == case.school_id,
                    _count.c.year == case.created_at.year,
                    _count.c.measure == measure,
                )
                .values(count=_count.c.count - 1)
            )
    connection.execute(sa.delete(_count).where(_count.c.count <= 0))
    # Not a batch (SQLite would copy the table that every other table refers to): SQLite drops a
    # column in place since 3.35.
    op.execute('ALTER TABLE meldcase DROP COLUMN counted')
    op.drop_index('ix_meldcase_reporter', table_name='meldcase')
    op.drop_index('ix_meldcase_school_open', table_name='meldcase')
