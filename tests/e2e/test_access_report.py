"""A pupil's access report (NEN 7513): every look, step, export and refusal on each case of the pupil,
from the audit trail, by name; made by a coordinator or a director; its own making on the trail."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.catalogue import plain, t
from bot.devtools.local import LocalSlack
from bot.flows.rules.framework import Answer
from bot.flows.steps.export import Document
from bot.slack.ids import Action
from bot.slack.ids import Block as B
from storage.models import AuditEvent
from tests.conftest import COORDINATOR, DIRECTOR, TEACHER, TEACHER_2
from tests.e2e.casework import open_case, ready_to_weigh, walk
from tests.e2e.steps import register
from tests.pdf_text import pdf_text
from tests.shown import in_print

PEOPLE = {
    TEACHER: "Anna Verzonnen",
    COORDINATOR: "Sanne Verzonnen",
    DIRECTOR: "Dirk Verzonnen",
    TEACHER_2: "Bram Verzonnen",
}


def _report_of(slack: LocalSlack, user_id: str, case: str) -> str:
    open_case(slack, user_id, case)
    slack.driver.click_in_modal(user_id, Action.EXPORT_CASE)
    slack.driver.submit(user_id, {B.EXPORT_DOCUMENT: Document.ACCESS_REPORT})
    slack.driver.settle()
    [made] = slack.fake.client(user_id).files
    assert made["filename"] == in_print("pdf_file_access_report", reference="MC-2026-0002")
    return " ".join(pdf_text(made["content"]).split())  # table cells wrap


def test_the_access_report_lists_every_look_step_export_and_refusal_on_each_case_of_the_pupil(
    slack: LocalSlack,
) -> None:
    slack.fake.people.update(PEOPLE)
    ready_to_weigh(slack)  # MC-2026-0001: registered, taken, consulted, talked about
    slack.driver.click(DIRECTOR, Action.OPEN_CASE, "1")  # the director looks
    slack.driver.click(TEACHER_2, Action.OPEN_CASE, "1")  # a colleague without a role: refused
    walk(slack, COORDINATOR, Answer.NO)  # closed at question 1
    register(slack.driver, TEACHER)  # the same pupil again: MC-2026-0002
    register(slack.driver, TEACHER, pupil_name="Ander Verzonnen")  # another pupil: MC-2026-0003

    report = _report_of(slack, DIRECTOR, "2")

    assert in_print("pdf_access_title") in report
    assert "MC-2026-0001" in report and "MC-2026-0002" in report and "MC-2026-0003" not in report
    for name, what in [
        ("Anna Verzonnen", t("timeline_case_created")),
        ("Sanne Verzonnen", t("timeline_case_taken")),
        ("Dirk Verzonnen", t("timeline_dossier_viewed")),
        ("Bram Verzonnen", t("timeline_access_refused")),
        ("Dirk Verzonnen", t("timeline_case_exported", document=t("export_document_access_report"))),
    ]:
        assert f"{name} " in report and plain(what) in report, (name, what)
    with slack.services.db.reading() as session:
        events = session.scalar(select(func.count()).where(AuditEvent.case_id.in_([1, 2])))
        [made] = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "case_exported", AuditEvent.actor_id == DIRECTOR)
        ).all()
    assert f"{in_print('pdf_access_count')} {events}" in report  # every event of both cases, itself included
    assert (made.case_id, made.detail) == (2, {"document": "access_report", "via": "slack"})


def test_a_teacher_may_not_make_it(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)

    slack.driver.click(TEACHER, Action.EXPORT_CASE, "1")

    assert slack.fake.client(TEACHER).files == []
    with slack.services.db.reading() as session:
        refusals = session.scalars(select(AuditEvent).where(AuditEvent.action == "access_refused")).all()
    assert [(e.actor_id, e.case_id) for e in refusals] == [(TEACHER, 1)]
