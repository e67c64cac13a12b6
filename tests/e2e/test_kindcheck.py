"""The kindcheck as a record of the case: the other children at home and who cares for them,
recorded by the coordinator or the care team, the newest in the case view, every one in the PDF."""

from __future__ import annotations

import json

from sqlalchemy import select

from bot.devtools.local import LocalSlack
from bot.slack.ids import Action, Block
from storage.models import AuditEvent, Kindcheck
from tests.conftest import COORDINATOR, TEACHER, TEACHER_2
from tests.e2e.casework import in_json, open_case, registered_and_taken, top_text
from tests.pdf_text import pdf_text
from tests.shown import in_mrkdwn, in_print

CHILDREN = "Kindcheck-Geheim: een broertje van 3 en een zusje van 9."
CARERS = "Oma past na school op; moeder werkt tot zes."


def test_the_kindcheck_is_recorded_shown_in_the_case_and_printed_with_the_dossier(slack: LocalSlack) -> None:
    case = registered_and_taken(slack)
    open_case(slack, COORDINATOR, case)
    assert in_mrkdwn("kindcheck_missing") in top_text(slack, COORDINATOR)

    slack.driver.click_in_modal(COORDINATOR, Action.RECORD_KINDCHECK)
    slack.driver.submit(COORDINATOR, {Block.CHILDREN: CHILDREN, Block.CARERS: CARERS})

    shown = top_text(slack, COORDINATOR)  # the case view, drawn again under the form
    assert in_json(CHILDREN) in shown and in_json(CARERS) in shown
    assert in_mrkdwn("kindcheck_missing") not in shown
    slack.driver.click_in_modal(COORDINATOR, Action.EXPORT_CASE)
    slack.driver.submit(COORDINATOR, {Block.EXPORT_DOCUMENT: "dossier"})
    slack.driver.settle()
    [exported] = slack.fake.client(COORDINATOR).files
    printed = " ".join(pdf_text(exported["content"]).split())
    assert in_print("section_kindchecks") in printed and CHILDREN in printed
    # The details live in the modal and the file only: no message, no audit detail carries them.
    outside = [c.params for c in slack.fake.calls if c.method.startswith("chat.")]
    assert CHILDREN not in json.dumps(outside, ensure_ascii=False)
    with slack.services.db.reading() as session:
        [event] = session.scalars(select(AuditEvent).where(AuditEvent.action == "kindcheck_recorded")).all()
        [row] = session.scalars(select(Kindcheck)).all()
    assert event.detail == {} and event.actor_id == COORDINATOR
    assert row.children is not None and CHILDREN not in row.children  # sealed


def test_the_care_team_may_record_it_and_a_reporter_may_not(slack: LocalSlack) -> None:
    case = registered_and_taken(slack)
    open_case(slack, COORDINATOR, case)
    slack.driver.click_in_modal(COORDINATOR, Action.SET_TEAM)
    slack.driver.submit(COORDINATOR, {Block.TEAM: [TEACHER_2]})

    open_case(slack, TEACHER_2, case)
    slack.driver.click_in_modal(TEACHER_2, Action.RECORD_KINDCHECK)
    slack.driver.submit(TEACHER_2, {Block.CHILDREN: CHILDREN, Block.CARERS: CARERS})
    slack.driver.click(TEACHER, Action.RECORD_KINDCHECK, case)

    assert in_mrkdwn("error_no_access") in top_text(slack, TEACHER)
    with slack.services.db.reading() as session:
        assert [k.recorded_by for k in session.scalars(select(Kindcheck))] == [TEACHER_2]
