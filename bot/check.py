"""`meldbot check`: every problem with settings, school configuration, key and database, one line each."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from bot.bootstrap import load_cipher
from bot.config import Settings, SettingsError, load_settings
from bot.flows.rules.directory import Directory
from bot.school_config import ConfigError, load_directory
from storage import keyring
from storage import repositories as repo
from storage.crypto import KeyConfigError
from storage.db import Database
from storage.models import OutboxMessage, Reminder


def check() -> tuple[list[str], list[str]]:
    """(problems that stop the bot, notes that need a decision but do not stop it)."""
    try:
        settings = load_settings()
    except SettingsError as error:
        return error.problems, []
    problems = list(settings.problems_for_serving())
    notes = []
    directory = None
    try:
        directory = load_directory(settings.meldbot_config)
        notes += [
            f"school '{school.id}': retention not confirmed, so closed cases are never purged; decide the period "
            "and set retention.confirmed: true (README, Retention)"
            for school in directory.schools
            if not school.retention.confirmed
        ]
    except ConfigError as error:
        problems += error.problems
    found, more_notes = _check_key_and_database(settings, directory)
    return problems + found, notes + more_notes


def _check_key_and_database(settings: Settings, directory: Directory | None) -> tuple[list[str], list[str]]:
    """(problems, notes) of the key and the stored data."""
    if not settings.database_may_exist:
        return [], []  # nothing stored yet: `meldbot run` makes a key and the database
    db = Database.from_url(settings.effective_database_url)
    try:
        if db.pending_migrations():
            return [], []  # an older schema is fine: `meldbot run` migrates before serving
        with db.transaction() as session:
            stored = keyring.stored_key_ids(session)
            keyring.check(session, load_cipher(settings, stored=stored))
            failed = repo.failed_outbox(session)
            parked = repo.parked_reminders(session)
            unalerted = [
                f"{c.school_id}/{c.reference} of {c.created_at:%d-%m-%Y}" for c in repo.unalerted_staff_cases(session)
            ]
            groups = repo.member_group_members(session, directory.member_groups()) if directory else {}
    except SettingsError as error:
        return error.problems, []
    except SQLAlchemyError as error:
        return [
            f"DATABASE_URL: the database does not answer ({type(error).__name__}): check the URL and the server"
        ], []
    except KeyConfigError as error:
        return [f"encryption key refused: {error}"], []
    finally:
        db.dispose()
    notes = [
        f"suspicion against a staff member {case}: no alert to a director or the board on record; make sure "
        "the board was told"
        for case in unalerted
    ]
    notes += _member_group_notes(directory, groups) if directory else []
    return _failed_messages(failed) + _parked_reminders(parked), notes


def _member_group_notes(directory: Directory, groups: dict[str, frozenset[str]]) -> list[str]:
    """Schools whose reporters come from a user group that lets nobody report (yet)."""
    notes = []
    for school in directory.schools:
        if school.member_group is None:
            continue
        if school.member_group not in groups:
            notes.append(
                f"school '{school.id}': user group {school.member_group} was never read from Slack, so nobody reports "
                "through it yet; the bot reads it at start, with the usergroups:read scope of app_manifest.yml"
            )
        elif not groups[school.member_group]:
            notes.append(
                f"school '{school.id}': user group {school.member_group} has no members (or Slack does not know it, "
                "or it is disabled), so nobody reports through it"
            )
    return notes


def _parked_reminders(parked: list[Reminder]) -> list[str]:
    """Reminders the sweep could not handle: one line each (ids and the incident), and the fix."""
    if not parked:
        return []
    lines = [
        f"{len(parked)} reminder(s) could not be handled and wait; find the incident in the log, mend the cause "
        "(an upgrade, a restored case), then run `meldbot reminders retry`:"
    ]
    lines += [f"  reminder {r.id} ({r.kind}) of case {r.case_id}: {r.parked_reason}" for r in parked[:20]]
    if len(parked) > 20:
        lines.append(f"  … and {len(parked) - 20} more")
    return lines


def _failed_messages(failed: list[OutboxMessage]) -> list[str]:
    """Messages Slack never took: one line each (ids and Slack's reason, no content), and the fix."""
    if not failed:
        return []
    lines = [f"{len(failed)} message(s) could not be delivered; mend the cause, then run `meldbot outbox retry`:"]
    for message in failed[:20]:
        about = f" about case {message.case_id}" if message.case_id else ""
        lines.append(f"  outbox {message.id}: {message.kind} to {message.recipient_id}{about}: {message.last_error}")
    if len(failed) > 20:
        lines.append(f"  … and {len(failed) - 20} more")
    return lines
