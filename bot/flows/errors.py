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


class NotAMember(MeldcodeError):
    """The user belongs to no school in the configuration (or not to the one asked for)."""

    text_key = "error_not_a_member"


class AccessDenied(MeldcodeError):
    text_key = "error_no_access"


class CaseNotFound(MeldcodeError):
    text_key = "error_case_not_found"


class DraftNotFound(MeldcodeError):
    """The held signal was already resolved (a double click) or belongs to someone else."""

    text_key = "error_draft_gone"


class InvalidInput(MeldcodeError):
    """Form input that breaks a rule; maps each field to the catalogue key of its problem."""

    text_key = "error_invalid_input"

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__()
        self.problems = problems


class StepNotAllowed(MeldcodeError):
    """The action does not fit where the case stands (answering 3 before 2, closing too early)."""

    text_key = "error_step_not_allowed"


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
