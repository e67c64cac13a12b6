"""The domain's closed vocabularies, stored as their string values."""

from enum import StrEnum


class Role(StrEnum):
    REPORTER = "reporter"
    COORDINATOR = "coordinator"
    DIRECTOR = "director"


class Route(StrEnum):
    """Who the concern is about decides which procedure applies (DESIGN §3)."""

    HOME = "home"  # huiselijk geweld / kindermishandeling: the meldcode
    STAFF_MEMBER = "staff_member"  # a suspicion against staff: the board route
    BETWEEN_CHILDREN = "between_children"  # the school's safety plan


class CaseState(StrEnum):
    NEW = "new"  # registered, not yet taken by a coordinator
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


class NoticeKind(StrEnum):
    """Messages the bot sends on its own initiative; rendered by the chat adapter."""

    CASE_REGISTERED = "case_registered"  # to coordinators (and directors when acute)
    SIGNAL_ADDED = "signal_added"  # to coordinators: a new signal on an open case
    REGISTRATION_CONFIRMED = "registration_confirmed"  # to the reporter
    ACUTE_ALERT = "acute_alert"  # to coordinators and directors, at once
    BOARD_ROUTE = "board_route"  # to directors: a suspicion against a staff member
    DRAFT_PENDING = "draft_pending"  # to the reporter: a signal still waits for a choice
