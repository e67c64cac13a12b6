"""The outbox through Teams: a notice arrives as a card in the person's personal chat, once, with
its buttons; rate limits wait, outages retry, a person without the app installed is a clear
failure (never a silent drop), and a rewrite changes the card in place."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.devtools.local_teams import LocalTeams, local_teams
from bot.flows.ports import ManualClock
from bot.flows.services import Services
from bot.flows.vocabulary import NoticeKind
from bot.teams.transport import NOT_INSTALLED
from storage.models import OutboxMessage
from tests.shown import in_plain
from tests.teams.adaptive_cards import conform

COORDINATOR = "5b0c2d1e-8f7a-4b6c-9d0e-1f2a3b4c5d6e"  # an invented Entra object id
PAYLOAD = {"case_id": 7, "reference": "MC-2026-0007", "take": True}


@pytest.fixture
def teams(sqlite_services: Services) -> Iterator[LocalTeams]:
    with local_teams(sqlite_services) as running:
        yield running


def queue(services: Services, key: str, payload: dict[str, Any], replaces: int | None = None) -> int:
    with services.db.transaction() as session:
        row = OutboxMessage(
            dedupe_key=key,
            platform="teams",
            recipient_id=COORDINATOR,
            kind=NoticeKind.CASE_REGISTERED,
            payload=payload,
            created_at=services.clock.now(),
            replaces_id=replaces,
        )
        session.add(row)
        session.flush()
        return row.id


def row(services: Services, row_id: int) -> OutboxMessage:
    with services.db.reading() as session:
        return session.scalars(select(OutboxMessage).where(OutboxMessage.id == row_id)).one()


def installed(teams: LocalTeams) -> None:
    """The coordinator installs the app, and is greeted (here only what comes after counts)."""
    teams.driver.install(COORDINATOR)
    assert teams.flush() == 1
    (greeting,) = chat(teams)
    assert greeting["actions"][0]["data"]["dialog_id"] == "start_registration"
    teams.connector.sent.clear()


def chat(teams: LocalTeams) -> list[dict[str, Any]]:
    return teams.connector.cards_to(f"a:personal-{COORDINATOR}")


def test_a_notice_arrives_once_as_a_card_with_its_buttons_and_carries_its_outbox_id(teams: LocalTeams) -> None:
    installed(teams)
    message_id = queue(teams.services, "k1", PAYLOAD)

    assert teams.flush() == 1
    assert teams.flush() == 0

    [card] = chat(teams)
    assert "MC-2026-0007" in card["body"][0]["text"]
    # Both open a dialog (the case view), as both open a modal in Slack.
    opened = [
        (a["type"], a["data"]["msteams"]["type"], a["data"]["dialog_id"], a["data"]["value"]) for a in card["actions"]
    ]
    assert opened == [
        ("Action.Submit", "task/fetch", "open_case", "7"),
        ("Action.Submit", "task/fetch", "take_case", "7"),
    ]
    assert card["actions"][1]["title"] == in_plain("button_take")
    [sent] = teams.connector.sent
    assert sent.activity["channelData"]["meldbotOutboxId"] == message_id
    assert row(teams.services, message_id).state == "sent"
    conform(card)


def test_a_person_without_the_app_is_a_clear_failure_not_a_silent_drop(teams: LocalTeams) -> None:
    message_id = queue(teams.services, "k1", PAYLOAD)

    teams.flush()

    failed = row(teams.services, message_id)
    assert failed.state == "failed" and failed.last_error == NOT_INSTALLED
    assert teams.connector.sent == []


def test_a_rate_limit_waits_for_retry_after_and_then_the_card_goes_once(
    teams: LocalTeams, sqlite_services: Services
) -> None:
    installed(teams)
    teams.connector.fail(429, retry_after=30)
    message_id = queue(teams.services, "k1", PAYLOAD)

    assert teams.flush() == 0
    waiting = row(teams.services, message_id)
    assert waiting.state == "pending" and waiting.next_attempt_at is not None

    clock = sqlite_services.clock
    assert isinstance(clock, ManualClock)
    clock.advance(timedelta(seconds=31))
    assert teams.flush() == 1
    assert len(chat(teams)) == 1


def test_an_outage_is_retried_and_a_rewrite_changes_the_card_in_place(
    teams: LocalTeams, sqlite_services: Services
) -> None:
    installed(teams)
    teams.connector.fail(503)
    first = queue(teams.services, "k1", PAYLOAD)
    assert teams.flush() == 0
    clock = sqlite_services.clock
    assert isinstance(clock, ManualClock)
    clock.advance(timedelta(minutes=5))
    assert teams.flush() == 1

    queue(teams.services, "k2", {**PAYLOAD, "take": False, "taken_by": COORDINATOR}, replaces=first)
    assert teams.flush() == 1

    [card] = chat(teams)  # the same card, now saying who took the case, without "take"
    assert [a["data"]["dialog_id"] for a in card["actions"]] == ["open_case"]
    assert len(teams.connector.sent) == 1 and len(teams.connector.sent[0].updates) == 1
