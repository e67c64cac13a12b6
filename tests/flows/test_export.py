"""The PDF exports: they hold what the dossier holds, nothing of another case, and only coordinators make them."""

from __future__ import annotations

from datetime import date

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select

from bot.documents import pdf
from bot.documents.dates import show_date
from bot.flows.errors import AccessDenied
from bot.flows.rules.framework import Answer
from bot.flows.services import Services
from bot.flows.steps.consultation import ConsultationForm, record_consultation
from bot.flows.steps.conversation import ConversationForm, SkipForm, record_conversation, skip_conversation
from bot.flows.steps.export import Document, NoSuchConversation, export_case
from bot.flows.steps.registration import Registered, register_signal
from bot.flows.steps.taking import take_case
from bot.flows.steps.weighing import AnswerForm, answer_question
from bot.flows.vocabulary import Consent, ConsultationKind, ConversationWith, SignalSource, SkipReason
from storage.models import AuditEvent
from tests.conftest import COORDINATOR, DIRECTOR, OTHER_SCHOOL_COORDINATOR, OUTSIDER, TEACHER, TEACHER_2
from tests.flows.forms import steps_two_and_three, valid_form
from tests.pdf_text import pdf_text
from tests.shown import in_print

HELD_ON = date(2026, 11, 13)
# Short markers, one per field, so that a line break in the PDF cannot split one.
A = {
    "pupil": "Şükran Testkind",
    "observed": "MARK-A-OBSERVED",
    "told_by": "MARK-A-TOLDBY",
    "outcome": "MARK-A-OUTCOME",
    "shared": "MARK-A-SHARED",
    "reaction": "MARK-A-REACTION",
    "agreements": "MARK-A-AGREED",
    "rationale": "MARK-A-RATIONALE",
    "skip_note": "MARK-A-SKIPNOTE",
}
B = {"pupil": "Bram Anderkind", "observed": "MARK-B-OBSERVED", "rationale": "MARK-B-RATIONALE"}


def _case(services: Services, markers: dict[str, str], key: str) -> int:
    form = valid_form(pupil_name=markers["pupil"], observed=markers["observed"] + " bij de gymles.")
    if "told_by" in markers:
        form = valid_form(
            pupil_name=markers["pupil"],
            observed=markers["observed"] + " bij de gymles.",
            source=SignalSource.TOLD_BY_OTHER,
            source_detail=markers["told_by"],
        )
    result = register_signal(services, TEACHER, "linde", False, form, key)
    assert isinstance(result, Registered)
    take_case(services, COORDINATOR, result.case_id)
    return result.case_id


def _weigh(services: Services, case_id: int, markers: dict[str, str], key: str) -> None:
    answer_question(services, COORDINATOR, case_id, AnswerForm(1, Answer.YES, markers["rationale"]), f"{key}-q1")


@pytest.fixture
def worked(services: Services) -> tuple[int, int]:
    case_a = _case(services, A, "a")
    form = ConsultationForm(ConsultationKind.VEILIG_THUIS_ADVICE, HELD_ON, A["outcome"])
    record_consultation(services, COORDINATOR, case_a, form, "a-consult")
    talk = ConversationForm(
        ConversationWith.PARENTS, HELD_ON, "Moeder, mentor", A["shared"], A["reaction"], A["agreements"], Consent.GIVEN
    )
    record_conversation(services, COORDINATOR, case_a, talk, "a-talk")
    skip_conversation(services, COORDINATOR, case_a, SkipForm(SkipReason.CHILD_SAFETY, A["skip_note"]), "a-skip")
    _weigh(services, case_a, A, "a")
    case_b = _case(services, B, "b")
    steps_two_and_three(services, COORDINATOR, case_b)
    _weigh(services, case_b, B, "b")
    return case_a, case_b


def test_the_dossier_pdf_holds_the_dossier_and_nothing_of_another_case(
    services: Services, worked: tuple[int, int]
) -> None:
    case_a, _ = worked

    export = export_case(services, COORDINATOR, case_a, Document.DOSSIER)
    text = pdf_text(pdf.render(export))

    for marker in A.values():
        assert marker in text, marker
    assert in_print("dossier_source_told", who=A["told_by"]) in text  # facts from others are marked as such
    made = show_date(export.generated_at)  # the footer: what, and made by whom
    assert in_print("pdf_footer", reference="MC-2026-0001", date=made, name=COORDINATOR) in text
    for marker in B.values():
        assert marker not in text, marker
    assert pdf.filename(export) == in_print("pdf_file_dossier", reference="MC-2026-0001")


def test_the_conversation_report_holds_that_conversation_only_and_room_to_sign(
    services: Services, worked: tuple[int, int]
) -> None:
    case_a, _ = worked

    export = export_case(services, COORDINATOR, case_a, Document.CONVERSATION, conversation_number=1)
    text = pdf_text(pdf.render(export))

    for key in ("pupil", "shared", "reaction", "agreements"):
        assert A[key] in text, key
    # The report is for parents: no signal, no weighing, no consultation, no other conversation.
    for key in ("observed", "told_by", "outcome", "rationale", "skip_note"):
        assert A[key] not in text, key
    assert in_print("pdf_conversation_title", reference="MC-2026-0001") in text
    assert in_print("pdf_sign_signature") in text and in_print("pdf_sign_parent", number=1) in text


def test_a_skipped_or_missing_conversation_has_no_report(services: Services, worked: tuple[int, int]) -> None:
    case_a, _ = worked
    for number in (2, 3, 0, None):
        with pytest.raises(NoSuchConversation):
            export_case(services, COORDINATOR, case_a, Document.CONVERSATION, conversation_number=number)


@pytest.mark.parametrize("user_id", [TEACHER, TEACHER_2, DIRECTOR, OTHER_SCHOOL_COORDINATOR, OUTSIDER])
def test_only_the_schools_coordinators_export_and_every_attempt_is_audited(
    services: Services, worked: tuple[int, int], user_id: str
) -> None:
    case_a, _ = worked

    with pytest.raises(AccessDenied):
        export_case(services, user_id, case_a, Document.DOSSIER)
    export_case(services, COORDINATOR, case_a, Document.DOSSIER)

    with services.db.transaction() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.case_id == case_a).order_by(AuditEvent.id)).all()
    refused = [e for e in events if e.action == "access_refused" and e.actor_id == user_id]
    exported = [e for e in events if e.action == "case_exported"]
    assert [e.detail["permission"] for e in refused] == ["export"]
    assert [(e.actor_id, e.detail["document"]) for e in exported] == [(COORDINATOR, "dossier")]


def test_a_page_renders_as_an_image_with_content(services: Services, worked: tuple[int, int]) -> None:
    case_a, _ = worked
    document = pdfium.PdfDocument(pdf.render(export_case(services, COORDINATOR, case_a, Document.DOSSIER)))
    try:
        bitmap = document[0].render(scale=0.5, grayscale=True)
        pixels = bytes(bitmap.buffer)
    finally:
        document.close()
    assert sum(1 for value in pixels if value < 128) > 1000  # text on the page, not a blank sheet
