"""The dependencies every flow receives, wired once in bot.bootstrap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.exc import IntegrityError

from bot.flows import audit
from bot.flows.errors import Refused
from bot.flows.ports import Clock
from bot.flows.rules.directory import Directory
from storage.crypto import FieldCipher
from storage.db import Database

T = TypeVar("T")


@dataclass(frozen=True)
class Services:
    db: Database
    cipher: FieldCipher
    directory: Directory
    clock: Clock

    def perform(self, work: Callable[[], T]) -> T:
        """Run one use case: its transaction, once more after a lost race, and the record of a refusal.

        A flow looks for its own earlier result before writing. Two identical submissions that
        race both pass the look-up; the loser then hits a unique key, and running it once more
        lets it find the winner's result. A refusal raised inside is audited here, in a short
        transaction of its own, after the one it was raised in rolled back.
        """
        try:
            try:
                return work()
            except IntegrityError:
                return work()
        except Refused as refusal:
            with self.db.transaction() as session:
                audit.record_refusal(session, self.clock, refusal)
            raise
