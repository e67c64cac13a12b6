"""Names for the PDF: looked up in Slack, remembered for a short while, and never logged."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError

from bot.slack.names import LIFETIME, StaffNames


class _Slack:
    def __init__(self, people: dict[str, str]) -> None:
        self.people, self.asked = people, []  # type: ignore[var-annotated]

    async def users_info(self, *, user: str) -> dict[str, Any]:
        self.asked.append(user)
        if user not in self.people:
            raise SlackApiError("user_not_found", {"ok": False, "error": "user_not_found"})
        return {"user": {"id": user, "profile": {"real_name": self.people[user], "display_name": "x"}}}


def test_names_are_remembered_for_their_lifetime_then_looked_up_again(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    names = StaffNames(clock=lambda: now[0])
    slack = _Slack({"UANNA0001": "Anna Voorbeeld"})

    with caplog.at_level(logging.DEBUG):
        first = asyncio.run(names.names(slack, ["UANNA0001", "UGONE0001"]))  # type: ignore[arg-type]
        now[0] = LIFETIME - 1
        asyncio.run(names.names(slack, ["UANNA0001"]))  # type: ignore[arg-type]
        now[0] = LIFETIME + 1
        slack.people["UANNA0001"] = "Anna de Vries"
        later = asyncio.run(names.names(slack, ["UANNA0001"]))  # type: ignore[arg-type]

    assert first == {"UANNA0001": "Anna Voorbeeld"}  # the unknown user is left out: the id stands
    assert later == {"UANNA0001": "Anna de Vries"}
    assert slack.asked == ["UANNA0001", "UGONE0001", "UANNA0001"]
    assert "Anna" not in caplog.text and "UGONE0001" not in caplog.text
