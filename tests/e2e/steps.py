"""What a teacher does in Slack to register a concern, as reusable steps for the e2e tests."""

from __future__ import annotations

from typing import Any

from bot.devtools.driver import Response, SlackDriver
from bot.slack.ids import Block

# An invented pupil; marker-like names make leaks easy to find.
PUPIL_NAME = "Fenna Testkind-Zonderbestaan"
GROUP = "groep 5"
OBSERVED = "Blauwe plekken op beide onderarmen, zichtbaar bij de gymles; zei 'gevallen van de trap'."
LOCATION = "Gymzaal, tijdens de les"
COUNTER_FACTS = "Speelt sinds kort op een klimclub."
SOURCE_DETAIL = "Moeder van een klasgenoot"


def signal_values(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        Block.PUPIL_NAME: PUPIL_NAME,
        Block.PUPIL_GROUP: GROUP,
        Block.AGE_BAND: "under_12",
        Block.OBSERVED: OBSERVED,
        Block.OBSERVED_ON: "2026-11-13",
        Block.LOCATION: LOCATION,
        Block.SOURCE: "own",
        Block.SOURCE_DETAIL: None,
        Block.CATEGORIES: ["physical"],
        Block.COUNTER_FACTS: COUNTER_FACTS,
    }
    values.update({Block(k): v for k, v in overrides.items()})
    return values


def start_intake(
    driver: SlackDriver, user_id: str, route: str = "home", acute: bool = False, school: str | None = None
) -> Response:
    driver.command(user_id)
    values: dict[str, Any] = {Block.ROUTE: route, Block.ACUTE: "yes" if acute else "no"}
    if school:
        values[Block.SCHOOL] = school
    return driver.submit(user_id, values)


def register(
    driver: SlackDriver, user_id: str, *, acute: bool = False, school: str | None = None, **overrides: Any
) -> Response:
    """The whole registration: intake, then the signal form. Returns the signal form's answer."""
    start_intake(driver, user_id, acute=acute, school=school)
    return driver.submit(user_id, signal_values(**overrides))


def report_staff_suspicion(driver: SlackDriver, user_id: str, alert: str = "director", **intake: Any) -> Response:
    """The staff-member route: intake, then whom the bot alerts (the director, or the board)."""
    start_intake(driver, user_id, route="staff_member", **intake)
    return driver.submit(user_id, {Block.BOARD_ALERT: alert})
