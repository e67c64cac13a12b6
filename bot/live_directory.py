"""The school configuration as it is now: meldbot.yml, read again when it changes, and the members of
the user groups it names, as last stored; so that a removal counts at the next click.

Every request (and every scheduled job) begins with `refresh`: one look at the file, and where the
file names user groups, one small read of their revisions. A coordinator taken out of meldbot.yml,
or a teacher who left the school's user group, loses access at their next click, in every process,
without a restart; the many access decisions within one request read what is loaded. A changed file
that has problems is not half-applied: the previous configuration stays, and the log says why.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from bot.flows.rules.directory import Directory, School
from bot.school_config import ConfigError, load_directory
from storage import repositories as repo
from storage.db import Database

log = logging.getLogger(__name__)


class LiveDirectory(Directory):
    _path: Path
    _from_file: Directory
    _members: dict[str, frozenset[str]]  # of each member group, as last read from storage
    _revisions: dict[str, int] | None  # theirs; None: not read since the file changed
    _loaded: Directory  # the file's, with the groups' members filled in
    _on_change: Callable[[Directory], None]
    _stamp: tuple[int, int] | None
    _db: Database | None
    _lock: threading.Lock

    def __init__(
        self, path: Path, loaded: Directory, on_change: Callable[[Directory], None], db: Database | None = None
    ) -> None:
        # Not the dataclass __init__: the fields are served by the properties below.
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_from_file", loaded)
        object.__setattr__(self, "_members", {})
        object.__setattr__(self, "_revisions", None)
        object.__setattr__(self, "_loaded", loaded.with_group_members({}))
        object.__setattr__(self, "_on_change", on_change)
        object.__setattr__(self, "_stamp", self._file_stamp())
        object.__setattr__(self, "_db", db)
        object.__setattr__(self, "_lock", threading.Lock())
        self._refresh_groups()

    @property  # type: ignore[override]
    def schools(self) -> tuple[School, ...]:
        return self.current().schools

    @property  # type: ignore[override]
    def admins(self) -> frozenset[str]:
        return self.current().admins

    @property  # type: ignore[override]
    def small_numbers(self) -> int:
        return self.current().small_numbers

    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            stat = self._path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def current(self) -> Directory:
        return self._loaded

    def refresh(self) -> None:
        changed = self._refresh_file()
        self._refresh_groups()
        if changed:
            self._on_change(self._loaded)

    def _refresh_file(self) -> bool:
        stamp = self._file_stamp()
        if stamp is None or stamp == self._stamp:
            return False
        with self._lock:
            if stamp == self._stamp:
                return False
            object.__setattr__(self, "_stamp", stamp)
            try:
                fresh = load_directory(self._path)
            except ConfigError as error:
                log.warning("%s changed but has problems; the previous configuration stays: %s",
                            self._path, "; ".join(error.problems))  # fmt: skip
                return False
            object.__setattr__(self, "_from_file", fresh)
            object.__setattr__(self, "_revisions", None)  # it may name other groups
            object.__setattr__(self, "_loaded", fresh.with_group_members(self._members))
            log.info("%s changed: configuration reloaded", self._path)
            return True

    def _refresh_groups(self) -> None:
        groups = self._from_file.member_groups()
        if not groups or self._db is None:
            return
        with self._db.reading() as session:
            revisions = repo.member_group_revisions(session, groups)
        if revisions == self._revisions:
            return
        with self._lock:
            groups = self._from_file.member_groups()  # the file may have changed meanwhile
            with self._db.reading() as session:
                revisions = repo.member_group_revisions(session, groups)
                members = repo.member_group_members(session, groups)
            object.__setattr__(self, "_members", members)
            object.__setattr__(self, "_revisions", revisions)
            object.__setattr__(self, "_loaded", self._from_file.with_group_members(members))
