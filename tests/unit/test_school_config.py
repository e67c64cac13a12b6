"""The school configuration: a valid file loads; each mistake is one line naming the line."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from bot.flows.rules.social_map import NATIONAL, Contact, ContactRole
from bot.flows.vocabulary import Role
from bot.school_config import ConfigError, load_directory, parse_directory

ROOT = Path(__file__).resolve().parents[2]


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as refused:
        parse_directory(text, "meldbot.yml")
    return refused.value.problems


def test_example_configuration_loads() -> None:
    directory = load_directory(ROOT / "meldbot.example.yml")

    [school] = directory.schools
    assert school.id == "linde" and school.members is None
    assert directory.roles_of("U0123ABCD", "linde") == {Role.COORDINATOR, Role.REPORTER}
    assert directory.roles_of("UANYBODY1", "linde") == {Role.REPORTER}


def test_member_list_limits_who_may_report() -> None:
    directory = parse_directory("schools:\n  - id: a\n    name: A\n    coordinators: [UC1]\n    members: [UT1]\n", "x")

    assert directory.schools_of("UT1") and directory.schools_of("UC1")
    assert directory.schools_of("UZZ") == []


def test_unknown_key_is_named_with_its_line() -> None:
    text = "schools:\n  - id: linde\n    name: X\n    coordinators: [UC1]\n    colour: red\n"

    assert problems(text) == ["meldbot.yml:5: unknown key 'colour'"]


def test_school_without_coordinator_is_named_with_its_line() -> None:
    assert problems("schools:\n  - id: linde\n    name: X\n    coordinators: []\n") == [
        "meldbot.yml:4: 'schools[0].coordinators': a school needs at least one coordinator"
    ]
    assert problems("schools:\n  - id: linde\n    name: X\n") == ["meldbot.yml:2: 'schools[0].coordinators' is missing"]


def test_duplicate_school_id_names_both_lines() -> None:
    text = (
        "schools:\n  - id: a\n    name: A\n    coordinators: [UC1]\n  - id: a\n    name: B\n    coordinators: [UC2]\n"
    )

    assert problems(text) == ["meldbot.yml:5: school id 'a' is used twice (first on line 2)"]


def test_each_problem_is_its_own_line_when_there_are_several() -> None:
    text = "schools:\n  - id: Linde!\n    name: X\n    coordinators: [bob]\n    members: some\n"

    assert problems(text) == [
        "meldbot.yml:2: 'schools[0].id': use lowercase letters, digits, '-' or '_' (like 'linde')",
        "meldbot.yml:4: 'schools[0].coordinators[0]': 'bob' is not a Slack user id (like U0123ABCD) "
        "nor an Entra object id (like 0c7e1a2b-3d4e-4f5a-8b6c-7d8e9f0a1b2c)",
        "meldbot.yml:5: 'schools[0].members': write 'all', a list of user ids, or {usergroup: S0123ABCD}",
    ]


def test_members_from_a_user_group_are_nobody_until_read_and_a_bad_group_is_named_by_line() -> None:
    school = parse_directory(
        "schools:\n  - id: a\n    name: A\n    coordinators: [UC1]\n    members:\n      usergroup: S0TEACHERS\n", "x"
    ).schools[0]
    assert school.member_group == "S0TEACHERS" and school.members == frozenset()
    assert school.roles_of("UT1") == frozenset()

    bad = "schools:\n  - id: a\n    name: A\n    coordinators: [UC1]\n    members:\n      usergroup: teachers\n"
    assert problems(bad) == [
        "meldbot.yml:6: 'schools[0].members.usergroup': 'teachers' is not a Slack user group id (like S0123ABCD)"
    ]
    assert problems(bad.replace("usergroup: teachers", "group: S0TEACHERS")) == [
        "meldbot.yml:6: 'schools[0].members.usergroup' is missing",
        "meldbot.yml:6: unknown key 'group'",
    ]


def test_broken_yaml_and_missing_file_are_one_line_each(tmp_path: Path) -> None:
    assert problems("schools: [\n") == [
        "meldbot.yml:2: not valid YAML (expected the node content, but found '<stream end>')"
    ]
    with pytest.raises(ConfigError) as refused:
        load_directory(tmp_path / "nope.yml")
    assert "meldbot.example.yml" in refused.value.problems[0]


REMINDERS = "schools:\n  - id: linde\n    name: De Linde\n    coordinators: [U0123ABCD]\n    reminders:\n"


def test_reminder_terms_and_vacations_load_and_default_to_the_designs_terms() -> None:
    text = REMINDERS + '      morning: "09:15"\n      vacations:\n        - {from: 2026-12-19, to: 2027-01-03}\n'

    [school] = parse_directory(text, "meldbot.yml").schools

    calendar = school.deadlines.calendar
    assert calendar.morning == time(9, 15) and not calendar.is_working_day(date(2026, 12, 21))
    assert school.deadlines.feedback_working_days == 5 and school.deadlines.case_idle_working_days == 10


def test_a_school_open_on_goede_vrijdag_gets_its_reminders_that_day() -> None:
    [open_school] = parse_directory(REMINDERS + "      open_on_good_friday: true\n", "meldbot.yml").schools
    [closed_school] = parse_directory(REMINDERS + '      morning: "08:30"\n', "meldbot.yml").schools

    assert open_school.deadlines.calendar.is_working_day(date(2027, 3, 26))
    assert not closed_school.deadlines.calendar.is_working_day(date(2027, 3, 26))
    assert problems(REMINDERS + "      open_on_good_friday: sometimes\n")[0].startswith(
        "meldbot.yml:6: 'schools[0].reminders.open_on_good_friday'"
    )


def test_reminder_mistakes_are_named_by_line() -> None:
    assert problems(REMINDERS + "      morning: 8:30\n") == [
        "meldbot.yml:6: 'schools[0].reminders.morning': write the time in quotes, like \"08:30\""
    ]
    assert problems(REMINDERS + "      vacations: [{from: 2027-01-03, to: 2026-12-19}]\n") == [
        "meldbot.yml:6: 'schools[0].reminders.vacations[0]': 'to' lies before 'from'"
    ]
    assert problems(REMINDERS + "      referral_check_days: 30\n") == [
        "meldbot.yml:6: 'schools[0].reminders.referral_check_days': Input should be less than or equal to 14"
    ]


def test_a_contact_of_the_sociale_kaart_that_cannot_be_reached_or_read_is_named_with_its_line() -> None:
    text = """schools:
  - id: linde
    name: "Basisschool De Linde"
    coordinators: [U0123ABCD]
    contacts:
      - {organisation: "GGD", role: youth_doctor, phone: "020-5555555"}
      - {organisation: "Wijkteam", role: wijkteam, phone: "020-1"}
      - {organisation: "CJG", role: cjg}
      - {organisation: "Huisarts", role: help, phone: 0201234567}
      - {organisation: "Site", role: help, website: "www.example.nl"}
"""
    assert problems(text) == [
        "meldbot.yml:7: 'schools[0].contacts[1].role': write one of " + ", ".join(ContactRole),
        "meldbot.yml:8: 'schools[0].contacts[2]': give a phone number or a website (or both)",
        "meldbot.yml:9: 'schools[0].contacts[3].phone': write a phone number in digits, like \"0800-2000\" (in quotes)",
        "meldbot.yml:10: 'schools[0].contacts[4].website': write the whole address, like https://www.veiligthuis.nl",
    ]
    valid = parse_directory(text.split('      - {organisation: "Wijkteam"')[0], "meldbot.yml")
    assert valid.schools[0].social_map == (*NATIONAL, Contact("GGD", ContactRole.YOUTH_DOCTOR, phone="020-5555555"))


def test_the_boards_small_number_threshold_defaults_to_five_and_is_named_with_its_line_when_wrong() -> None:
    school = "schools:\n  - id: a\n    name: A\n    coordinators: [UC1]\n"

    assert parse_directory(school, "x").small_numbers == 5
    assert parse_directory(school + "small_numbers: 10\n", "x").small_numbers == 10
    assert problems(school + "small_numbers: 1\n") == [
        "meldbot.yml:5: 'small_numbers': Input should be greater than or equal to 2"
    ]
