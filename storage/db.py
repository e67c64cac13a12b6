"""Engine, sessions and migrations: SQLite file by default, PostgreSQL for several processes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"
_STARTUP_LOCK = 0x4D454C44  # "MELD": the advisory lock id of start-up work


def make_engine(url: str) -> Engine:
    """An engine with the settings this application relies on for each backend.

    Parameters stay out of error messages: a failed statement's exception (and so a traceback in
    the log) names the SQL, never the values it carried.
    """
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, hide_parameters=True)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def _configure_sqlite(engine: Engine) -> None:
    # pysqlite opens transactions lazily and only as readers; a reader that later writes can
    # fail at once with "database is locked". Taking the write lock up front (BEGIN IMMEDIATE)
    # makes concurrent writers wait their turn instead.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """The one way the application talks to its database: short explicit transactions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def from_url(cls, url: str) -> Database:
        return cls(make_engine(url))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def startup_lock(self) -> Iterator[None]:
        """Processes that start together on PostgreSQL migrate and mirror the configuration one
        at a time (a session-level advisory lock). SQLite serialises writers by itself."""
        if self.engine.dialect.name != "postgresql":
            yield
            return
        with self.engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _STARTUP_LOCK})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _STARTUP_LOCK})
                connection.commit()

    def migrate(self, revision: str = "head") -> None:
        """Bring the schema to the newest migration (safe to call at every start), or to an older
        `revision` (an upgrade test starts from the schema a previous release made)."""
        with self.engine.begin() as connection:
            config = _alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)

    def pending_migrations(self) -> list[str]:
        """Revisions not yet applied; empty when the schema is current."""
        script = ScriptDirectory.from_config(_alembic_config())
        with self.engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_heads()
        head = script.get_current_head()
        if head in current:
            return []
        return [rev.revision for rev in script.iterate_revisions(head, current or "base")]

    def dispose(self) -> None:
        self.engine.dispose()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config
