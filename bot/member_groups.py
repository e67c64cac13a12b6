"""A school's reporters from a platform's user group (`members: {usergroup: S…}` in meldbot.yml).

The platform adapter reads the group (at start, when the platform says it changed, and every hour
to heal a missed event) and hands the list here. It is stored once for every process (each sees it
at its next click, bot.live_directory), and every reporter role it grants or takes away is audited
like a change of meldbot.yml. Only groups the file names are kept.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta

from bot.bootstrap import mirror_directory
from bot.flows.services import Services
from storage import repositories as repo

log = logging.getLogger(__name__)

# How often a group is read whole even when the platform said nothing (an event missed while down).
READ_EVERY = timedelta(hours=1)


def record_members(services: Services, platform: str, group_id: str, members: Iterable[str]) -> None:
    """The group's whole list, as its platform gave it just now."""
    if group_id not in services.directory.member_groups():
        return
    with services.db.transaction() as session:
        joined, left = repo.store_member_group(session, platform, group_id, frozenset(members), services.clock.now())
    _take_in(services, group_id, joined, left)


def record_departures(services: Services, platform: str, group_id: str, users: Iterable[str]) -> None:
    """People the platform says left the group: out at once, before the whole list is read again."""
    if group_id not in services.directory.member_groups():
        return
    with services.db.transaction() as session:
        left = repo.remove_from_member_group(session, platform, group_id, frozenset(users), services.clock.now())
    _take_in(services, group_id, frozenset(), left)


def groups_to_read(services: Services, platform: str) -> list[str]:
    """The groups the file names that were never read whole, or not within READ_EVERY."""
    with services.db.reading() as session:
        synced = repo.member_groups_synced(session, platform)
    due = services.clock.now() - READ_EVERY
    return sorted(g for g in services.directory.member_groups() if g not in synced or synced[g] <= due)


def _take_in(services: Services, group_id: str, joined: frozenset[str], left: frozenset[str]) -> None:
    if not joined and not left:
        return
    log.info("user group %s: %s joined, %s left", group_id, len(joined), len(left))
    services.directory.refresh()
    mirror_directory(services)
