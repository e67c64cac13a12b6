"""The one place that wires settings, keys, database and school configuration into Services."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from bot.config import Settings, SettingsError
from bot.flows import audit
from bot.flows.audit import SYSTEM_ACTOR
from bot.flows.ports import Clock, SystemClock
from bot.flows.rules.directory import Directory
from bot.flows.services import Services
from bot.flows.vocabulary import AuditAction
from bot.live_directory import LiveDirectory
from bot.school_config import load_directory
from storage import keyring
from storage import repositories as repo
from storage.crypto import FieldCipher, KeyConfigError, generate_key, parse_key
from storage.db import Database

log = logging.getLogger(__name__)

KEY_FILE = "encryption.key"
PREVIOUS_KEYS_FILE = "encryption.previous-keys"  # one per line, kept while a rotation runs


def key_files_in_use(settings: Settings) -> bool:
    """Whether keys live in the data directory (no MELDBOT_ENCRYPTION_KEY configured)."""
    return settings.meldbot_encryption_key is None


def load_cipher(settings: Settings, *, stored: set[str]) -> FieldCipher:
    """The configured keys. A local install without MELDBOT_ENCRYPTION_KEY keeps them in the data
    directory; a key is generated there only while the database seals nothing (`stored` is empty)."""
    if not key_files_in_use(settings):
        assert settings.meldbot_encryption_key is not None
        active = ("MELDBOT_ENCRYPTION_KEY", settings.meldbot_encryption_key.get_secret_value())
        previous_text = settings.meldbot_previous_encryption_keys
        older = [
            ("MELDBOT_PREVIOUS_ENCRYPTION_KEYS", k)
            for k in _split(previous_text.get_secret_value() if previous_text else "")
        ]
    else:
        path = settings.meldbot_data_dir / KEY_FILE
        if not path.exists() and stored:
            raise SettingsError(
                [
                    f"{path} is missing, but the database holds dossiers sealed under key {', '.join(sorted(stored))}: "
                    "restore the key file from your backup (or set MELDBOT_ENCRYPTION_KEY to that key)"
                ]
            )
        active = (str(path), _read_or_create_key(path))
        previous_path = settings.meldbot_data_dir / PREVIOUS_KEYS_FILE
        lines = previous_path.read_text(encoding="ascii") if previous_path.exists() else ""
        older = [(str(previous_path), k) for k in _split(lines)]
    return FieldCipher(_parse(*active), tuple(_parse(*entry) for entry in older))


def _split(text: str) -> list[str]:
    return [part for part in text.replace(",", " ").split() if part]


def _parse(origin: str, text: str) -> bytes:
    try:
        return parse_key(text)
    except KeyConfigError as error:
        raise SettingsError([f"{origin} is malformed ({error}): use a key made by `meldbot keygen`"]) from None


def open_cipher(settings: Settings, db: Database, clock: Clock) -> FieldCipher:
    """The configured keys, admitted only if they open everything the database still holds."""
    with db.transaction() as session:
        stored = keyring.stored_key_ids(session)
    cipher = load_cipher(settings, stored=stored)
    try:
        with db.transaction() as session:
            keyring.admit(session, cipher, clock.now())
    except KeyConfigError as error:
        raise SettingsError([f"encryption key refused: {error}"]) from None
    return cipher


def _read_or_create_key(path: Path) -> str:
    if path.exists():
        return path.read_text(encoding="ascii")
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL: two processes starting at once must not each write a different key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii")
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(generate_key())
    log.warning(
        "Generated a new encryption key in %s. Keep a copy in a safe place: without it the dossiers "
        "cannot be read. For production, set MELDBOT_ENCRYPTION_KEY instead.",
        path,
    )
    return path.read_text(encoding="ascii")


def build_services(settings: Settings, clock: Clock | None = None, directory: Directory | None = None) -> Services:
    """Everything the flows need, with the schema migrated and the configuration mirrored."""
    clock = clock or SystemClock()
    path = settings.meldbot_config
    from_file = load_directory(path) if directory is None else None  # its problems before anything is made
    if settings.database_url is None:
        settings.meldbot_data_dir.mkdir(parents=True, exist_ok=True)
    db = Database.from_url(settings.effective_database_url)
    try:
        with db.startup_lock():
            db.migrate()
            cipher = open_cipher(settings, db, clock)
            if from_file is not None:
                directory = LiveDirectory(path, from_file, on_change=lambda _: _mirror_later(services), db=db)
            assert directory is not None
            services = Services(db=db, cipher=cipher, directory=directory, clock=clock)
            mirror_directory(services)
    except BaseException:
        db.dispose()
        raise
    return services


def _mirror_later(services: Services) -> None:
    """After a configuration change: record the role changes, beside the request that noticed it
    (which may hold the database's write lock); access already follows the file."""

    def mirror() -> None:
        try:
            mirror_directory(services)
        except Exception as error:  # the audit of role changes waits for the next change or start
            log.warning("could not record the configuration change: %s", type(error).__name__)

    threading.Thread(target=mirror, name="mirror-configuration", daemon=True).start()


def mirror_directory(services: Services) -> None:
    """Copy schools and role holders into storage; every change of role is an audit event."""
    directory = services.directory
    memberships = {(school, user, str(role)) for school, user, role in directory.memberships()}
    with services.db.transaction() as session:
        granted, revoked = repo.sync_schools(session, [(s.id, s.name) for s in directory.schools], memberships)
        for action, rows in ((AuditAction.ROLE_GRANTED, granted), (AuditAction.ROLE_REVOKED, revoked)):
            for school_id, user_id, role in sorted(rows):
                audit.record(
                    session, services.clock, SYSTEM_ACTOR, action, school_id=school_id, subject=user_id, role=role
                )
