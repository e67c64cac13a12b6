"""*Mijn casussen* in Teams, the counterpart of Slack's App Home: opened from the chat's greeting,
it lists a teacher's own reports, and a coordinator's desk with the case to take; each line opens
its case, and the lists page. Someone who is not at a school is told so, nothing more."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot.catalogue import speaking, t
from bot.devtools.local_teams import LocalTeams, Opened, local_teams
from bot.documents.notices import Does
from bot.flows.ports import ManualClock
from bot.flows.steps.dossier import REPORTED_PER_PAGE
from bot.flows.vocabulary import AuditAction, Language
from bot.school_config import parse_directory
from bot.teams.dialogs import teams_plain
from storage.models import AuditEvent
from tests.conftest import make_services
from tests.teams.adaptive_cards import conform
from tests.teams.school import COORDINATOR, OUTSIDER, PUPIL, SCHOOLS, TEACHER, button, chat, register


def my_cases(teams: LocalTeams, user_id: str) -> Opened:
    """The greeting's *Mijn casussen*."""
    teams.driver.write(user_id, "hallo")
    teams.flush()
    greeting = chat(teams, user_id)[-1]
    assert teams_plain(t("dm_intro", platform="Teams")) in str(greeting).replace("*", "")
    return teams.driver.click(user_id, button(greeting, Does.MY_CASES))


def opens(dialog: Opened, does: Does) -> list[str]:
    return [b["data"]["value"] for b in dialog.buttons if b["data"]["dialog_id"] == does]


def test_a_teacher_sees_their_own_reports_and_opens_one_as_its_status(teams: LocalTeams) -> None:
    register(teams, TEACHER)
    register(teams, TEACHER, pupil_name="Sem Verzonnen", pupil_group="4a")

    shown = my_cases(teams, TEACHER)

    assert shown.title == teams_plain(t("my_cases_title"))
    assert "MC-2026-0001" in shown.text and "MC-2026-0002" in shown.text
    assert opens(shown, Does.OPEN_CASE) == ["2", "1"]  # newest first
    assert opens(shown, Does.TAKE_CASE) == []  # no desk for a teacher, and no counts
    assert teams_plain(t("home_statistics")) not in shown.text
    status = teams.driver.press(TEACHER, shown, Does.OPEN_CASE)
    assert status.title == "MC-2026-0002" and "Sem Verzonnen" not in status.text  # the status, not the dossier
    conform(shown.card, status.card)


def test_a_coordinator_takes_a_case_from_the_desk_and_it_then_opens(teams: LocalTeams) -> None:
    register(teams, TEACHER)

    desk = my_cases(teams, COORDINATOR)
    assert PUPIL in desk.text  # the desk names the pupil: only its reader sees it
    counts = teams_plain(t("home_statistics_school", school="Basisschool De Linde"))
    assert teams_plain(t("home_statistics")) in desk.text and counts in desk.text  # the anonymous counts
    case = teams.driver.press(COORDINATOR, desk, Does.TAKE_CASE)
    assert case.title == "MC-2026-0001"

    again = my_cases(teams, COORDINATOR)
    assert opens(again, Does.TAKE_CASE) == [] and opens(again, Does.OPEN_CASE) == ["1"]
    conform(desk.card, again.card)


def test_the_reports_page_and_someone_not_at_a_school_is_told_so(teams: LocalTeams) -> None:
    for number in range(REPORTED_PER_PAGE + 1):
        register(teams, TEACHER, pupil_name=f"Verzonnen Kind {number}")

    first = my_cases(teams, TEACHER)
    assert len(opens(first, Does.OPEN_CASE)) == REPORTED_PER_PAGE
    second = teams.driver.press(TEACHER, first, Does.MY_CASES)
    assert opens(second, Does.OPEN_CASE) == ["1"]
    back = teams.driver.press(TEACHER, second, Does.MY_CASES)
    assert len(opens(back, Does.OPEN_CASE)) == REPORTED_PER_PAGE

    outsider = my_cases(teams, OUTSIDER)
    assert teams_plain(t("error_not_a_member")) in outsider.text
    assert {b["data"]["dialog_id"] for b in outsider.buttons} == {Does.CHOOSE_LANGUAGE}  # no case, only a language


def test_a_teacher_chooses_english_and_the_bot_speaks_it_from_then_on(teams: LocalTeams) -> None:
    shown = my_cases(teams, TEACHER)
    languages = {b["data"]["value"]: b for b in shown.buttons if b["data"]["dialog_id"] == Does.CHOOSE_LANGUAGE}
    assert sorted(languages) == ["en", "nl"] and languages["nl"].get("style") == "positive"  # what she reads now

    english = Opened.of(teams.driver.invoke(TEACHER, "task/submit", languages["en"]["data"]))

    assert english.title == "My cases"  # drawn again at once, in her choice
    teams.driver.write(TEACHER, "hello")
    teams.flush()
    crafted = {**languages["en"]["data"], "value": "xx"}
    refused = Opened.of(teams.driver.invoke(TEACHER, "task/submit", crafted))
    with speaking(Language.EN):
        assert teams_plain(t("dm_intro", platform="Teams")) in str(chat(teams, TEACHER)[-1]).replace("*", "")
        assert teams_plain(t("error_unknown_request")) in refused.text  # a crafted language: nothing kept


def test_the_interne_evaluatie_opens_from_the_counts_and_its_buttons_choose_the_school_year(
    teams: LocalTeams,
) -> None:
    register(teams, TEACHER)
    desk = my_cases(teams, COORDINATOR)
    assert opens(desk, Does.OPEN_EVALUATION) == [""]
    assert opens(my_cases(teams, TEACHER), Does.OPEN_EVALUATION) == []  # a teacher sees no counts

    shown = teams.driver.press(COORDINATOR, desk, Does.OPEN_EVALUATION)
    assert shown.title == teams_plain(t("evaluation_modal_title"))
    assert "01-08-2026" in shown.text and PUPIL not in shown.text and "MC-2026" not in shown.text
    years = {b["data"]["value"]: b for b in shown.buttons if b["data"]["dialog_id"] == Does.OPEN_EVALUATION}
    assert sorted(years) == ["linde:2024", "linde:2025", "linde:2026"] and years["linde:2026"].get("style")

    earlier = Opened.of(teams.driver.invoke(COORDINATOR, "task/submit", years["linde:2025"]["data"]))
    assert "01-08-2025" in earlier.text and "01-08-2026" not in earlier.text

    # A school year or a school the reader may not see: refused, on record.
    for user, value in ((OUTSIDER, "linde:2026"), (TEACHER, "linde:2026"), (COORDINATOR, "elders:2026")):
        crafted = {**years["linde:2026"]["data"], "value": value}
        refused = Opened.of(teams.driver.invoke(user, "task/submit", crafted))
        assert refused.form is None and "01-08-2026" not in refused.text
    with teams.services.db.reading() as session:
        refusals = session.scalars(select(AuditEvent.actor_id).where(AuditEvent.action == AuditAction.ACCESS_REFUSED))
        assert {OUTSIDER, TEACHER, COORDINATOR} <= set(refusals)
    conform(desk.card, shown.card, earlier.card)


def test_the_desk_filters_by_what_a_case_waits_for_and_the_other_lists_stay(teams: LocalTeams) -> None:
    register(teams, TEACHER)
    register(teams, TEACHER, pupil_name="Sem Verzonnen", pupil_group="4a")
    desk = my_cases(teams, COORDINATOR)
    teams.driver.press(COORDINATOR, desk, Does.TAKE_CASE)  # the newest: now in steps 2 and 3
    desk = my_cases(teams, COORDINATOR)
    (due,) = [e for e in desk.card["body"] if e.get("id") == "desk_due"]
    assert [c["value"] for c in due["choices"]][1:] == ["to_take", "steps"]
    assert sorted(opens(desk, Does.OPEN_CASE) + opens(desk, Does.TAKE_CASE)) == ["1", "2"]

    (show,) = [b for b in desk.buttons if b["data"]["dialog_id"] == Does.FILTER_DESK]
    steps = Opened.of(teams.driver.invoke(COORDINATOR, "task/submit", {**show["data"], "desk_due": "steps"}))
    assert opens(steps, Does.OPEN_CASE) == ["2"] and opens(steps, Does.TAKE_CASE) == []
    (kept,) = [e for e in steps.card["body"] if e.get("id") == "desk_due"]
    assert kept["value"] == "steps"  # the filter shows as it is set
    (show,) = [b for b in steps.buttons if b["data"]["dialog_id"] == Does.FILTER_DESK]
    every = Opened.of(teams.driver.invoke(COORDINATOR, "task/submit", {**show["data"], "desk_due": "*"}))
    assert sorted(opens(every, Does.OPEN_CASE) + opens(every, Does.TAKE_CASE)) == ["1", "2"]
    conform(desk.card, steps.card, every.card)


def test_a_coordinator_of_two_schools_filters_the_desk_by_school(tmp_path: Path, clock: ManualClock) -> None:
    colleague = "2e4f6a8b-0c1d-4e3f-9a5b-7c9d1e3f5a7b"  # a teacher at the second school
    schools = (
        SCHOOLS
        + f"""
  - id: eik
    name: "Kindcentrum De Eik"
    coordinators: [{COORDINATOR}]
    members: [{colleague}]
"""
    )
    services = make_services(tmp_path, f"sqlite:///{tmp_path / 'two.sqlite3'}", parse_directory(schools, "t"), clock)
    try:
        with local_teams(services) as teams:
            register(teams, TEACHER)
            register(teams, colleague, pupil_name="Sem Verzonnen")
            desk = my_cases(teams, COORDINATOR)
            (school,) = [e for e in desk.card["body"] if e.get("id") == "desk_school"]
            assert [c["title"] for c in school["choices"]][1:] == ["Basisschool De Linde", "Kindcentrum De Eik"]
            (show,) = [b for b in desk.buttons if b["data"]["dialog_id"] == Does.FILTER_DESK]
            eik = Opened.of(teams.driver.invoke(COORDINATOR, "task/submit", {**show["data"], "desk_school": "eik"}))
            assert opens(eik, Does.TAKE_CASE) == ["2"] and opens(eik, Does.OPEN_CASE) == []
            conform(desk.card, eik.card)
    finally:
        services.db.dispose()
