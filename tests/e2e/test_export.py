"""Exporting from Slack: confirm, then the PDF lands in the coordinator's own DM and nowhere else."""

from __future__ import annotations

import json

from sqlalchemy import select

from bot.devtools.fake_slack import TEAM_ID, trigger_for
from bot.devtools.local import LocalSlack
from bot.documents.dialogs import Form
from bot.documents.labels import label
from bot.flows.steps.export import Document
from bot.slack.ids import Action
from bot.slack.ids import Block as B
from storage.models import AuditEvent
from tests.conftest import COORDINATOR, COORDINATOR_2, DIRECTOR, TEACHER
from tests.e2e.casework import open_case, registered_and_taken
from tests.e2e.steps import OBSERVED, PUPIL_NAME
from tests.pdf_text import pdf_text
from tests.shown import in_mrkdwn, in_plain, in_print


def _buttons(view: dict[str, object] | None) -> set[str]:
    blocks = (view or {}).get("blocks") or []
    return {e["action_id"] for b in blocks if b.get("type") == "actions" for e in b["elements"]}  # type: ignore[union-attr]


def _export_modal(slack: LocalSlack) -> dict[str, object]:
    case = registered_and_taken(slack)
    open_case(slack, COORDINATOR, case)
    slack.driver.click_in_modal(COORDINATOR, Action.EXPORT_CASE)
    modal = slack.fake.top_modal(COORDINATOR)
    assert modal is not None and modal["callback_id"] == Form.EXPORT
    return modal


def test_the_pdf_goes_to_the_requesting_coordinator_only_after_confirming(slack: LocalSlack) -> None:
    modal = _export_modal(slack)
    assert in_mrkdwn("export_stored_in_slack") in json.dumps(modal, ensure_ascii=False)  # the warning comes first
    assert slack.fake.client(COORDINATOR).files == []

    slack.driver.submit(COORDINATOR, {B.EXPORT_DOCUMENT: "dossier"})
    slack.driver.settle()

    (shared,) = slack.fake.client(COORDINATOR).files
    assert shared["filename"] == in_print("pdf_file_dossier", reference="MC-2026-0001")
    assert shared["title"] == in_plain("export_title", reference="MC-2026-0001", document=label(Document.DOSSIER))
    text = pdf_text(shared["content"])
    assert PUPIL_NAME in text and OBSERVED[:30] in text
    assert all(not slack.fake.client(user).files for user in (COORDINATOR_2, DIRECTOR, TEACHER))
    assert (slack.fake.top_modal(COORDINATOR) or {}).get("callback_id") == Form.CASE  # back to the case
    # Nothing of the dossier travels outside the file itself: not in its name, title or any message.
    file_calls = [c for c in slack.fake.calls if c.method.startswith("files.")]
    assert file_calls and all(PUPIL_NAME not in json.dumps(c.params, ensure_ascii=False) for c in file_calls)


def test_a_director_may_make_only_the_access_report_and_a_crafted_submission_gets_nothing(slack: LocalSlack) -> None:
    modal = _export_modal(slack)
    open_case(slack, DIRECTOR, "1")
    slack.driver.click_in_modal(DIRECTOR, Action.EXPORT_CASE)
    [choice] = [b for b in (slack.fake.top_modal(DIRECTOR) or {})["blocks"] if b.get("block_id") == B.EXPORT_DOCUMENT]
    assert [o["value"] for o in choice["element"]["options"]] == [Document.ACCESS_REPORT]

    # The coordinator's export modal, submitted by someone else (a copied payload).
    for user_id in (DIRECTOR, TEACHER):
        response = slack.driver.interactive(
            {
                "type": "view_submission",
                "trigger_id": trigger_for(user_id),
                "user": {"id": user_id, "team_id": TEAM_ID},
                "team": {"id": TEAM_ID},
                "api_app_id": "AMELDBOT",
                "view": {
                    **modal,
                    "state": {"values": {B.EXPORT_DOCUMENT: {"input": {"selected_option": {"value": "dossier"}}}}},
                },
            }
        )
        assert response.json["response_action"] == "update"
        assert in_mrkdwn("error_no_access") in json.dumps(response.json, ensure_ascii=False)
    slack.driver.click(TEACHER, Action.EXPORT_CASE, "1")
    slack.driver.settle()

    assert all(not client.files for client in slack.fake.clients.values())
    with slack.services.db.transaction() as session:
        refused = session.scalars(select(AuditEvent).where(AuditEvent.action == "access_refused")).all()
        exported = session.scalars(select(AuditEvent).where(AuditEvent.action == "case_exported")).all()
    assert {e.actor_id for e in refused} >= {DIRECTOR, TEACHER}
    assert exported == []


def test_an_upload_slack_refuses_says_so_and_leaves_no_file(slack: LocalSlack) -> None:
    _export_modal(slack)
    slack.fake.fail("files.getUploadURLExternal", status=200, error="not_allowed_token_type")

    slack.driver.submit(COORDINATOR, {B.EXPORT_DOCUMENT: "dossier"})
    slack.driver.settle()

    assert slack.fake.client(COORDINATOR).files == []
    told = slack.fake.client(COORDINATOR).messages[-1]["text"]
    assert told == in_mrkdwn("export_failed", reference="MC-2026-0001")


def test_the_pdf_names_staff_by_name_looked_up_once_and_an_unknown_id_stays_an_id(slack: LocalSlack) -> None:
    slack.fake.people = {COORDINATOR: "Sanne Verzonnen", TEACHER: "Anna Voorbeeld"}  # the director is unknown
    _export_modal(slack)
    slack.driver.submit(COORDINATOR, {B.EXPORT_DOCUMENT: "dossier"})
    slack.driver.settle()

    text = pdf_text(slack.fake.client(COORDINATOR).files[0]["content"])
    assert "Sanne Verzonnen" in text and "Anna Voorbeeld" in text
    assert COORDINATOR not in text and TEACHER not in text
    looked_up = [c for c in slack.fake.calls if c.method == "users.info"]
    assert {c.params["user"] for c in looked_up} >= {COORDINATOR, TEACHER}

    # A second export within the names' lifetime asks Slack for nobody again.
    slack.driver.click_in_modal(COORDINATOR, Action.EXPORT_CASE)  # the case view is on top again
    slack.driver.submit(COORDINATOR, {B.EXPORT_DOCUMENT: "dossier"})
    slack.driver.settle()
    assert len(slack.fake.client(COORDINATOR).files) == 2
    assert [c for c in slack.fake.calls if c.method == "users.info"] == looked_up
