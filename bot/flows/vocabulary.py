"""The domain's closed vocabularies, stored as their string values."""

from enum import StrEnum


class Role(StrEnum):
    REPORTER = "reporter"
    COORDINATOR = "coordinator"
    DIRECTOR = "director"
    TEAM_MEMBER = "team_member"  # added by a coordinator to one case
    CASEMANAGER = "casemanager"  # named in a help plan; also sees that case only
    ADMIN = "admin"  # the board: configures schools, sees anonymous statistics, never a dossier


class Route(StrEnum):
    """Who the concern is about decides which procedure applies (DESIGN §3)."""

    HOME = "home"  # huiselijk geweld / kindermishandeling: the meldcode
    STAFF_MEMBER = "staff_member"  # a suspicion against staff: the board route
    BETWEEN_CHILDREN = "between_children"  # the school's safety plan


class BoardAlert(StrEnum):
    """Whom the bot alerts on the staff-member route, as the reporter chooses."""

    DIRECTOR = "director"  # the school's director(s)
    BOARD = "board"  # the board itself (the admins in meldbot.yml): the suspicion may concern the director


class CaseState(StrEnum):
    NEW = "new"  # registered, not yet taken by a coordinator
    IN_PROGRESS = "in_progress"  # taken: steps 2 and 3 (consultation, conversation)
    WEIGHING = "weighing"  # step 4: the afwegingskader is being answered
    REPORT_DUE = "report_due"  # the weighing says: melden; the melding is to be recorded
    HELP_PLAN_DUE = "help_plan_due"  # question 4 yes: the help plan is to be recorded
    HELP_RUNNING = "help_running"  # help runs until its term; question 5 evaluates it
    REPORTED = "reported"  # melding made: the school follows the child and awaits feedback
    CLOSED = "closed"
    REFERRED_TO_BOARD = "referred_to_board"  # staff-member route: recorded, no meldcode


class AgeBand(StrEnum):
    UNDER_12 = "under_12"
    FROM_12_TO_16 = "12_16"
    FROM_16 = "16_plus"


class SignalSource(StrEnum):
    OWN_OBSERVATION = "own"
    TOLD_BY_OTHER = "told"


class SignalCategory(StrEnum):
    PHYSICAL = "physical"
    BEHAVIOUR = "behaviour"
    EMOTIONAL_DEVELOPMENT = "emotional"
    PARENT = "parent"
    DISCLOSURE = "disclosure"
    OTHER = "other"


class ConsultationKind(StrEnum):
    """With whom the coordinator consulted (step 2)."""

    COLLEAGUE = "colleague"
    VEILIG_THUIS_ADVICE = "veilig_thuis"  # anonymous: no pupil data leaves the school
    MEDICAL_EXPERT = "medical_expert"  # vertrouwensarts or forensisch arts, for injuries
    SCHOOL_SOCIAL_WORK = "school_social_work"
    YOUTH_DOCTOR = "youth_doctor"
    INTERNAL_SUPPORT = "internal_support"  # intern begeleider
    OTHER = "other"


class ConversationWith(StrEnum):
    PARENTS = "parents"
    PUPIL = "pupil"
    BOTH = "both"


class Consent(StrEnum):
    """Parents' consent to discuss the pupil with external experts."""

    GIVEN = "given"
    REFUSED = "refused"  # itself a signal
    NOT_ASKED = "not_asked"


class SkipReason(StrEnum):
    """The only grounds on which a conversation with parents or pupil may be skipped."""

    CHILD_SAFETY = "child_safety"
    REPORTER_SAFETY = "reporter_safety"
    OTHERS_SAFETY = "others_safety"
    LOSING_CONTACT = "losing_contact"


class ReportChannel(StrEnum):
    PHONE = "phone"
    FORM = "form"


class Informed(StrEnum):
    """Whether someone was told of the melding beforehand."""

    YES = "yes"
    NO = "no"
    NOT_APPLICABLE = "not_applicable"  # the pupil, under 12


class NoConsentReason(StrEnum):
    """Why a melding was made without telling the parents first."""

    SAFETY = "safety"
    LOSING_SIGHT = "losing_sight"


class ReferenceIndex(StrEnum):
    """With a melding: was a registration in the verwijsindex (risicojongeren) considered?"""

    REGISTERED = "registered"  # registered, or asked a partner who may register to do so
    NOT_NEEDED = "not_needed"  # considered, and not needed
    LEFT_TO_OTHERS = "left_to_others"  # left to Veilig Thuis or the care that takes it on


class CloseReason(StrEnum):
    NO_SUSPICION = "no_suspicion"  # question 1 no
    HELP_SUCCEEDED = "help_succeeded"  # question 5 yes
    HANDED_OVER = "handed_over"  # after a melding, Veilig Thuis has taken it on


class AuditAction(StrEnum):
    ROLE_GRANTED = "role_granted"
    ROLE_REVOKED = "role_revoked"
    CASE_CREATED = "case_created"
    SIGNAL_ADDED = "signal_added"
    ACUTE_ALERT = "acute_alert"
    BOARD_ROUTE_RECORDED = "board_route_recorded"
    SAFETY_PLAN_ROUTE = "safety_plan_route"
    DRAFT_HELD = "draft_held"
    DOSSIER_VIEWED = "dossier_viewed"
    STATUS_VIEWED = "status_viewed"
    ACCESS_REFUSED = "access_refused"
    CASE_TAKEN = "case_taken"
    CONSULTATION_RECORDED = "consultation_recorded"
    TEAM_MEMBER_ADDED = "team_member_added"
    TEAM_MEMBER_REMOVED = "team_member_removed"
    CONVERSATION_RECORDED = "conversation_recorded"
    CONVERSATION_SKIPPED = "conversation_skipped"
    CONSENT_REFUSED = "consent_refused"
    WEIGHING_STARTED = "weighing_started"
    QUESTION_ANSWERED = "question_answered"
    DIRECTOR_INFORMED = "director_informed"
    REPORT_RECORDED = "report_recorded"
    FEEDBACK_RECORDED = "feedback_recorded"
    HELP_PLAN_RECORDED = "help_plan_recorded"
    CASE_CLOSED = "case_closed"
    REMINDER_SENT = "reminder_sent"
    REMINDER_ESCALATED = "reminder_escalated"
    REMINDER_POSTPONED = "reminder_postponed"
    REMINDER_NOT_YET = "reminder_not_yet"
    REFERRAL_CONFIRMED = "referral_confirmed"
    MESSAGE_FAILED = "message_failed"
    REMINDER_PARKED = "reminder_parked"  # handling a reminder failed: set aside until retried
    CASE_PURGED = "case_purged"  # the retention period ended: personal data removed
    CASE_EXPORTED = "case_exported"  # a PDF of the dossier or a conversation report was made
    KINDCHECK_RECORDED = "kindcheck_recorded"
    FOLLOW_UP_RECORDED = "follow_up_recorded"  # nazorg: how the child is doing after closing


class NoticeKind(StrEnum):
    """Messages the bot sends on its own initiative; rendered by the chat adapter."""

    CASE_REGISTERED = "case_registered"  # to coordinators (and directors when acute)
    SIGNAL_ADDED = "signal_added"  # to coordinators: a new signal on an open case
    REGISTRATION_CONFIRMED = "registration_confirmed"  # to the reporter
    ACUTE_ALERT = "acute_alert"  # to coordinators and directors, at once
    BOARD_ROUTE = "board_route"  # to the director or the board, as the reporter chose: a suspicion against staff
    BOARD_ROUTE_NOTED = "board_route_noted"  # to the coordinators: a report went the board route (reference only)
    STAFF_ROUTE_UNRECORDED = "staff_route_unrecorded"  # to a reporter who closed the board route's choice
    DRAFT_PENDING = "draft_pending"  # to the reporter: a signal still waits for a choice
    CASE_TAKEN = "case_taken"  # to the reporter: someone handles it (no details)
    TEAM_ADDED = "team_added"  # to a new team member or casemanager: access to one case
    DIRECTOR_INFORMED = "director_informed"  # to directors: question 1 is yes, the weighing runs
    CASE_CLOSED = "case_closed"  # to the reporter
    CASE_WEIGHED = "case_weighed"  # to the reporter: the weighing has an outcome (which, not said)
    REMINDER = "reminder"  # a deadline of the framework, to whoever must act (or the next rung)
    DELIVERY_FAILED = "delivery_failed"  # to the coordinator: a message about the case did not arrive
    REMINDER_PARKED = "reminder_parked"  # to the coordinator: a reminder of the case could not be handled
    WEEKLY_OVERVIEW = "weekly_overview"  # to each coordinator on Monday: open, late, next deadlines (references)
    WELCOME = "welcome"  # to whoever installed the app (Teams): what the bot does, and the start button


class ReminderKind(StrEnum):
    """The framework's deadlines (DESIGN §4)."""

    EVALUATION = "evaluation"  # the help plan's term: answer question 5
    FEEDBACK = "feedback"  # after a melding: has Veilig Thuis fed back?
    REFERRAL = "referral"  # did the family go to the help it was referred to?
    IDLE = "idle"  # the school owes the next step and nothing happened
    NOT_TAKEN = "not_taken"  # a new case nobody took
    FOLLOW_UP = "follow_up"  # nazorg: after closing, "how is the child doing now?"


class FollowUp(StrEnum):
    """Nazorg: how the child is doing, asked at the follow-up date after closing."""

    GOOD = "good"  # no more follow-up needed
    NEW_SIGNAL = "new_signal"  # worries again: a new signal, then a new weighing


class ReminderState(StrEnum):
    SCHEDULED = "scheduled"  # waits for its due time
    WAITING = "waiting"  # sent; waits for an answer, escalates if none comes
    DONE = "done"  # what it asked for happened
    CANCELLED = "cancelled"  # no longer applies (the case closed, a newer plan replaced it)


class DossierPart(StrEnum):
    """The parts of the dossier that open on their own, page by page."""

    SIGNALS = "signals"
    CONSULTATIONS = "consultations"
    CONVERSATIONS = "conversations"
    WEIGHINGS = "weighings"
    REPORTS = "reports"
    HELP_PLANS = "help_plans"
    TIMELINE = "timeline"
    REMINDERS = "reminders"


class Language(StrEnum):
    """The languages the bot speaks: a school's default, or a person's own choice."""

    NL = "nl"
    EN = "en"
