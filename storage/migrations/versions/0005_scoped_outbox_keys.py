"""outbox keys scoped to their case; reminders that failed are parked

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 22:00:00

Before this revision an outbox key was `kind:cause:recipient` with causes such as "closed" or
"taken", so a reporter's second case found the first case's key and was never told. Keys are
now `kind:scope:cause:recipient`, the scope being the case (`case-12`), the message a rewrite
changes (`rewrite-40`) or `none`. Existing rows get the scope their case and rewrite say, so a
cause already sent before the upgrade is still not sent again after it. Messages the old keys
suppressed were never queued; they are not sent late (see the README's upgrade note).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_outbox = sa.table(
    'outbox_message',
    sa.column('id', sa.Integer()), sa.column('dedupe_key', sa.String()), sa.column('kind', sa.String()),
    sa.column('recipient_id', sa.String()), sa.column('case_id', sa.Integer()), sa.column('replaces_id', sa.Integer()),
)


def _scope(case_id: int | None, replaces_id: int | None) -> str:
    # Frozen here on purpose: bot.flows.notices.dedupe_key may change, this revision may not.
    if replaces_id is not None:
        return f'rewrite-{replaces_id}'
    return f'case-{case_id}' if case_id is not None else 'none'


def upgrade() -> None:
    """Upgrade schema."""
    connection = op.get_bind()
    for row in connection.execute(sa.select(_outbox)).mappings().all():
        prefix, suffix = f"{row['kind']}:", f":{row['recipient_id']}"
        key = row['dedupe_key']
        if not (key.startswith(prefix) and key.endswith(suffix)) or len(key) < len(prefix) + len(suffix):
            continue  # not a key this release wrote: leave it as it is
        cause = key[len(prefix):len(key) - len(suffix)]
        scoped = f"{row['kind']}:{_scope(row['case_id'], row['replaces_id'])}:{cause}{suffix}"
        connection.execute(_outbox.update().where(_outbox.c.id == row['id']).values(dedupe_key=scoped))

    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parked_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('parked_reason', sa.String(length=200), nullable=True))


def downgrade() -> None:
    """Downgrade schema. Keys stay scoped: unscoping could make two cases' keys collide, and the
    older release only ever looks up keys of its own shape, so scoped ones cannot confuse it."""
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.drop_column('parked_reason')
        batch_op.drop_column('parked_at')
