"""The Teams adapter's first piece, end to end in the bot's HTTP server: activities are authenticated
(never skipped outside the local test mode), each personal activity keeps where the bot may write to
its sender, and what a person types in the chat is stored nowhere and logged nowhere."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bot.catalogue import t
from bot.devtools.local_teams import LocalTeams, local_teams
from bot.flows.services import Services
from bot.teams.dialogs import teams_plain
from storage.models import ConversationReference
from tests.storage.test_database import _raw_dump

TEACHER = "0c7e1a2b-3d4e-4f5a-8b6c-7d8e9f0a1b2c"  # an invented Entra object id
SECRET = "Fenna Testkind-Zonderbestaan kwam met blauwe plekken"


@pytest.fixture
def teams(sqlite_services: Services) -> Iterator[LocalTeams]:
    with local_teams(sqlite_services) as running:
        yield running


def references(services: Services) -> list[tuple[str, str, str]]:
    with services.db.reading() as session:
        rows = session.scalars(select(ConversationReference)).all()
        return [(r.platform, r.user_id, r.conversation_id) for r in rows]


def test_installing_the_app_keeps_where_the_bot_may_write_to_the_person(teams: LocalTeams) -> None:
    status, _ = teams.driver.install(TEACHER)

    assert status == 200
    assert references(teams.services) == [("teams", TEACHER, f"a:personal-{TEACHER}")]


def test_a_moved_conversation_replaces_the_old_reference(teams: LocalTeams) -> None:
    teams.driver.install(TEACHER)
    moved = teams.driver.activity(TEACHER, "message", text="hallo")
    moved["conversation"]["id"] = "a:personal-again"

    assert teams.driver.post(moved)[0] == 200
    assert references(teams.services) == [("teams", TEACHER, "a:personal-again")]


def test_a_group_chat_keeps_no_reference(teams: LocalTeams) -> None:
    group = teams.driver.activity(TEACHER, "message", text="hallo")
    group["conversation"]["conversationType"] = "groupChat"

    assert teams.driver.post(group)[0] == 200
    assert references(teams.services) == []


def test_what_a_person_types_in_the_chat_is_stored_nowhere_and_logged_nowhere(
    teams: LocalTeams, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert teams.driver.write(TEACHER, SECRET)[0] == 200
    # A malformed activity that carries it too: refused without quoting it.
    broken = teams.driver.activity(TEACHER, "message", text=SECRET)
    broken["conversation"]["id"] = {"quoted": SECRET}
    status, _ = teams.driver.post(broken)

    assert status == 500
    assert SECRET not in _raw_dump(teams.services)
    logged = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert "blauwe plekken" not in logged
    assert "its text is withheld" in logged  # the SDK's error line, without its text


def test_an_activity_without_a_valid_token_is_refused_outside_the_test_mode(sqlite_services: Services) -> None:
    with local_teams(sqlite_services, authenticated=True) as teams:
        unsigned = teams.driver.install(TEACHER)
        teams.driver.headers["Authorization"] = "Bearer not.a.token"
        forged = teams.driver.install(TEACHER)

    assert unsigned[0] == 401 and forged[0] == 401
    assert references(sqlite_services) == []


@pytest.mark.parametrize("body", [b"[1, 2, 3]", b"{not json", b"\xff\xfe"])
def test_a_body_that_is_no_activity_is_refused_with_400(teams: LocalTeams, body: bytes) -> None:
    request = urllib.request.Request(teams.driver.url, data=body, method="POST")

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)

    assert refused.value.code == 400


def test_a_file_sent_to_the_bot_is_not_taken_and_the_answer_says_where_it_now_is(teams: LocalTeams) -> None:
    teams.driver.install(TEACHER)
    photo = {"contentType": "application/vnd.microsoft.teams.file.download.info", "name": "arm.jpg",
             "contentUrl": "https://delinde-my.sharepoint.com/personal/x/arm.jpg",
             "content": {"downloadUrl": "https://delinde-my.sharepoint.com/download/x", "fileType": "jpg"}}  # fmt: skip
    assert teams.driver.post(teams.driver.activity(TEACHER, "message", attachments=[photo]))[0] == 200
    teams.flush()

    *_, greeting, answer = teams.chat(TEACHER)
    assert teams_plain(t("dm_file_not_taken")) in str(answer).replace("*", "")
    assert teams_plain(t("dm_file_not_taken")) not in str(greeting).replace("*", "")  # said only then
    assert "arm.jpg" not in _raw_dump(teams.services)  # nothing of it kept
