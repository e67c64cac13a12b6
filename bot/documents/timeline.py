"""One line per audit event for the case's timeline: who did what, when, in words. No personal data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from markupsafe import Markup

from bot.catalogue import listing, t
from bot.documents.dates import show_date
from bot.documents.labels import ROLES, TEAM_ROLES, TIMELINE, label, named
from bot.flows.audit import SYSTEM_ACTOR
from bot.flows.rules.framework import Answer
from bot.flows.steps.dossier import TimelineEntry
from bot.flows.steps.export import Document
from bot.flows.vocabulary import (
    AuditAction,
    CloseReason,
    ConsultationKind,
    ConversationWith,
    FollowUp,
    ReminderKind,
    SkipReason,
)

# How an event's detail (ids and codes) becomes the values its sentence needs.
_VALUES: dict[AuditAction, Callable[[dict[str, Any]], dict[str, object]]] = {
    AuditAction.QUESTION_ANSWERED: lambda d: {
        "number": d["question"],
        "answer": label(Answer(d["answer"])),
    },
    AuditAction.WEIGHING_STARTED: lambda d: {"round": d["round"], "version": d["framework_version"]},
    AuditAction.CONSULTATION_RECORDED: lambda d: {"kind": label(ConsultationKind(d["kind"]))},
    AuditAction.CONVERSATION_RECORDED: lambda d: {"with_whom": label(ConversationWith(d["with_whom"]))},
    AuditAction.CONVERSATION_SKIPPED: lambda d: {"reason": label(SkipReason(d["reason"]))},
    AuditAction.TEAM_MEMBER_ADDED: lambda d: {"member_id": d["member_id"], "role": named(TEAM_ROLES, d["role"])},
    AuditAction.TEAM_MEMBER_REMOVED: lambda d: {"member_id": d["member_id"], "role": named(TEAM_ROLES, d["role"])},
    AuditAction.REPORT_RECORDED: lambda d: {"meldnorm": d["meldnorm"]},
    AuditAction.HELP_PLAN_RECORDED: lambda d: {
        "term": show_date(date.fromisoformat(d["term"])),
        "casemanager_id": d["casemanager_id"],
    },
    AuditAction.CASE_CLOSED: lambda d: {"reason": label(CloseReason(d["reason"]))},
    AuditAction.REMINDER_SENT: lambda d: {"kind": label(ReminderKind(d["reminder"]))},
    AuditAction.REMINDER_ESCALATED: lambda d: {
        "kind": label(ReminderKind(d["reminder"])),
        "roles": listing([named(ROLES, role) for role in d["roles"]]),
    },
    AuditAction.REMINDER_POSTPONED: lambda d: _rescheduled(d),
    AuditAction.REMINDER_NOT_YET: lambda d: _rescheduled(d),
    AuditAction.MESSAGE_FAILED: lambda d: {"recipient_id": d["recipient_id"]},
    AuditAction.REMINDER_PARKED: lambda d: {"incident": d["incident"]},
    AuditAction.CASE_PURGED: lambda d: {"years": d["years_after_closing"]},
    AuditAction.CASE_EXPORTED: lambda d: {"document": label(Document(d["document"]))},
    AuditAction.FOLLOW_UP_RECORDED: lambda d: {"outcome": label(FollowUp(d["outcome"]))},
}


def _rescheduled(detail: dict[str, Any]) -> dict[str, object]:
    return {
        "kind": label(ReminderKind(detail["reminder"])),
        "until": show_date(datetime.fromisoformat(detail["until"])),
    }


def what_happened(entry: TimelineEntry) -> Markup:
    """What an event did, in words, without who or when ("beantwoordde vraag 1: ja")."""
    values = _VALUES.get(entry.action, lambda d: {})(entry.detail)
    if entry.action is AuditAction.QUESTION_ANSWERED and entry.detail.get("with_veilig_thuis"):
        return t("timeline_question_answered_together", **values)
    return named(TIMELINE, entry.action, **values)


def timeline_line(entry: TimelineEntry) -> str:
    what = what_happened(entry)
    if entry.actor_id == SYSTEM_ACTOR:
        return t("timeline_line_system", date=show_date(entry.at), what=what)
    return t("timeline_line", date=show_date(entry.at), actor_id=entry.actor_id, what=what)
