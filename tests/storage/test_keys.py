"""Keys: a wrong or missing key is refused with a clear line; rotation moves everything, and resumes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.bootstrap import KEY_FILE, PREVIOUS_KEYS_FILE, build_services
from bot.commands.keys import rotate
from bot.config import Settings, SettingsError
from bot.flows.ports import ManualClock
from bot.flows.rules.directory import Directory
from bot.flows.services import Services
from bot.flows.steps.dossier import CaseOverview, open_case
from bot.flows.steps.registration import Registered, register_signal
from storage import keyring
from storage.crypto import generate_key, key_id, parse_key, sealed_key_id
from storage.models import SEALED_COLUMNS, Case, EncryptionKey
from tests.conftest import COORDINATOR, TEACHER
from tests.flows.forms import valid_form

PUPILS = [f"Testkind Nummer{n}" for n in range(12)]


def _settings(tmp_path: Path, database_url: str, key: str | None, previous: str | None = None) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        meldbot_data_dir=tmp_path / "data",
        database_url=database_url,
        meldbot_encryption_key=key,
        meldbot_previous_encryption_keys=previous,
    )


def _interrupt(moved: int) -> None:
    raise KeyboardInterrupt  # the operator's Ctrl-C, or a power cut


def _start(settings: Settings, directory: Directory, clock: ManualClock) -> Services:
    return build_services(settings, clock=clock, directory=directory)


def _register_pupils(services: Services) -> list[int]:
    ids = []
    for number, name in enumerate(PUPILS):
        result = register_signal(services, TEACHER, "linde", False, valid_form(pupil_name=name), f"sub-{number}")
        assert isinstance(result, Registered)
        ids.append(result.case_id)
    return ids


def _sealed_key_ids(services: Services) -> set[str]:
    found = set()
    with services.db.transaction() as session:
        for model, columns in SEALED_COLUMNS.items():
            for row in session.scalars(select(model)):
                found |= {sealed_key_id(getattr(row, c)) for c in columns if getattr(row, c) is not None}
        found |= {c.pupil_lookup.split(":")[0] for c in session.scalars(select(Case)) if c.pupil_lookup}
    return found


def _pupil_names(services: Services, case_ids: list[int]) -> list[str]:
    names = []
    for case_id in case_ids:
        view = open_case(services, COORDINATOR, case_id)
        assert isinstance(view, CaseOverview)
        names.append(view.pupil_name)
    return names


def test_starting_with_a_wrong_key_is_refused_with_a_clear_line(
    tmp_path: Path, database_url: str, directory: Directory, clock: ManualClock
) -> None:
    key = generate_key()
    services = _start(_settings(tmp_path, database_url, key), directory, clock)
    _register_pupils(services)
    services.db.dispose()
    wrong = generate_key()

    with pytest.raises(SettingsError) as refused:
        _start(_settings(tmp_path, database_url, wrong), directory, clock)

    (line,) = refused.value.problems
    assert key_id(parse_key(key)) in line
    assert "which is not configured" in line
    assert key not in line and wrong not in line  # a key is never printed


def test_a_lost_key_file_is_refused_and_never_replaced_by_a_new_key(
    tmp_path: Path, directory: Directory, clock: ManualClock
) -> None:
    url = f"sqlite:///{tmp_path / 'meldbot.sqlite3'}"
    services = _start(_settings(tmp_path, url, None), directory, clock)
    _register_pupils(services)
    services.db.dispose()
    (tmp_path / "data" / KEY_FILE).unlink()

    with pytest.raises(SettingsError, match=r"encryption\.key is missing, but the database holds dossiers"):
        _start(_settings(tmp_path, url, None), directory, clock)
    assert not (tmp_path / "data" / KEY_FILE).exists()


def test_a_database_from_before_the_keyring_learns_its_key_from_the_values(
    tmp_path: Path, database_url: str, directory: Directory, clock: ManualClock
) -> None:
    key = generate_key()
    services = _start(_settings(tmp_path, database_url, key), directory, clock)
    _register_pupils(services)
    with services.db.transaction() as session:
        session.query(EncryptionKey).delete()
    services.db.dispose()

    with pytest.raises(SettingsError, match="which is not configured"):
        _start(_settings(tmp_path, database_url, generate_key()), directory, clock)
    again = _start(_settings(tmp_path, database_url, key), directory, clock)
    with again.db.transaction() as session:
        assert keyring.stored_key_ids(session) == {key_id(parse_key(key))}
    again.db.dispose()


def test_rotation_interrupted_halfway_resumes_and_then_retires_the_old_key(
    tmp_path: Path, database_url: str, directory: Directory, clock: ManualClock
) -> None:
    old, new = generate_key(), generate_key()
    services = _start(_settings(tmp_path, database_url, old), directory, clock)
    case_ids = _register_pupils(services)
    services.db.dispose()
    rotating = _settings(tmp_path, database_url, new, previous=old)

    def crash_after_two_batches(moved: int) -> None:
        if moved >= 10:
            _interrupt(moved)

    with pytest.raises(KeyboardInterrupt):
        rotate(rotating, io.StringIO(), clock, batch=5, progress=crash_after_two_batches)

    halfway = _start(rotating, directory, clock)
    assert _sealed_key_ids(halfway) == {key_id(parse_key(old)), key_id(parse_key(new))}
    assert _pupil_names(halfway, case_ids) == PUPILS  # both keys open during the rotation
    halfway.db.dispose()

    out = io.StringIO()
    assert rotate(rotating, out, clock, batch=5) == 0

    assert f"retired key(s): {key_id(parse_key(old))}" in out.getvalue()
    done = _start(_settings(tmp_path, database_url, new), directory, clock)  # the old key no longer needed
    assert _sealed_key_ids(done) == {key_id(parse_key(new))}
    assert _pupil_names(done, case_ids) == PUPILS
    # The lookup tokens moved too: a new signal about the same pupil still finds the open case.
    again = register_signal(done, TEACHER, "linde", False, valid_form(pupil_name=PUPILS[3]), "sub-again")
    assert not isinstance(again, Registered)
    done.db.dispose()
    with pytest.raises(SettingsError, match="which is not configured"):
        _start(_settings(tmp_path, database_url, old), directory, clock)


def test_rotation_with_key_files_makes_the_new_key_and_moves_the_old_one_aside(
    tmp_path: Path, directory: Directory, clock: ManualClock
) -> None:
    url = f"sqlite:///{tmp_path / 'meldbot.sqlite3'}"
    local = _settings(tmp_path, url, None)
    services = _start(local, directory, clock)
    case_ids = _register_pupils(services)
    services.db.dispose()
    data = tmp_path / "data"
    old = (data / KEY_FILE).read_text(encoding="ascii").strip()

    with pytest.raises(KeyboardInterrupt):
        rotate(local, io.StringIO(), clock, batch=3, progress=_interrupt)
    new = (data / KEY_FILE).read_text(encoding="ascii").strip()
    assert new != old
    assert (data / PREVIOUS_KEYS_FILE).read_text(encoding="ascii").split() == [old]

    assert rotate(local, io.StringIO(), clock) == 0

    assert (data / KEY_FILE).read_text(encoding="ascii").strip() == new  # resumed, not a third key
    assert not (data / PREVIOUS_KEYS_FILE).exists()
    assert (data / "retired-keys" / f"{key_id(parse_key(old))}.key").read_text(encoding="ascii") == old
    done = _start(local, directory, clock)
    assert _sealed_key_ids(done) == {key_id(parse_key(new))}
    assert _pupil_names(done, case_ids) == PUPILS
    done.db.dispose()


def test_rotation_with_one_configured_key_explains_how_to_start(
    tmp_path: Path, database_url: str, directory: Directory, clock: ManualClock
) -> None:
    key = generate_key()
    _start(_settings(tmp_path, database_url, key), directory, clock).db.dispose()
    out = io.StringIO()

    assert rotate(_settings(tmp_path, database_url, key), out, clock) == 0
    assert "MELDBOT_PREVIOUS_ENCRYPTION_KEYS" in out.getvalue()
