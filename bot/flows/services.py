"""The dependencies every flow receives, wired once in bot.bootstrap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.exc import IntegrityError

from bot.flows.directory import Directory
from bot.flows.ports import Clock
from storage.crypto import FieldCipher
from storage.db import Database

T = TypeVar("T")


@dataclass(frozen=True)
class Services:
    db: Database
    cipher: FieldCipher
    directory: Directory
    clock: Clock

    def idempotent(self, work: Callable[[], T]) -> T:
        """Run a flow that looks for its own earlier result before writing.

        Two identical submissions that race both pass the look-up; the loser then hits a
        unique key. Running it once more lets it find the winner's result and return that.
        """
        try:
            return work()
        except IntegrityError:
            return work()
