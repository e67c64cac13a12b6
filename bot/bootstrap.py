"""The one place that wires settings, keys, database and school configuration into Services."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from bot.config import Settings, SettingsError
from bot.flows import audit
from bot.flows.audit import SYSTEM_ACTOR
from bot.flows.directory import Directory
from bot.flows.ports import Clock, SystemClock
from bot.flows.services import Services
from bot.flows.vocabulary import AuditAction
from bot.school_config import load_directory
from storage import repositories as repo
from storage.crypto import FieldCipher, KeyConfigError, generate_key, parse_key
from storage.db import Database

log = logging.getLogger(__name__)

KEY_FILE = "encryption.key"


def load_cipher(settings: Settings) -> FieldCipher:
    """The configured key; for a local install without one, a key generated once on disk."""
    if settings.meldbot_encryption_key is not None:
        text = settings.meldbot_encryption_key.get_secret_value()
        origin = "MELDBOT_ENCRYPTION_KEY"
    else:
        path = settings.meldbot_data_dir / KEY_FILE
        text = _read_or_create_key(path)
        origin = str(path)
    try:
        return FieldCipher(parse_key(text))
    except KeyConfigError as error:
        raise SettingsError([f"{origin} is malformed ({error}): use a key made by `meldbot keygen`"]) from None


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
    directory = directory if directory is not None else load_directory(settings.meldbot_config)
    cipher = load_cipher(settings)
    if settings.database_url is None:
        settings.meldbot_data_dir.mkdir(parents=True, exist_ok=True)
    db = Database.from_url(settings.effective_database_url)
    services = Services(db=db, cipher=cipher, directory=directory, clock=clock or SystemClock())
    with db.startup_lock():
        db.migrate()
        mirror_directory(services)
    return services


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
