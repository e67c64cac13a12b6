"""`meldbot keys rotate`: re-encrypt every stored value under a new key, resumably.

Two ways to hold keys, two ways to rotate:

- **MELDBOT_ENCRYPTION_KEY** (production): the operator puts a new key (`meldbot keygen`) in
  MELDBOT_ENCRYPTION_KEY and the old one in MELDBOT_PREVIOUS_ENCRYPTION_KEYS, then runs this.
- **the key file in the data directory** (a school's own machine): this command makes the new
  key itself, keeping the old one in `encryption.previous-keys` until every value has moved.

Values move in small batches, each committed on its own: an interrupted run keeps what it did,
and running the command again continues. When nothing is sealed under an old key any more, the
key is retired in the keyring (and, for key files, moved to `retired-keys/`: backups made before
the rotation still need it).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot.bootstrap import KEY_FILE, PREVIOUS_KEYS_FILE, key_files_in_use, open_cipher
from bot.commands import existing_database
from bot.config import Settings
from bot.flows.ports import Clock, SystemClock
from bot.flows.steps.registration import pupil_lookup
from storage import keyring
from storage.crypto import FieldCipher, generate_key, key_id, parse_key
from storage.db import Database
from storage.models import SEALED_COLUMNS, Case

BATCH = 200


def rotate(
    settings: Settings,
    out: TextIO,
    clock: Clock | None = None,
    batch: int = BATCH,
    progress: Callable[[int], None] = lambda moved: None,
) -> int:
    clock = clock or SystemClock()
    with existing_database(settings) as db:
        if db is None:
            print("meldbot keys rotate: no database yet, so nothing to re-encrypt", file=out)
            return 0
        key_file = settings.meldbot_data_dir / KEY_FILE
        # Without the key file, open_cipher below refuses with the reason.
        if key_files_in_use(settings) and key_file.exists() and not _rotation_underway(settings.meldbot_data_dir):
            _start_with_new_key_file(settings.meldbot_data_dir)
            print("meldbot keys rotate: made a new key in the data directory", file=out)
        with db.startup_lock():
            cipher = open_cipher(settings, db, clock)
        if not cipher.older_keys:
            print(
                "meldbot keys rotate: only one key is configured, so there is nothing to rotate. Put a new key "
                "(`meldbot keygen`) in MELDBOT_ENCRYPTION_KEY and the current one in "
                "MELDBOT_PREVIOUS_ENCRYPTION_KEYS, then run this again.",
                file=out,
            )
            return 0
        moved = _reseal_everything(db, cipher, batch, progress)
        with db.transaction() as session:
            retired = keyring.retire(session, cipher, clock.now())
    print(f"meldbot keys rotate: re-encrypted {moved} row(s) under key {cipher.active_key_id}", file=out)
    if retired:
        print(f"retired key(s): {', '.join(retired)}", file=out)
        print(_after_rotation(settings, retired), file=out)
    return 0


def _rotation_underway(data_dir: Path) -> bool:
    """Whether an earlier run already made a new key: a previous key differs from the active one."""
    previous_path = data_dir / PREVIOUS_KEYS_FILE
    if not previous_path.exists():
        return False
    current = (data_dir / KEY_FILE).read_text(encoding="ascii").strip()
    return any(text != current for text in previous_path.read_text(encoding="ascii").split())


def _reseal_everything(db: Database, cipher: FieldCipher, batch: int, progress: Callable[[int], None]) -> int:
    def relookup(case: Case) -> str:
        name = cipher.open(case.pupil_name or "", "meldcase.pupil_name") if case.pupil_name else ""
        group = cipher.open(case.pupil_group, "meldcase.pupil_group") if case.pupil_group else ""
        return pupil_lookup(cipher, case.school_id, name, group)

    moved = 0
    for model in SEALED_COLUMNS:
        while True:
            with db.transaction() as session:
                done = keyring.reseal_batch(session, cipher, model, batch, relookup)
            if not done:
                break
            moved += done
            progress(moved)
    return moved


def _start_with_new_key_file(data_dir: Path) -> None:
    """Keep the current key as a previous one, then make a new active key (in that order, so that
    an interruption between the two steps loses nothing)."""
    current = (data_dir / KEY_FILE).read_text(encoding="ascii").strip()
    previous_path = data_dir / PREVIOUS_KEYS_FILE
    previous = previous_path.read_text(encoding="ascii").split() if previous_path.exists() else []
    _write_secret(previous_path, "\n".join(dict.fromkeys([*previous, current])) + "\n")
    _write_secret(data_dir / KEY_FILE, generate_key())


def _after_rotation(settings: Settings, retired: list[str]) -> str:
    if not key_files_in_use(settings):
        return (
            "Remove the retired key(s) from MELDBOT_PREVIOUS_ENCRYPTION_KEYS. Keep them offline with the "
            "backups made before today: those backups need them."
        )
    data_dir = settings.meldbot_data_dir
    previous_path = data_dir / PREVIOUS_KEYS_FILE
    keep = []
    for text in previous_path.read_text(encoding="ascii").split():
        kid = key_id(parse_key(text))
        if kid in retired:
            _write_secret(data_dir / "retired-keys" / f"{kid}.key", text)
        else:
            keep.append(text)
    if keep:
        _write_secret(previous_path, "\n".join(keep) + "\n")
    else:
        previous_path.unlink()
    return (
        f"The retired key(s) are in {data_dir / 'retired-keys'}: move them off this machine, to where you keep "
        "the backups made before today (those backups need them)."
    )


def _write_secret(path: Path, text: str) -> None:
    """Write a key file whole or not at all, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
