"""Engine, sessions and migrations: SQLite file by default, PostgreSQL for several processes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_READ_ONLY = "meldbot_read_only"  # an execution option: this connection's transactions only read
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
        # A reader begins deferred: in WAL mode it reads beside the writer and takes no lock.
        read_only = connection.get_execution_options().get(_READ_ONLY)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


class _Session(Session):
    """This application's sessions: each notes the kinds of row it added (`Database.after_commit_adding`).

    The listener is on this class, once, and not on each database's sessionmaker: SQLAlchemy keeps a
    sessionmaker's listeners in a registry keyed weakly by its class, which they refer to, so a
    database that was ever listened to could never be freed.
    """


_ADDED = "meldbot_added"


@event.listens_for(_Session, "after_flush")
def _note_added(session: Session, _context: Any) -> None:
    session.info.setdefault(_ADDED, set()).update(type(row) for row in session.new)


class Database:
    """The one way the application talks to its database: short explicit transactions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, class_=_Session, expire_on_commit=False)
        self._on_commit: list[tuple[type[Any], Callable[[], None]]] = []
        reader_options = {_READ_ONLY: True}
        if engine.dialect.name == "postgresql":
            reader_options["postgresql_readonly"] = True  # PostgreSQL itself refuses a write there
        self._readers = sessionmaker(engine.execution_options(**reader_options), expire_on_commit=False)
        # SQLite has one writer. Writers of this process wait their turn on a lock, woken one by
        # one, instead of polling the file's lock (busy_timeout sleeps grow to 100 ms a try).
        self._write_turn: AbstractContextManager[Any] = (
            threading.RLock() if engine.dialect.name == "sqlite" else nullcontext()
        )

    @classmethod
    def from_url(cls, url: str) -> Database:
        return cls(make_engine(url))

    def after_commit_adding(self, model: type[Any], callback: Callable[[], None]) -> None:
        """Call `callback` once a transaction that added rows of `model` has committed (never after
        a rollback): how a worker hears that there is work, without anyone polling for it."""
        self._on_commit.append((model, callback))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on error."""
        with self._write_turn, self._sessions() as session:
            with session.begin():
                yield session
            added = session.info.get(_ADDED, set())
        for model, callback in self._on_commit:
            if model in added:
                callback()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session that only reads: it takes no write lock, so it never waits for a writer and
        no writer waits for it. Something it would write is refused, not silently committed."""
        with self._readers() as session, session.begin():
            yield session
            if session.new or session.dirty or session.deleted:
                raise RuntimeError("a read-only transaction tried to write")

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
        from alembic import command  # the migration machinery loads only when it is used

        self._migrating(lambda config: command.upgrade(config, revision))

    def downgrade(self, revision: str) -> None:
        """Take the schema back to an older `revision` (what a rollback to an older release needs)."""
        from alembic import command

        self._migrating(lambda config: command.downgrade(config, revision))

    def _migrating(self, run: Callable[[Config], None]) -> None:
        """Run Alembic in one transaction. On SQLite, a migration that rebuilds a table others refer
        to (how SQLite changes a column) needs foreign keys off while it runs; they are checked
        before the transaction commits, and on again after."""
        sqlite = self.engine.dialect.name == "sqlite"
        with self.engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert raw is not None
            if sqlite:
                raw.execute("PRAGMA foreign_keys=OFF")  # outside a transaction, or SQLite ignores it
            try:
                with connection.begin():
                    config = _alembic_config()
                    config.attributes["connection"] = connection
                    run(config)
                    if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                        raise RuntimeError("a migration left rows pointing at rows that are not there")
            finally:
                if sqlite:
                    raw.execute("PRAGMA foreign_keys=ON")

    def pending_migrations(self) -> list[str]:
        """Revisions not yet applied; empty when the schema is current."""
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

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
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config
