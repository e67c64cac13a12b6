"""Typed domain errors; the chat adapter turns each into a message for the user."""

from __future__ import annotations


class MeldcodeError(Exception):
    """Base class. `text_key` names the user-facing sentence in the message catalogue."""

    text_key = "error_generic"


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
        super().__init__(", ".join(sorted(problems)))
        self.problems = problems
