"""The sociale kaart: the national numbers and a school's own contacts, where they are needed."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from bot.catalogue import speaking
from bot.devtools.local import LocalSlack
from bot.documents.contacts import contact_line
from bot.documents.dialogs import Form
from bot.flows.rules.directory import Directory
from bot.flows.rules.framework import Answer
from bot.flows.rules.social_map import NATIONAL, Contact, ContactRole
from bot.flows.steps.dossier import open_part
from bot.flows.vocabulary import DossierPart, Language, ReminderKind
from bot.school_config import parse_directory
from bot.slack.ids import Action
from bot.slack.ids import Block as B
from bot.slack.views.common import slack_mrkdwn
from storage.models import Reminder
from tests.conftest import COORDINATOR, OTHER_SCHOOL_TEACHER, OUTSIDER, SCHOOLS_YAML, TEACHER, TEACHER_2
from tests.e2e.casework import case_id, in_json, open_case, ready_to_weigh, registered_and_taken, walk
from tests.shown import in_plain

YOUTH_DOCTOR = Contact("GGD Jeugdgezondheid", ContactRole.YOUTH_DOCTOR, phone="020-5555555")
NEIGHBOURHOOD_TEAM = Contact("Wijkteam Noord", ContactRole.NEIGHBOURHOOD_TEAM, website="https://wijkteam.example")
LINDE_CONTACTS = """
    contacts:
      - {organisation: "GGD Jeugdgezondheid", role: youth_doctor, phone: "020-5555555"}
      - {organisation: "Wijkteam Noord", role: neighbourhood_team, website: "https://wijkteam.example"}"""


@pytest.fixture
def directory() -> Directory:
    """De Linde has its own contacts; De Eik, an English-speaking school, only the national ones."""
    yaml = SCHOOLS_YAML.replace('name: "Basisschool De Linde"', 'name: "Basisschool De Linde"' + LINDE_CONTACTS)
    yaml = yaml.replace('name: "Kindcentrum De Eik"', 'name: "Kindcentrum De Eik"\n    language: en')
    return parse_directory(yaml, "test-schools.yml")


def _shown(slack: LocalSlack, user_id: str) -> str:
    return json.dumps(slack.fake.top_modal(user_id), ensure_ascii=False)


def _line(contact: Contact) -> str:
    return in_json(slack_mrkdwn(contact_line(contact)))


def test_meldcode_contacten_shows_the_national_numbers_and_the_schools_own(slack: LocalSlack) -> None:
    slack.driver.command(TEACHER, "contacten")

    modal = slack.fake.top_modal(TEACHER) or {}
    shown = _shown(slack, TEACHER)
    assert modal["callback_id"] == Form.INFO and modal["title"]["text"] == in_plain("contacts_title")
    assert [c.organisation for c in (*NATIONAL, YOUTH_DOCTOR, NEIGHBOURHOOD_TEAM) if _line(c) not in shown] == []
    assert "Basisschool De Linde" in shown and "Kindcentrum De Eik" not in shown  # only the teacher's school


def test_the_english_word_works_and_an_english_school_reads_its_map_in_english(slack: LocalSlack) -> None:
    slack.driver.command(OTHER_SCHOOL_TEACHER, "  Contacts ")

    shown = _shown(slack, OTHER_SCHOOL_TEACHER)
    with speaking(Language.EN):
        assert [c.organisation for c in NATIONAL if _line(c) not in shown] == []
        assert in_plain("contacts_title") in shown
    assert _line(YOUTH_DOCTOR) not in shown  # De Linde's own contacts are not De Eik's


def test_someone_without_a_school_sees_the_national_numbers_and_no_registration(slack: LocalSlack) -> None:
    slack.driver.command(OUTSIDER, "contacten")

    shown = _shown(slack, OUTSIDER)
    assert [c.organisation for c in NATIONAL if _line(c) not in shown] == []
    assert (slack.fake.top_modal(OUTSIDER) or {})["callback_id"] == Form.INFO


def test_step_2_offers_whom_the_school_may_consult_and_not_the_rest(slack: LocalSlack) -> None:
    case = registered_and_taken(slack)
    open_case(slack, COORDINATOR, case)
    slack.driver.click_in_modal(COORDINATOR, Action.RECORD_CONSULTATION)

    shown = _shown(slack, COORDINATOR)
    veilig_thuis = next(c for c in NATIONAL if c.role is ContactRole.ADVICE)
    assert _line(veilig_thuis) in shown and _line(YOUTH_DOCTOR) in shown
    police = next(c for c in NATIONAL if c.role is ContactRole.POLICE)
    assert _line(police) not in shown and _line(NEIGHBOURHOOD_TEAM) not in shown


def test_with_acute_danger_the_form_first_says_whom_to_call_now(slack: LocalSlack) -> None:
    slack.driver.command(TEACHER)
    slack.driver.submit(TEACHER, {B.ROUTE: "home", B.ACUTE: "yes"})
    acute = _shown(slack, TEACHER)
    slack.driver.command(TEACHER_2)
    slack.driver.submit(TEACHER_2, {B.ROUTE: "home", B.ACUTE: "no"})
    calm = _shown(slack, TEACHER_2)

    assert [c.organisation for c in NATIONAL if _line(c) not in acute] == []
    assert _line(YOUTH_DOCTOR) not in acute  # not whom to call in danger
    assert [c.organisation for c in NATIONAL if _line(c) in calm] == []


def _to_the_help_plan(slack: LocalSlack) -> None:
    ready_to_weigh(slack)
    walk(slack, COORDINATOR, Answer.YES, Answer.NO, Answer.YES, Answer.YES)
    slack.driver.click_in_modal(COORDINATOR, Action.RECORD_HELP_PLAN)


def _help_plan(slack: LocalSlack, **values: object) -> None:
    slack.driver.submit(
        COORDINATOR,
        {
            B.TERM: "2026-12-28",
            B.CASEMANAGER_ID: TEACHER_2,
            B.TASKS: "Taken.",
            B.AGREEMENTS: "Afspraken met ouders.",
            **values,
        },
    )


def _referral(slack: LocalSlack) -> str:
    [plan] = open_part(slack.services, COORDINATOR, int(case_id(slack)), DossierPart.HELP_PLANS, 0, 5).items
    return str(plan.referral)


def test_the_help_plan_picks_the_referral_from_the_schools_sociale_kaart(slack: LocalSlack) -> None:
    _to_the_help_plan(slack)

    form = slack.fake.top_modal(COORDINATOR) or {}
    [picker] = [b for b in form["blocks"] if b.get("block_id") == B.REFERRAL_CONTACT]
    offered = [o["value"] for o in picker["element"]["options"]]
    assert offered == ["GGD Jeugdgezondheid", "Wijkteam Noord"]  # where a family is referred; not 112 or the police
    assert picker["optional"] is True

    _help_plan(slack, **{B.REFERRAL_CONTACT: "Wijkteam Noord"})

    assert _referral(slack) == "Wijkteam Noord"
    with slack.services.db.reading() as session:
        kinds = {r.kind for r in session.scalars(select(Reminder))}
    assert ReminderKind.REFERRAL in kinds  # a referral: the bot asks later whether the family went


def test_what_the_coordinator_types_goes_before_what_they_picked(slack: LocalSlack) -> None:
    _to_the_help_plan(slack)

    _help_plan(slack, **{B.REFERRAL_CONTACT: "Wijkteam Noord", B.REFERRAL: "Wijkteam Noord, Fatima (jeugdwerker)"})

    assert _referral(slack) == "Wijkteam Noord, Fatima (jeugdwerker)"
