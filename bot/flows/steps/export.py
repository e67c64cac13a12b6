"""Exporting a case: the dossier for the leerlingdossier, one conversation's report for parents to
sign, or the pupil's access report (who saw, changed, exported or was refused the dossier).

The flow decides who may make which document (the access policy: the dossier and a conversation
report for the school's coordinators, the access report for its coordinators and directors),
reads what the document holds and puts the export on the audit trail. Drawing the PDF is the
caller's part (bot.documents.pdf), so that this stays free of any output format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from bot.flows import audit
from bot.flows.errors import CaseNotFound, MeldcodeError
from bot.flows.gate import access_to, refused
from bot.flows.rules.access import Permission
from bot.flows.rules.directory import School
from bot.flows.services import Services
from bot.flows.steps.access_report import AccessReport, read_access
from bot.flows.steps.dossier import ConversationView, DossierView, read_dossier
from bot.flows.vocabulary import AuditAction
from storage import repositories as repo
from storage.models import Case


class Document(StrEnum):
    DOSSIER = "dossier"  # everything, for the part of the leerlingdossier closed to parents
    CONVERSATION = "conversation"  # one conversation's report, for parents to read and sign
    ACCESS_REPORT = "access_report"  # who viewed, changed, exported or was refused the pupil's dossier


PERMISSION = {
    Document.DOSSIER: Permission.EXPORT,
    Document.CONVERSATION: Permission.EXPORT,
    Document.ACCESS_REPORT: Permission.ACCESS_REPORT,
}


class NoSuchConversation(MeldcodeError):
    """The conversation asked for does not exist, or was skipped (there is nothing to sign)."""

    text_key = "error_no_such_conversation"


class AmbiguousReference(MeldcodeError):
    text_key = "error_ambiguous_reference"


class UnknownReference(MeldcodeError):
    """No case has the reference an operator typed (on the server, not a request from Slack)."""

    text_key = "error_case_not_found"


@dataclass(frozen=True)
class Export:
    document: Document
    dossier: DossierView
    conversation: ConversationView | None  # for Document.CONVERSATION
    conversation_number: int | None
    generated_at: datetime
    generated_by: str
    access: AccessReport | None = None  # for Document.ACCESS_REPORT


@dataclass(frozen=True)
class Exportable:
    dossier: DossierView
    documents: tuple[Document, ...]  # the kinds of document this user may make of it


def exportable(services: Services, user_id: str, case_id: int) -> Exportable:
    """The dossier to choose a document from, for a user who may make one; a look at it is audited."""

    def work() -> Exportable:
        with services.db.transaction() as session:
            case, school, documents = _case_to_export(session, services, user_id, case_id, tuple(Document))
            audit.on_case(session, services.clock, user_id, AuditAction.DOSSIER_VIEWED, case, purpose="export")
            return Exportable(read_dossier(session, services.cipher, case, school.name), documents)

    return services.perform(work)


def _case_to_export(
    session: Session, services: Services, user_id: str, case_id: int, wanted: tuple[Document, ...]
) -> tuple[Case, School, tuple[Document, ...]]:
    """The case, its school and which of the wanted documents this user may make; refused if none."""
    case = repo.get_case(session, case_id)
    school = services.directory.school(case.school_id) if case is not None else None
    if case is None or school is None:
        raise CaseNotFound(user_id, str(PERMISSION[wanted[0]]), reason="no_such_case")
    access = access_to(session, services, user_id, case)
    allowed = tuple(document for document in wanted if access.allows(PERMISSION[document]))
    if not allowed:
        raise refused(user_id, case, PERMISSION[wanted[0]])
    return case, school, allowed


def may_export(services: Services, user_id: str, case_id: int, document: Document) -> str:
    """The case's reference, if this user may make this document of it: for a platform that asks the
    person's consent before the file is made (a refusal is audited, as always; nothing is read yet)."""

    def work() -> str:
        with services.db.reading() as session:
            case, _, _ = _case_to_export(session, services, user_id, case_id, (document,))
            return case.reference

    return services.perform(work)


def export_case(
    services: Services,
    user_id: str,
    case_id: int,
    document: Document,
    conversation_number: int | None = None,
    via: str = "slack",
) -> Export:
    """What goes into the document, if this user may export it; the export is audited either way."""

    def work() -> Export:
        with services.db.transaction() as session:
            case, school, _ = _case_to_export(session, services, user_id, case_id, (document,))
            dossier = read_dossier(session, services.cipher, case, school.name)
            conversation = None
            if document is Document.CONVERSATION:
                conversation = _held_conversation(dossier, conversation_number)
            detail: dict[str, object] = {"document": str(document), "via": via}
            if conversation_number is not None and document is Document.CONVERSATION:
                detail["conversation"] = conversation_number
            audit.on_case(session, services.clock, user_id, AuditAction.CASE_EXPORTED, case, **detail)
            # Read after its own creation went on the trail: the report lists itself.
            access = read_access(session, case) if document is Document.ACCESS_REPORT else None
            now = services.clock.now()
            return Export(document, dossier, conversation, conversation_number, now, user_id, access)

    return services.perform(work)


def _held_conversation(dossier: DossierView, number: int | None) -> ConversationView:
    """Conversations are numbered from 1 in the order they were recorded; a skipped one has no report."""
    if number is None or not 1 <= number <= len(dossier.conversations):
        raise NoSuchConversation()
    conversation = dossier.conversations[number - 1]
    if conversation.with_whom is None:
        raise NoSuchConversation()
    return conversation


def case_by_reference(services: Services, reference: str, school_id: str | None = None) -> int:
    """The case with this reference (MC-2026-0001); references repeat across schools, so `school_id` may be needed."""
    with services.db.transaction() as session:
        found = [(cid, sid) for cid, sid in repo.cases_with_reference(session, reference) if school_id in (None, sid)]
    if not found:
        raise UnknownReference()
    if len(found) > 1:
        raise AmbiguousReference(schools=", ".join(sorted(sid for _, sid in found)))
    return found[0][0]
