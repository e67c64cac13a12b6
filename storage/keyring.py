"""Which keys sealed this database's values, and whether the configured keys can open them.

The keyring table stores key ids and a canary (a fixed text sealed under each key), never a
key. At start-up every key that still seals values must be configured and must open its
canary; otherwise nothing starts, so that a wrong or missing key shows as one clear line and
never as garbage or a half-working bot.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, not_, or_, select
from sqlalchemy.orm import Session

from storage.crypto import DecryptionError, FieldCipher, KeyConfigError
from storage.models import SEALED_COLUMNS, Base, Case, EncryptionKey, purpose

CANARY = "meldbot-key-check"
# Recomputes a case's pupil lookup token (a keyed hash) from its re-sealed name and group.
Relookup = Callable[[Case], str]
_CANARY_PURPOSE = "encryption_key.canary"


def _keyring(session: Session) -> dict[str, EncryptionKey]:
    return {row.key_id: row for row in session.scalars(select(EncryptionKey))}


def _in_use(session: Session, rows: dict[str, EncryptionKey]) -> set[str]:
    """Keys that still seal something: from the keyring, or (a database from before it) the values."""
    if rows:
        return {kid for kid, row in rows.items() if row.retired_at is None}
    return sealed_key_ids(session)


def stored_key_ids(session: Session) -> set[str]:
    return _in_use(session, _keyring(session))


def sealed_key_ids(session: Session) -> set[str]:
    """The key ids found in the stored values themselves (a scan: for rotation and first upgrade)."""
    found: set[str] = set()
    for model, columns in SEALED_COLUMNS.items():
        for name in columns:
            column = getattr(model, name)
            # "v1:<12-character key id>:<token>"
            found |= set(session.scalars(select(func.substr(column, 4, 12)).where(column.is_not(None)).distinct()))
    return found


def check(session: Session, cipher: FieldCipher) -> None:
    """Raise KeyConfigError unless the configured keys open everything still stored (reads only)."""
    rows = _keyring(session)
    needed = _in_use(session, rows)
    missing = sorted(needed - cipher.key_ids)
    if missing:
        raise KeyConfigError(
            f"the database holds values sealed under key {', '.join(missing)}, which is not configured "
            f"(the configured key is {cipher.active_key_id}): configure the key the dossiers were written with"
        )
    for kid in sorted(needed & rows.keys()):
        try:
            opened = cipher.open(rows[kid].canary, _CANARY_PURPOSE)
        except DecryptionError:
            opened = None
        if opened != CANARY:
            raise KeyConfigError(f"key {kid} does not open its own check value: the keyring was changed")


def admit(session: Session, cipher: FieldCipher, now: datetime) -> None:
    """`check`, then record in the keyring every key in use and the active one."""
    check(session, cipher)
    rows = _keyring(session)
    for kid in sorted(_in_use(session, rows) | {cipher.active_key_id}):
        row = rows.get(kid)
        if row is None:
            canary = cipher.seal(CANARY, _CANARY_PURPOSE, under=kid)
            session.add(EncryptionKey(key_id=kid, canary=canary, first_used_at=now))
        elif kid == cipher.active_key_id:
            row.retired_at = None  # an old key made active again
    session.flush()


def retire(session: Session, cipher: FieldCipher, now: datetime) -> list[str]:
    """Mark every key other than the active one retired, once no value is sealed under it."""
    still_used = sealed_key_ids(session)
    retired = []
    for row in session.scalars(select(EncryptionKey).where(EncryptionKey.retired_at.is_(None))):
        if row.key_id != cipher.active_key_id and row.key_id not in still_used:
            row.retired_at = now
            retired.append(row.key_id)
    return retired


def _stale(cipher: FieldCipher, model: type[Base]) -> ColumnElement[bool]:
    """Rows of `model` holding a value not sealed under the active key (or, for a case, an old lookup token)."""
    prefix = f"v1:{cipher.active_key_id}:%"
    conditions = [
        and_(getattr(model, name).is_not(None), not_(getattr(model, name).like(prefix)))
        for name in SEALED_COLUMNS[model]
    ]
    if model is Case:
        conditions.append(
            and_(Case.pupil_lookup.is_not(None), not_(Case.pupil_lookup.like(f"{cipher.active_key_id}:%")))
        )
    return or_(*conditions)


def reseal_batch(session: Session, cipher: FieldCipher, model: type[Base], batch: int, relookup: Relookup) -> int:
    """Re-encrypt up to `batch` rows of `model` under the active key; the number done (0: none left).

    Each batch is its own transaction in the caller, so an interrupted rotation keeps what it
    did and the next run starts where it stopped.
    """
    key = model.__mapper__.primary_key[0]
    statement = select(model).where(_stale(cipher, model)).order_by(key).limit(batch).with_for_update()
    rows = list(session.scalars(statement))
    for row in rows:
        for name in SEALED_COLUMNS[model]:
            value = getattr(row, name)
            if value is not None and not cipher.is_current(value):
                column = purpose(model, name)
                setattr(row, name, cipher.seal(cipher.open(value, column), column))
        if isinstance(row, Case) and row.pupil_lookup is not None:
            row.pupil_lookup = relookup(row)
    return len(rows)
