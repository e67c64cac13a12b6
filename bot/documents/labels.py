"""Which catalogue sentence names each value of the domain: every key written out, none built.

A value (a case state, a question number, a timeline action) is looked up in a table here; the
tables are the only place where a key is chosen by a value, and a test holds every key in them
to the catalogues.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from enum import StrEnum
from typing import TypeVar

from markupsafe import Markup

from bot.catalogue import t
from bot.flows.rules.framework import Answer, OutcomeKind, Stage
from bot.flows.rules.social_map import ContactRole
from bot.flows.steps.access_report import AccessKind
from bot.flows.steps.desk import Due
from bot.flows.steps.export import Document
from bot.flows.steps.statistics import ACUTE, CLOSED, HELP_STARTED, REGISTERED, REPORTED, ROUTE, measure
from bot.flows.vocabulary import (
    AgeBand,
    AuditAction,
    CaseState,
    CloseReason,
    Consent,
    ConsultationKind,
    ConversationWith,
    DossierPart,
    FollowUp,
    Informed,
    Language,
    NoConsentReason,
    ReferenceIndex,
    ReminderKind,
    ReminderState,
    ReportChannel,
    Role,
    Route,
    SignalCategory,
    SignalSource,
    SkipReason,
)

K = TypeVar("K", bound=Hashable)
E = TypeVar("E", bound=StrEnum)

# Values of different enums can be equal strings (Answer.YES == Informed.YES == "yes"), so a value
# is looked up with its type.
_LABELLED: tuple[tuple[StrEnum, str], ...] = (
    (AgeBand.UNDER_12, "age_under_12"),
    (AgeBand.FROM_12_TO_16, "age_12_16"),
    (AgeBand.FROM_16, "age_16_plus"),
    (Answer.YES, "answer_yes"),
    (Answer.NO, "answer_no"),
    (Answer.DOUBT, "answer_doubt"),
    (Due.TO_TAKE, "due_to_take"),
    (Due.STEPS, "due_steps"),
    (Due.WEIGHING, "due_weighing"),
    (Due.FEEDBACK, "due_feedback"),
    (Due.HELP, "due_help"),
    (Due.MONITORING, "due_monitoring"),
    (Due.BOARD, "due_board"),
    (CaseState.NEW, "state_new"),
    (CaseState.IN_PROGRESS, "state_in_progress"),
    (CaseState.WEIGHING, "state_weighing"),
    (CaseState.REPORT_DUE, "state_report_due"),
    (CaseState.HELP_PLAN_DUE, "state_help_plan_due"),
    (CaseState.HELP_RUNNING, "state_help_running"),
    (CaseState.REPORTED, "state_reported"),
    (CaseState.CLOSED, "state_closed"),
    (CaseState.REFERRED_TO_BOARD, "state_referred_to_board"),
    (ReferenceIndex.REGISTERED, "verwijsindex_registered"),
    (ReferenceIndex.NOT_NEEDED, "verwijsindex_not_needed"),
    (ReferenceIndex.LEFT_TO_OTHERS, "verwijsindex_left_to_others"),
    (CloseReason.NO_SUSPICION, "close_reason_no_suspicion"),
    (CloseReason.HELP_SUCCEEDED, "close_reason_help_succeeded"),
    (CloseReason.HANDED_OVER, "close_reason_handed_over"),
    (Consent.GIVEN, "consent_given"),
    (Consent.REFUSED, "consent_refused"),
    (Consent.NOT_ASKED, "consent_not_asked"),
    (ConsultationKind.COLLEAGUE, "consultation_kind_colleague"),
    (ConsultationKind.VEILIG_THUIS_ADVICE, "consultation_kind_veilig_thuis"),
    (ConsultationKind.MEDICAL_EXPERT, "consultation_kind_medical_expert"),
    (ConsultationKind.SCHOOL_SOCIAL_WORK, "consultation_kind_school_social_work"),
    (ConsultationKind.YOUTH_DOCTOR, "consultation_kind_youth_doctor"),
    (ConsultationKind.INTERNAL_SUPPORT, "consultation_kind_internal_support"),
    (ConsultationKind.OTHER, "consultation_kind_other"),
    (ConversationWith.PARENTS, "with_parents"),
    (ConversationWith.PUPIL, "with_pupil"),
    (ConversationWith.BOTH, "with_both"),
    (Informed.YES, "informed_yes"),
    (Informed.NO, "informed_no"),
    (Informed.NOT_APPLICABLE, "informed_not_applicable"),
    (NoConsentReason.SAFETY, "no_consent_reason_safety"),
    (NoConsentReason.LOSING_SIGHT, "no_consent_reason_losing_sight"),
    (ReminderKind.EVALUATION, "reminder_kind_evaluation"),
    (ReminderKind.FEEDBACK, "reminder_kind_feedback"),
    (ReminderKind.REFERRAL, "reminder_kind_referral"),
    (ReminderKind.IDLE, "reminder_kind_idle"),
    (ReminderKind.NOT_TAKEN, "reminder_kind_not_taken"),
    (ReminderKind.FOLLOW_UP, "reminder_kind_follow_up"),
    (FollowUp.GOOD, "nazorg_good"),
    (FollowUp.NEW_SIGNAL, "nazorg_new_signal"),
    (ReportChannel.PHONE, "channel_phone"),
    (ReportChannel.FORM, "channel_form"),
    (Route.HOME, "route_home"),
    (Route.STAFF_MEMBER, "route_staff_member"),
    (Route.BETWEEN_CHILDREN, "route_between_children"),
    (SignalCategory.PHYSICAL, "category_physical"),
    (SignalCategory.BEHAVIOUR, "category_behaviour"),
    (SignalCategory.EMOTIONAL_DEVELOPMENT, "category_emotional"),
    (SignalCategory.PARENT, "category_parent"),
    (SignalCategory.DISCLOSURE, "category_disclosure"),
    (SignalCategory.OTHER, "category_other"),
    (SignalSource.OWN_OBSERVATION, "source_own"),
    (SignalSource.TOLD_BY_OTHER, "source_told"),
    (SkipReason.CHILD_SAFETY, "skip_reason_child_safety"),
    (SkipReason.REPORTER_SAFETY, "skip_reason_reporter_safety"),
    (SkipReason.OTHERS_SAFETY, "skip_reason_others_safety"),
    (SkipReason.LOSING_CONTACT, "skip_reason_losing_contact"),
    (DossierPart.SIGNALS, "section_signals"),
    (DossierPart.CONSULTATIONS, "section_consultations"),
    (DossierPart.CONVERSATIONS, "section_conversations"),
    (DossierPart.WEIGHINGS, "section_weighings"),
    (DossierPart.REPORTS, "section_reports"),
    (DossierPart.HELP_PLANS, "section_help_plans"),
    (DossierPart.TIMELINE, "section_timeline"),
    (DossierPart.REMINDERS, "section_reminders"),
    (Document.DOSSIER, "export_document_dossier"),
    (Document.CONVERSATION, "export_document_conversation"),
    (Document.ACCESS_REPORT, "export_document_access_report"),
    (AccessKind.VIEWED, "access_kind_viewed"),
    (AccessKind.CHANGED, "access_kind_changed"),
    (AccessKind.EXPORTED, "access_kind_exported"),
    (AccessKind.REFUSED, "access_kind_refused"),
    (ReminderState.SCHEDULED, "reminder_state_scheduled"),
    (ReminderState.WAITING, "reminder_state_waiting"),
    (ReminderState.DONE, "reminder_state_done"),
    (ReminderState.CANCELLED, "reminder_state_cancelled"),
    (Stage.ASK, "stage_ask"),
    (Stage.REPORT_DUE, "stage_report_due"),
    (Stage.HELP_PLAN_DUE, "stage_help_plan_due"),
    (Language.NL, "language_nl"),
    (Language.EN, "language_en"),
    (ContactRole.ACUTE, "contact_role_acute"),
    (ContactRole.ADVICE, "contact_role_advice"),
    (ContactRole.POLICE, "contact_role_police"),
    (ContactRole.MEDICAL_EXPERT, "contact_role_medical_expert"),
    (ContactRole.SCHOOL_SOCIAL_WORK, "contact_role_school_social_work"),
    (ContactRole.YOUTH_DOCTOR, "contact_role_youth_doctor"),
    (ContactRole.CJG, "contact_role_cjg"),
    (ContactRole.NEIGHBOURHOOD_TEAM, "contact_role_neighbourhood_team"),
    (ContactRole.HELP, "contact_role_help"),
    (ContactRole.REFERENCE_INDEX, "contact_role_reference_index"),
    (ContactRole.OTHER, "contact_role_other"),
)
LABELS: Mapping[tuple[type, object], str] = {(type(value), value): key for value, key in _LABELLED}

# The button that opens a part of the dossier, with how many items it holds.
SECTION_BUTTONS: Mapping[DossierPart, str] = {
    DossierPart.SIGNALS: "section_button_signals",
    DossierPart.CONSULTATIONS: "section_button_consultations",
    DossierPart.CONVERSATIONS: "section_button_conversations",
    DossierPart.WEIGHINGS: "section_button_weighings",
    DossierPart.REPORTS: "section_button_reports",
    DossierPart.HELP_PLANS: "section_button_help_plans",
    DossierPart.TIMELINE: "section_button_timeline",
    DossierPart.REMINDERS: "section_button_reminders",
}
QUESTIONS: Mapping[int, str] = {1: "question_1", 2: "question_2", 3: "question_3", 4: "question_4", 5: "question_5"}
QUESTION_HINTS: Mapping[int, str] = {
    1: "question_1_hint",
    2: "question_2_hint",
    3: "question_3_hint",
    4: "question_4_hint",
    5: "question_5_hint",
}
MELDNORMS: Mapping[int | None, str] = {1: "meldnorm_1", 2: "meldnorm_2", 3: "meldnorm_3"}
AGE_GUIDANCE: Mapping[AgeBand, str] = {
    AgeBand.UNDER_12: "age_guidance_under_12",
    AgeBand.FROM_12_TO_16: "age_guidance_12_16",
    AgeBand.FROM_16: "age_guidance_16_plus",
}
# What the case view says is due now, per state (the states with more to say have their own line).
NOW: Mapping[CaseState, str] = {
    CaseState.NEW: "now_new",
    CaseState.IN_PROGRESS: "now_in_progress",
    CaseState.REPORT_DUE: "now_report_due",
    CaseState.HELP_PLAN_DUE: "now_help_plan_due",
    CaseState.HELP_RUNNING: "now_help_running",
    CaseState.REPORTED: "now_reported",
    CaseState.CLOSED: "now_closed",
    CaseState.REFERRED_TO_BOARD: "now_referred_to_board",
}
# How a weighing ended, and what ending it would mean as the consequence of an answer.
WEIGHING_RESULTS: Mapping[OutcomeKind | None, str] = {
    OutcomeKind.CLOSE: "weighing_result_close",
    OutcomeKind.REPORT: "weighing_result_report",
    OutcomeKind.CLOSE_HELP: "weighing_result_close_help",
}
CONSEQUENCES: Mapping[OutcomeKind | None, str] = {
    OutcomeKind.CLOSE: "consequence_close",
    OutcomeKind.REPORT: "consequence_report",
    OutcomeKind.CLOSE_HELP: "consequence_close_help",
}
# A role as the timeline names it ("the coordinator"), and a role in a case's team.
ROLES: Mapping[object, str] = {
    Role.CASEMANAGER: "role_casemanager",
    Role.COORDINATOR: "role_coordinator",
    Role.DIRECTOR: "role_director",
}
TEAM_ROLES: Mapping[object, str] = {
    Role.TEAM_MEMBER: "team_role_team_member",
    Role.CASEMANAGER: "team_role_casemanager",
}
# The five questions for reporting without consent (seed 000), in order.
CONSENT_QUESTIONS: Mapping[int, str] = {
    1: "consent_question_1",
    2: "consent_question_2",
    3: "consent_question_3",
    4: "consent_question_4",
    5: "consent_question_5",
}
SIGNAL_ORIGINS: Mapping[str | None, str] = {"consent_refused": "signal_origin_consent_refused"}
# A reminder's message, and the same once it climbed a rung (the feedback reminder repeats instead).
REMINDERS: Mapping[ReminderKind, str] = {
    ReminderKind.EVALUATION: "reminder_evaluation",
    ReminderKind.FEEDBACK: "reminder_feedback",
    ReminderKind.REFERRAL: "reminder_referral",
    ReminderKind.IDLE: "reminder_idle",
    ReminderKind.NOT_TAKEN: "reminder_not_taken",
    ReminderKind.FOLLOW_UP: "reminder_follow_up",
}
ESCALATED_REMINDERS: Mapping[ReminderKind, str] = {
    ReminderKind.EVALUATION: "reminder_evaluation_escalated",
    ReminderKind.REFERRAL: "reminder_referral_escalated",
    ReminderKind.IDLE: "reminder_idle_escalated",
    ReminderKind.NOT_TAKEN: "reminder_not_taken_escalated",
}
TIMELINE: Mapping[AuditAction, str] = {
    AuditAction.DOSSIER_VIEWED: "timeline_dossier_viewed",  # not in the case's timeline: in the access report
    AuditAction.STATUS_VIEWED: "timeline_status_viewed",
    AuditAction.ACCESS_REFUSED: "timeline_access_refused",
    AuditAction.CASE_CREATED: "timeline_case_created",
    AuditAction.SIGNAL_ADDED: "timeline_signal_added",
    AuditAction.ACUTE_ALERT: "timeline_acute_alert",
    AuditAction.BOARD_ROUTE_RECORDED: "timeline_board_route_recorded",
    AuditAction.DRAFT_HELD: "timeline_draft_held",
    AuditAction.CASE_TAKEN: "timeline_case_taken",
    AuditAction.CONSULTATION_RECORDED: "timeline_consultation_recorded",
    AuditAction.TEAM_MEMBER_ADDED: "timeline_team_member_added",
    AuditAction.TEAM_MEMBER_REMOVED: "timeline_team_member_removed",
    AuditAction.CONVERSATION_RECORDED: "timeline_conversation_recorded",
    AuditAction.CONVERSATION_SKIPPED: "timeline_conversation_skipped",
    AuditAction.CONSENT_REFUSED: "timeline_consent_refused",
    AuditAction.WEIGHING_STARTED: "timeline_weighing_started",
    AuditAction.QUESTION_ANSWERED: "timeline_question_answered",
    AuditAction.DIRECTOR_INFORMED: "timeline_director_informed",
    AuditAction.REPORT_RECORDED: "timeline_report_recorded",
    AuditAction.FEEDBACK_RECORDED: "timeline_feedback_recorded",
    AuditAction.HELP_PLAN_RECORDED: "timeline_help_plan_recorded",
    AuditAction.CASE_CLOSED: "timeline_case_closed",
    AuditAction.REMINDER_SENT: "timeline_reminder_sent",
    AuditAction.REMINDER_ESCALATED: "timeline_reminder_escalated",
    AuditAction.REMINDER_POSTPONED: "timeline_reminder_postponed",
    AuditAction.REMINDER_NOT_YET: "timeline_reminder_not_yet",
    AuditAction.REFERRAL_CONFIRMED: "timeline_referral_confirmed",
    AuditAction.MESSAGE_FAILED: "timeline_message_failed",
    AuditAction.REMINDER_PARKED: "timeline_reminder_parked",
    AuditAction.CASE_PURGED: "timeline_case_purged",
    AuditAction.CASE_EXPORTED: "timeline_case_exported",
    AuditAction.FOLLOW_UP_RECORDED: "timeline_follow_up_recorded",
    AuditAction.KINDCHECK_RECORDED: "timeline_kindcheck_recorded",
}

# The interne evaluatie's counted figures, by the measure they count.
EVALUATION_COUNTS: Mapping[str, str] = {
    REGISTERED: "evaluation_registered",
    measure(ROUTE, Route.HOME): "evaluation_route_home",
    measure(ROUTE, Route.STAFF_MEMBER): "evaluation_route_staff_member",
    measure(ROUTE, Route.BETWEEN_CHILDREN): "evaluation_route_between_children",
    ACUTE: "evaluation_acute",
    measure(CLOSED, CloseReason.NO_SUSPICION): "evaluation_closed_no_suspicion",
    HELP_STARTED: "evaluation_help_started",
    measure(CLOSED, CloseReason.HELP_SUCCEEDED): "evaluation_help_succeeded",
    REPORTED: "evaluation_reported",
    measure(CLOSED, CloseReason.HANDED_OVER): "evaluation_handed_over",
}

# Every table above: what the test holds to the catalogues.
TABLES: tuple[Mapping[object, str], ...] = (
    LABELS,
    SECTION_BUTTONS,
    QUESTIONS,
    QUESTION_HINTS,
    MELDNORMS,
    AGE_GUIDANCE,
    NOW,
    WEIGHING_RESULTS,
    CONSEQUENCES,
    ROLES,
    TEAM_ROLES,
    CONSENT_QUESTIONS,
    SIGNAL_ORIGINS,
    REMINDERS,
    ESCALATED_REMINDERS,
    TIMELINE,
    EVALUATION_COUNTS,
)  # type: ignore[assignment]


def named(table: Mapping[K, str], value: K, /, **values: object) -> Markup:
    """The sentence the table gives this value, its placeholders filled in."""
    return t(table[value], **values)


def label_key(value: StrEnum) -> str:
    return LABELS[type(value), value]


def label(value: StrEnum, /, **values: object) -> Markup:
    """A value of the domain's vocabulary as people read it ("Nieuw", "Fysieke signalen")."""
    return t(label_key(value), **values)


def keys(members: Iterable[E]) -> dict[E, str]:
    """value -> catalogue key, in the order given: the options of a radio or checkbox input."""
    return {member: label_key(member) for member in members}
