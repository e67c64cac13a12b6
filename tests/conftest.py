"""Shared fixtures: databases (SQLite always, PostgreSQL where reachable), services, the Slack harness."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.bootstrap import build_services
from bot.config import Settings
from bot.devtools.local import LocalSlack, local_slack
from bot.flows.ports import ManualClock
from bot.flows.rules.directory import Directory
from bot.flows.services import Services
from bot.school_config import parse_directory
from storage.crypto import generate_key
from storage.db import Database

# Invented people. User ids follow Slack's shape; nobody here exists.
COORDINATOR = "UCOORD001"
COORDINATOR_2 = "UCOORD002"
DIRECTOR = "UDIRECT01"
TEACHER = "UTEACH001"
TEACHER_2 = "UTEACH002"
OTHER_SCHOOL_COORDINATOR = "UCOORD900"
OTHER_SCHOOL_TEACHER = "UTEACH900"
TWO_SCHOOL_TEACHER = "UTEACH777"
OUTSIDER = "UOUTSIDE1"
ADMIN = "UADMIN001"  # the board's, where a test names admins

SCHOOLS_YAML = f"""
schools:
  - id: linde
    name: "Basisschool De Linde"
    coordinators: [{COORDINATOR}, {COORDINATOR_2}]
    directors: [{DIRECTOR}]
    members: [{TEACHER}, {TEACHER_2}, {TWO_SCHOOL_TEACHER}]
  - id: eik
    name: "Kindcentrum De Eik"
    coordinators: [{OTHER_SCHOOL_COORDINATOR}]
    directors: []
    members: [{OTHER_SCHOOL_TEACHER}, {TWO_SCHOOL_TEACHER}]
"""

# Monday 16 November 2026, 10:00 in Amsterdam.
START = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)

POSTGRES_URL = os.environ.get("MELDBOT_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _postgres_reason() -> str | None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install '.[test]')"
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 2})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:
        return f"no PostgreSQL reachable at {make_url(POSTGRES_URL).render_as_string()} ({type(error).__name__})"
    return None


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A fresh database on the local PostgreSQL server for this test session, dropped afterwards."""
    reason = _postgres_reason()
    if reason:
        pytest.skip(reason)
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    name = f"meldbot_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'meldbot.sqlite3'}"
        return
    yield request.getfixturevalue("empty_postgres")


@pytest.fixture
def empty_postgres(postgres_server: str) -> str:
    """The session's PostgreSQL database with an empty schema: every test starts from nothing."""
    engine = create_engine(postgres_server)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    return postgres_server


@pytest.fixture
def directory() -> Directory:
    return parse_directory(SCHOOLS_YAML, "test-schools.yml")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@functools.cache
def _migrated_sqlite() -> Path:
    """An empty SQLite database at the newest migration, made once a run. A test's new database
    starts as a copy, which the start then finds up to date: running every migration again for
    each of the suite's hundreds of databases took minutes. (The migrations have their own tests.)"""
    folder = Path(tempfile.mkdtemp(prefix="meldbot-schema-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    db = Database.from_url(f"sqlite:///{folder / 'schema.sqlite3'}")
    db.migrate()
    db.dispose()
    return folder / "schema.sqlite3"


def make_services(
    tmp_path: Path, database_url: str, directory: Directory, clock: ManualClock, key: str | None = None
) -> Services:
    if database_url.startswith("sqlite:///") and not Path(database_url.removeprefix("sqlite:///")).exists():
        shutil.copyfile(_migrated_sqlite(), database_url.removeprefix("sqlite:///"))
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        meldbot_data_dir=tmp_path / "data",
        database_url=database_url,
        meldbot_encryption_key=key or generate_key(),
    )
    return build_services(settings, clock=clock, directory=directory)


@pytest.fixture
def services(tmp_path: Path, database_url: str, directory: Directory, clock: ManualClock) -> Iterator[Services]:
    built = make_services(tmp_path, database_url, directory, clock)
    yield built
    built.db.dispose()


@pytest.fixture
def sqlite_services(tmp_path: Path, directory: Directory, clock: ManualClock) -> Iterator[Services]:
    """Services on SQLite only: for the end-to-end tests, where the backend is not the subject."""
    built = make_services(tmp_path, f"sqlite:///{tmp_path / 'meldbot.sqlite3'}", directory, clock)
    yield built
    built.db.dispose()


@pytest.fixture
def slack(sqlite_services: Services) -> Iterator[LocalSlack]:
    with local_slack(sqlite_services) as running:
        yield running
