"""The school configuration, read again when its file changes, so that a removal counts at the next click.

Every request (and every scheduled job) begins with `refresh`, which looks at the file once: a
coordinator or member taken out of meldbot.yml loses access at their next click, without a
restart, and the many access decisions within one request read what is loaded. A changed file
that has problems is not half-applied: the previous configuration stays, and the log says why.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from bot.flows.rules.directory import Directory, School
from bot.school_config import ConfigError, load_directory

log = logging.getLogger(__name__)


class LiveDirectory(Directory):
    _path: Path
    _loaded: Directory
    _on_change: Callable[[Directory], None]
    _stamp: tuple[int, int] | None
    _lock: threading.Lock

    def __init__(self, path: Path, loaded: Directory, on_change: Callable[[Directory], None]) -> None:
        # Not the dataclass __init__: the fields are served by the properties below.
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_loaded", loaded)
        object.__setattr__(self, "_on_change", on_change)
        object.__setattr__(self, "_stamp", self._file_stamp())
        object.__setattr__(self, "_lock", threading.Lock())

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
        stamp = self._file_stamp()
        if stamp is None or stamp == self._stamp:
            return
        with self._lock:
            if stamp != self._stamp:
                object.__setattr__(self, "_stamp", stamp)
                try:
                    fresh = load_directory(self._path)
                except ConfigError as error:
                    log.warning("%s changed but has problems; the previous configuration stays: %s",
                                self._path, "; ".join(error.problems))  # fmt: skip
                    return
                object.__setattr__(self, "_loaded", fresh)
                log.info("%s changed: configuration reloaded", self._path)
                self._on_change(fresh)
