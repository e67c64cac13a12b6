"""Each person reads the bot in their own language: the school's, or what they chose in the App Home.

Expected texts are made from the catalogue in the language the person should read, so that a
translator's edit does not break these tests; what they hold is who reads which language.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.catalogue import speaking, t
from bot.devtools.local import LocalSlack
from bot.flows.ports import ManualClock
from bot.flows.rules.directory import Directory
from bot.flows.vocabulary import Language
from bot.school_config import parse_directory
from bot.slack.ids import Action
from bot.slack.ids import Block as B
from bot.slack.views.common import slack_mrkdwn, slack_plain
from storage.models import Person
from tests.conftest import (
    COORDINATOR,
    COORDINATOR_2,
    OTHER_SCHOOL_COORDINATOR,
    OTHER_SCHOOL_TEACHER,
    SCHOOLS_YAML,
    TEACHER,
)
from tests.e2e.casework import case_id, open_case
from tests.e2e.steps import register
from tests.pdf_text import pdf_text

REFERENCE = "MC-2026-0001"


@pytest.fixture
def directory() -> Directory:
    """De Linde speaks Dutch (the default); De Eik is an international school that speaks English."""
    english_eik = SCHOOLS_YAML.replace('name: "Kindcentrum De Eik"', 'name: "Kindcentrum De Eik"\n    language: en')
    return parse_directory(english_eik, "test-schools.yml")


def _in(language: Language, key: str, **values: object) -> str:
    with speaking(language):
        return slack_mrkdwn(t(key, **values))


def _dms(slack: LocalSlack, user_id: str) -> str:
    return json.dumps(slack.fake.client(user_id).messages, ensure_ascii=False)


def _home_header(slack: LocalSlack, user_id: str) -> str:
    home: dict[str, Any] = slack.fake.client(user_id).home or {}
    return str(home["blocks"][0]["text"]["text"])


def _chosen(slack: LocalSlack, user_id: str) -> str | None:
    with slack.services.db.transaction() as session:
        return session.scalars(select(Person.language).where(Person.user_id == user_id)).one_or_none()


def test_a_school_that_speaks_english_is_answered_in_english(slack: LocalSlack) -> None:
    register(slack.driver, OTHER_SCHOOL_TEACHER)
    slack.driver.settle()

    confirmation = json.dumps(slack.fake.top_modal(OTHER_SCHOOL_TEACHER), ensure_ascii=False)
    assert _in(Language.EN, "registered_new", reference=REFERENCE) in confirmation
    assert _in(Language.NL, "registered_new", reference=REFERENCE) not in confirmation
    assert _in(Language.EN, "notice_case_registered", reference=REFERENCE) in _dms(slack, OTHER_SCHOOL_COORDINATOR)


def test_a_persons_own_choice_holds_for_the_home_their_messages_reminders_and_pdfs(
    slack: LocalSlack, clock: ManualClock
) -> None:
    slack.driver.open_home(COORDINATOR)
    assert _home_header(slack, COORDINATOR) == slack_plain(t("home_title"))  # Dutch, De Linde's language

    slack.driver.select_in_home(COORDINATOR, Action.CHOOSE_LANGUAGE, "en")
    slack.driver.settle()

    assert _chosen(slack, COORDINATOR) == "en"
    with speaking(Language.EN):
        assert _home_header(slack, COORDINATOR) == slack_plain(t("home_title"))
    # The teacher and the other coordinator of the same school keep the school's Dutch.
    register(slack.driver, TEACHER)
    slack.driver.settle()
    assert _in(Language.EN, "notice_case_registered", reference=REFERENCE) in _dms(slack, COORDINATOR)
    assert _in(Language.NL, "notice_case_registered", reference=REFERENCE) in _dms(slack, COORDINATOR_2)
    assert _in(Language.NL, "registered_new", reference=REFERENCE) in json.dumps(
        slack.fake.top_modal(TEACHER), ensure_ascii=False
    )

    # A reminder is drawn when it goes, in the recipient's language as it stands then.
    clock.move_to(clock.now() + timedelta(days=1))
    slack.sweep()
    assert _in(Language.EN, "reminder_not_taken", reference=REFERENCE) in _dms(slack, COORDINATOR)
    assert _in(Language.NL, "reminder_not_taken", reference=REFERENCE) in _dms(slack, COORDINATOR_2)

    # The PDF this coordinator exports is English too.
    slack.driver.click_in_messages(COORDINATOR, Action.TAKE_CASE)
    open_case(slack, COORDINATOR, case_id(slack))
    slack.driver.click_in_modal(COORDINATOR, Action.EXPORT_CASE)
    slack.driver.submit(COORDINATOR, {B.EXPORT_DOCUMENT: "dossier"})
    slack.driver.settle()
    (shared,) = slack.fake.client(COORDINATOR).files
    with speaking(Language.EN):
        title, signals = slack_plain(t("pdf_dossier_title", reference=REFERENCE)), slack_plain(t("section_signals"))
    text = pdf_text(shared["content"])
    assert title in text and signals in text

    # Back to Dutch: from the next message on.
    slack.driver.select_in_home(COORDINATOR, Action.CHOOSE_LANGUAGE, "nl")
    slack.driver.settle()
    assert _chosen(slack, COORDINATOR) == "nl"
    assert _home_header(slack, COORDINATOR) == slack_plain(t("home_title"))


def test_a_crafted_language_changes_nothing(slack: LocalSlack) -> None:
    slack.driver.open_home(COORDINATOR)
    before = slack.fake.client(COORDINATOR).home

    response = slack.driver.select_in_home(COORDINATOR, Action.CHOOSE_LANGUAGE, "<script>")
    slack.driver.settle()

    assert response.status == 200
    assert _chosen(slack, COORDINATOR) is None
    assert slack.fake.client(COORDINATOR).home == before
