"""Slack says a user group changed: who left is out at once, then the whole list is read again."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.flows.services import Services
from bot.member_groups import record_departures, record_members
from bot.slack.handlers.errors import guarded
from bot.slack.ids import PLATFORM
from bot.slack.member_groups import GroupReader
from bot.work import Work


async def handle_members_changed(event: dict[str, Any], services: Services, work: Work, groups: GroupReader) -> None:
    group_id = str(event.get("subteam_id") or "")
    left = [str(user) for user in event.get("removed_users") or ()]
    if left:
        await work.after_ack(record_departures, services, PLATFORM, group_id, left)
    await groups.read(group_id)


async def handle_group_updated(event: dict[str, Any], services: Services, work: Work, groups: GroupReader) -> None:
    group = event.get("subteam") or {}
    group_id = str(group.get("id") or "")
    if group.get("date_delete"):  # disabled: nobody reports through it any more
        await work.after_ack(record_members, services, PLATFORM, group_id, [])
    else:
        await groups.read(group_id)


def register(app: AsyncApp) -> None:
    app.event("subteam_members_changed")(guarded(handle_members_changed))
    app.event("subteam_updated")(guarded(handle_group_updated))
