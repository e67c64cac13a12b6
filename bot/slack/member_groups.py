"""Reads the Slack user groups that schools name as their reporters (usergroups.users.list).

At start and every minute after, each group that was never read or not within the hour is read
whole; an event that a group changed (bot.slack.handlers.member_groups) reads it at once. A group
Slack no longer knows has no members; any other failure keeps the members as last read, and the
next round tries again. The log names the group and Slack's error code, never a person.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.flows.services import Services
from bot.member_groups import READ_EVERY, groups_to_read, record_members
from bot.slack.ids import PLATFORM
from bot.work import Work

log = logging.getLogger(__name__)

ROUND_SECONDS = 60
# After a failed read a group waits before the rounds try it again, doubling up to the hour: a
# missing scope or a rate limit is not asked about (nor logged) every minute. Slack's event for
# the group still reads it at once.
FIRST_WAIT = timedelta(minutes=1)


class GroupReader:
    def __init__(self, services: Services, client: AsyncWebClient, work: Work) -> None:
        self._services = services
        self._client = client
        self._work = work
        self._waits: dict[str, tuple[datetime, timedelta]] = {}  # group -> (not before, last wait)

    async def read(self, group_id: str) -> None:
        """Read the group's members from Slack and store them (a group no school names is left alone)."""
        if group_id not in self._services.directory.member_groups():
            return
        try:
            response = await self._client.usergroups_users_list(usergroup=group_id)
            members = [str(user) for user in response.get("users") or ()]
        except SlackApiError as error:
            code = error.response.get("error")
            if code != "no_such_subteam":
                self._failed(group_id, str(code))
                return
            log.warning("user group %s does not exist (or is disabled): nobody reports through it", group_id)
            members = []
        except (SlackClientError, aiohttp.ClientError, TimeoutError) as error:
            self._failed(group_id, type(error).__name__)
            return
        self._waits.pop(group_id, None)
        await self._work.after_ack(record_members, self._services, PLATFORM, group_id, members)

    async def read_due(self) -> None:
        now = self._services.clock.now()
        for group_id in await self._work.after_ack(groups_to_read, self._services, PLATFORM):
            if group_id not in self._waits or self._waits[group_id][0] <= now:
                await self.read(group_id)

    def _failed(self, group_id: str, reason: str) -> None:
        wait = min(self._waits[group_id][1] * 2, READ_EVERY) if group_id in self._waits else FIRST_WAIT
        self._waits[group_id] = (self._services.clock.now() + wait, wait)
        log.warning("could not read user group %s (%s); its members stay as last read, and it is tried again "
                    "in %s minute(s)", group_id, reason, int(wait.total_seconds() // 60))  # fmt: skip

    async def run(self) -> None:
        """Rounds until cancelled: a failed round is logged and the next one tries again."""
        while True:
            try:
                await self.read_due()
            except Exception as error:  # the database may be briefly away
                log.warning("reading the user groups failed: %s", type(error).__name__)
            await asyncio.sleep(ROUND_SECONDS)
