"""Reads the Slack user groups that schools name as their reporters (usergroups.users.list).

At start and every minute after, each group that was never read or not within the hour is read
whole; an event that a group changed (bot.slack.handlers.member_groups) reads it at once. A group
Slack no longer knows has no members; any other failure keeps the members as last read, and the
next round tries again. The log names the group and Slack's error code, never a person.
"""

from __future__ import annotations

import asyncio
import logging

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.flows.services import Services
from bot.member_groups import groups_to_read, record_members
from bot.slack.handlers.work import Work
from bot.slack.ids import PLATFORM

log = logging.getLogger(__name__)

ROUND_SECONDS = 60


class GroupReader:
    def __init__(self, services: Services, client: AsyncWebClient, work: Work) -> None:
        self._services = services
        self._client = client
        self._work = work

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
                log.warning("could not read user group %s (%s); its members stay as last read", group_id, code)
                return
            log.warning("user group %s does not exist (or is disabled): nobody reports through it", group_id)
            members = []
        except (SlackClientError, aiohttp.ClientError, TimeoutError) as error:
            log.warning("could not read user group %s (%s); its members stay as last read",
                        group_id, type(error).__name__)  # fmt: skip
            return
        await self._work.after_ack(record_members, self._services, PLATFORM, group_id, members)

    async def read_due(self) -> None:
        for group_id in await self._work.after_ack(groups_to_read, self._services, PLATFORM):
            await self.read(group_id)

    async def run(self) -> None:
        """Rounds until cancelled: a failed round is logged and the next one tries again."""
        while True:
            try:
                await self.read_due()
            except Exception as error:  # the database may be briefly away
                log.warning("reading the user groups failed: %s", type(error).__name__)
            await asyncio.sleep(ROUND_SECONDS)
