"""Typed domain errors; the chat adapter turns each into a message for the user."""

from __future__ import annotations


class MeldcodeError(Exception):
    """Base class. `text_key` names the user-facing sentence in the message catalogue.

    `values` fill its placeholders: references, user ids and codes, never personal data.
    """

    text_key = "error_generic"

    def __init__(self, **values: object) -> None:
        super().__init__(self.text_key)
        self.values = values


class Refused(MeldcodeError):
    """The server turned a request down for who asked, or for what they named (a case, a draft, a
    submission that is not theirs). Always audited, once, by `Services.perform`, which runs every
    use case: the flow raises it where it decides, and the refusal goes on record after the
    transaction it was raised in has rolled back."""

    text_key = "error_no_access"

    def __init__(
        self,
        user_id: str,
        asked: str,
        *,
        school_id: str | None = None,
        case_id: int | None = None,
        reason: str | None = None,
        **values: object,
    ) -> None:
        super().__init__(**values)
        self.user_id = user_id
        self.asked = asked  # the permission (or step) asked for
        self.school_id = school_id
        self.case_id = case_id
        self.reason = reason  # why, when it is not a missing permission: "no_such_case", "foreign_submission"


class NotAMember(Refused):
    """The user belongs to no school in the configuration (or not to the one asked for)."""

    text_key = "error_not_a_member"


class AccessDenied(Refused):
    text_key = "error_no_access"


class CaseNotFound(Refused):
    """No case (or reminder) has the id a request named: a crafted or garbled value."""

    text_key = "error_case_not_found"


class DraftNotFound(Refused):
    """The held signal does not exist or belongs to someone else."""

    text_key = "error_draft_gone"


class DraftResolved(MeldcodeError):
    """The held signal was already filed (a double click on its button)."""

    text_key = "error_draft_gone"


class UnknownRequest(MeldcodeError):
    """A button or form the bot does not have: a crafted request, or one from a card of an older release."""

    text_key = "error_unknown_request"


class InvalidInput(MeldcodeError):
    """Form input that breaks a rule; maps each field to the catalogue key of its problem."""

    text_key = "error_invalid_input"

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__()
        self.problems = problems


class StepNotAllowed(MeldcodeError):
    """The action does not fit where the case stands (answering 3 before 2, closing too early)."""

    text_key = "error_step_not_allowed"


class StepsMissing(MeldcodeError):
    """Question 1 before steps 2 and 3 are on record; `missing` says what is still needed."""

    text_key = "error_steps_missing"


class AlreadyTaken(MeldcodeError):
    """Another coordinator took the case first."""

    text_key = "error_already_taken"


class AlreadyAnswered(MeldcodeError):
    """Someone answered this question first; they and their answer are named."""

    text_key = "error_already_answered"


class NotThisQuestion(MeldcodeError):
    """The afwegingskader is answered in order; `expected` is the question asked now."""

    text_key = "error_not_this_question"


class ReminderSettled(MeldcodeError):
    """The reminder was answered, or its case closed, before this click."""

    text_key = "error_reminder_settled"
