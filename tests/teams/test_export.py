"""Exporting from Teams: the document chosen in a dialog, the file offered in the coordinator's own
chat, and made, audited and put into their OneDrive only once they allowed it. Someone else's
submission or answer gets nothing, and is on record."""

from __future__ import annotations

import json

from sqlalchemy import select

from bot.catalogue import t
from bot.devtools.local_teams import LocalTeams, Opened
from bot.documents.dialogs import Form
from bot.documents.notices import Does
from bot.flows.vocabulary import AuditAction
from bot.teams.dialogs import teams_plain
from bot.teams.files import FILE_INFO
from storage.models import AuditEvent
from tests.e2e.casework import CONVERSATION
from tests.pdf_text import pdf_text
from tests.teams.adaptive_cards import conform
from tests.teams.school import COORDINATOR, DIRECTOR, OUTSIDER, PUPIL, TEACHER, offers, recorded, taken

REFERENCE = "MC-2026-0001"


def audited(teams: LocalTeams, action: AuditAction) -> list[AuditEvent]:
    with teams.services.db.reading() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def export_form(teams: LocalTeams) -> Opened:
    case = recorded(teams, taken(teams), Does.RECORD_CONVERSATION, CONVERSATION)
    form = teams.driver.press(COORDINATOR, case, Does.EXPORT_CASE)
    assert form.form == Form.EXPORT and teams_plain(t("export_stored_in_teams")) in form.text
    return form


def test_the_pdf_is_made_and_audited_only_once_the_coordinator_allowed_it_in_their_own_chat(
    teams: LocalTeams,
) -> None:
    form = export_form(teams)
    (choice,) = [e for e in form.card["body"] if e.get("id") == "export_document"]
    assert [c["value"] for c in choice["choices"]] == ["dossier", "conversation:1", "access_report"]

    said = teams.driver.submit(COORDINATOR, form, export_document="dossier")
    assert teams_plain(t("export_offered")) in said.text
    (offer,) = offers(teams, COORDINATOR)
    assert offer["name"].startswith(REFERENCE) and offer["name"].endswith(".pdf")
    assert audited(teams, AuditAction.CASE_EXPORTED) == [] and teams.connector.uploads == {}

    teams.driver.consent(COORDINATOR, offer)
    teams.driver.consent(COORDINATOR, offer)  # Teams sends the same answer again: made once
    (made,) = audited(teams, AuditAction.CASE_EXPORTED)
    assert made.actor_id == COORDINATOR and made.detail["via"] == "teams" and made.detail["document"] == "dossier"
    (data,) = teams.connector.uploads.values()
    assert PUPIL in pdf_text(data)
    (shown,) = [a for m in teams.messages(COORDINATOR) for a in m.get("attachments") or []
                if a["contentType"] == FILE_INFO]  # fmt: skip
    assert shown["name"] == offer["name"] and shown["content"]["fileType"] == "pdf"
    # Nothing of the dossier is in the chat: not in the offer, the file's card or any message.
    assert PUPIL not in json.dumps(teams.messages(COORDINATOR), ensure_ascii=False)
    conform(form.card, said.card)


def test_a_declined_offer_makes_nothing_and_a_failed_upload_is_said(teams: LocalTeams) -> None:
    form = export_form(teams)
    teams.driver.submit(COORDINATOR, form, export_document="conversation:1")
    (offer,) = offers(teams, COORDINATOR)
    teams.driver.consent(COORDINATOR, offer, allow=False)
    assert audited(teams, AuditAction.CASE_EXPORTED) == [] and teams.connector.uploads == {}

    teams.connector.fail(503)  # the OneDrive is down when the file is put there
    teams.driver.consent(COORDINATOR, offer)
    assert teams.connector.uploads == {}
    failed = teams_plain(t("export_failed_teams", reference=REFERENCE))
    assert teams.messages(COORDINATOR)[-1]["text"] == failed
    assert len(audited(teams, AuditAction.CASE_EXPORTED)) == 1  # made, so on record; it can be made again


def test_someone_elses_submission_or_answer_gets_no_file_and_is_on_record(teams: LocalTeams) -> None:
    form = export_form(teams)
    teams.driver.submit(COORDINATOR, form, export_document="dossier")
    (offer,) = offers(teams, COORDINATOR)

    for user in (TEACHER, DIRECTOR, OUTSIDER):  # a director may make the access report only
        refused = teams.driver.submit(user, form, export_document="dossier")
        assert refused.form is None and PUPIL not in refused.text
        teams.driver.consent(user, offer)  # a copied answer to the coordinator's offer
        assert offers(teams, user) == [] and PUPIL not in json.dumps(teams.messages(user), ensure_ascii=False)
    assert teams.connector.uploads == {} and audited(teams, AuditAction.CASE_EXPORTED) == []
    refusals = {e.actor_id for e in audited(teams, AuditAction.ACCESS_REFUSED)}
    assert {TEACHER, DIRECTOR, OUTSIDER} <= refusals
