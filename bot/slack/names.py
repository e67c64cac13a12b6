"""People by name, for what is read outside Slack (the PDF): Slack's `users.info`, remembered briefly.

Inside Slack a person stays a mention (`<@U…>`), which Slack itself shows as the name each viewer
knows. A name is personal data: it is never logged, and it is kept only for `LIFETIME`, so that a
renamed or removed colleague is soon shown as Slack shows them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)

LIFETIME = 600.0  # seconds


class StaffNames:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._known: dict[str, tuple[float, str]] = {}  # user id -> (when looked up, name)

    async def names(self, client: AsyncWebClient, user_ids: Iterable[str]) -> dict[str, str]:
        """The name of each user Slack knows; a user it does not know (or cannot tell now) is left out."""
        now = self._clock()
        wanted = set(user_ids)
        fresh = {u: known[1] for u in wanted if (known := self._known.get(u)) and now - known[0] < LIFETIME}
        missing = sorted(wanted - fresh.keys())
        for user_id, name in zip(
            missing, await asyncio.gather(*(self._look_up(client, u) for u in missing)), strict=True
        ):
            if name:
                self._known[user_id] = (now, name)
                fresh[user_id] = name
        return fresh

    async def _look_up(self, client: AsyncWebClient, user_id: str) -> str | None:
        try:
            user = (await client.users_info(user=user_id)).get("user") or {}
        except (TimeoutError, SlackApiError, OSError) as error:
            # The document then shows the id: better than no document. The error names no person.
            log.warning("users.info failed (%s); the id stands in for a name", type(error).__name__)
            return None
        profile = user.get("profile") or {}
        return profile.get("real_name") or user.get("real_name") or profile.get("display_name") or user.get("name")
