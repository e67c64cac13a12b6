"""People by name in Teams: the display name Teams sends with each activity is kept, sealed, and
shown where the bot draws a person (a card, a dialog, a person field, the PDF); someone the bot has
not met yet shows as their id, and a renamed colleague soon by their new name."""

from __future__ import annotations

from sqlalchemy import select

from bot.catalogue import t
from bot.devtools.local_teams import LocalTeams
from bot.documents.notices import Does
from bot.teams.dialogs import teams_plain
from bot.teams.names import LIFETIME, TeamsNames
from storage.models import ConversationReference
from tests.pdf_text import pdf_text
from tests.teams.school import COORDINATOR, DIRECTOR, OUTSIDER, TEACHER, offers, taken

ILSE, BRAM = "Ilse Verzonnen", "Bram Bedacht-Ozturk"  # invented colleagues


def test_colleagues_show_by_their_teams_name_in_cards_fields_and_the_pdf(teams: LocalTeams) -> None:
    teams.driver.names.update({TEACHER: ILSE, COORDINATOR: BRAM})
    case = taken(teams)  # the teacher registers, the coordinator takes it from the notice
    teams.flush()
    assert teams_plain(t("dossier_taken_by", user_id=COORDINATOR)).replace(COORDINATOR, BRAM) in case.text
    assert COORDINATOR not in case.text

    team = teams.driver.press(COORDINATOR, case, Does.SET_TEAM)
    (field,) = [e for e in team.card["body"] if e.get("id") == "team"]
    offered = {c["value"]: c["title"] for c in field["choices"]}
    assert offered[TEACHER] == ILSE and offered[COORDINATOR] == BRAM
    assert offered[DIRECTOR] == DIRECTOR  # never met: by id

    form = teams.driver.press(COORDINATOR, case, Does.EXPORT_CASE)
    teams.driver.submit(COORDINATOR, form, export_document="dossier")
    (offer,) = offers(teams, COORDINATOR)
    teams.driver.consent(COORDINATOR, offer)
    (data,) = teams.connector.uploads.values()
    assert BRAM in pdf_text(data) and COORDINATOR not in pdf_text(data)

    with teams.services.db.reading() as session:  # kept sealed, as the dossier's free text
        kept = dict(session.execute(select(ConversationReference.user_id, ConversationReference.name)).all())
    assert kept[COORDINATOR] is not None and BRAM not in kept[COORDINATOR]


def test_a_renamed_colleague_shows_by_the_new_name_at_once_here_and_soon_in_another_process(
    teams: LocalTeams,
) -> None:
    teams.driver.names[COORDINATOR] = BRAM
    case = taken(teams)
    assert BRAM in case.text
    other_process = TeamsNames(teams.services, clock=lambda: now)
    now = 0.0
    assert other_process.fresh()[COORDINATOR] == BRAM

    teams.driver.names[COORDINATOR] = "Bram Bedacht"  # renamed in Entra
    again = teams.driver.press(COORDINATOR, case, Does.SET_TEAM)  # noted with the click
    assert "Bram Bedacht" in str(again.card) and BRAM not in str(again.card)
    now = LIFETIME - 1
    assert other_process.fresh()[COORDINATOR] == BRAM
    now = LIFETIME
    assert other_process.fresh()[COORDINATOR] == "Bram Bedacht"


def test_a_name_that_cannot_be_opened_shows_the_person_by_id_and_breaks_nothing(teams: LocalTeams) -> None:
    teams.driver.names.update({TEACHER: ILSE, COORDINATOR: BRAM})
    taken(teams)
    with teams.services.db.transaction() as session:  # a damaged row, or one sealed under another key
        session.get(ConversationReference, ("teams", COORDINATOR)).name = "v1:000000000000:garbage"  # type: ignore[union-attr]
    names = TeamsNames(teams.services)
    assert names.fresh() == {TEACHER: ILSE}
    names.note(OUTSIDER, "Nergens Bekend")  # no chat with the bot: nowhere to keep it, nothing fails
    assert OUTSIDER not in names.fresh()
