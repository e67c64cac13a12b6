"""Acting on a case: one transaction on the locked case, after the server checked who may do what.

Every step of the meldcode goes through `act`. It re-reads the case and the actor's roles
from the database and the configuration (never from what a button carried), records a
refusal in the audit trail, and only then runs the step.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.orm import Session

from bot.flows import audit, submissions
from bot.flows.errors import AccessDenied, CaseNotFound
from bot.flows.jobs import reminders
from bot.flows.rules import process
from bot.flows.rules.access import CaseFacts, Permission, case_roles, decide, grants
from bot.flows.rules.directory import Directory, School
from bot.flows.rules.process import CaseStep, Situation
from bot.flows.services import Services
from bot.flows.situation import situation_of
from bot.flows.steps import statistics
from bot.flows.vocabulary import AuditAction, CaseState, Role
from storage import repositories as repo
from storage.models import Base, Case, purpose

T = TypeVar("T")
M = TypeVar("M", bound=Base)

# The permission each step needs. Question 5 is the exception: see `answer_permission`.
STEP_PERMISSION: Mapping[CaseStep, Permission] = {
    CaseStep.TAKE: Permission.TAKE,
    CaseStep.CONSULT: Permission.CONTRIBUTE,
    CaseStep.TALK: Permission.CONTRIBUTE,
    CaseStep.SET_TEAM: Permission.DECIDE,
    CaseStep.ANSWER: Permission.DECIDE,
    CaseStep.REPORT: Permission.DECIDE,
    CaseStep.FEEDBACK: Permission.DECIDE,
    CaseStep.HELP_PLAN: Permission.DECIDE,
    CaseStep.NEW_WEIGHING: Permission.DECIDE,
    CaseStep.CLOSE: Permission.DECIDE,
    CaseStep.KINDCHECK: Permission.CONTRIBUTE,
}


def answer_permission(question: int) -> Permission:
    """The casemanager evaluates the help (question 5); the other questions are the coordinator's."""
    return Permission.EVALUATE if question == 5 else Permission.DECIDE


@dataclass
class CaseContext:
    session: Session
    services: Services
    case: Case
    school: School
    user_id: str
    roles: frozenset[Role]
    touched: bool = False  # something happened: the idle reminder starts again

    @property
    def state(self) -> CaseState:
        return CaseState(self.case.state)

    @property
    def situation(self) -> Situation:
        """Where the case stands now (read afresh: a step earlier in this transaction may have moved it)."""
        return situation_of(self.session, self.case)

    def require(self, step: CaseStep, question: int | None = None) -> None:
        """Refuse a step that does not fit the case now (process.require)."""
        process.require(self.situation, step, question)

    def record(self, action: AuditAction, **detail: object) -> None:
        audit.on_case(self.session, self.services.clock, self.user_id, action, self.case, **detail)

    def seal(self, model: type, field: str, value: str) -> str | None:
        """Encrypt a free-text field for its column; blank stays empty (None)."""
        return self.services.cipher.seal(value.strip(), purpose(model, field)) if value.strip() else None

    def touch(self) -> None:
        self.case.updated_at = self.services.clock.now()
        self.touched = True

    def earlier(self, model: type[M], submission_key: str) -> M | None:
        """The row this user's submission stored before (a double submit); another's is refused."""
        return submissions.earlier(self.session, model, submission_key, self.user_id, school_id=self.school.id)

    def record_once(
        self, model: type[M], submission_key: str, step: CaseStep, build: Callable[[], M]
    ) -> tuple[M, bool]:
        """The row this submission stored earlier (a double submit), or a new one once `step` fits.

        Returns the row and whether it is new, so that the caller does its follow-up only once.
        """
        stored = self.earlier(model, submission_key)
        if stored is not None:
            return stored, False
        self.require(step)
        row = build()
        self.session.add(row)
        self.session.flush()
        self.touch()
        return row, True


@dataclass(frozen=True)
class CaseAccess:
    """One user's standing on one case, read from storage once: what the policy allows, and why."""

    directory: Directory
    user_id: str
    facts: CaseFacts

    def allows(self, permission: Permission) -> bool:
        return decide(self.directory, self.user_id, permission, school_id=self.facts.school_id, case=self.facts)

    @property
    def roles(self) -> frozenset[Role]:
        return case_roles(self.directory, self.user_id, self.facts)


def access_to(session: Session, services: Services, user_id: str, case: Case) -> CaseAccess:
    team = frozenset(Role(r) for r in repo.team_roles(session, case.id, user_id))
    facts = CaseFacts(case.school_id, case.reporter_id, team, purged=case.purged_at is not None)
    return CaseAccess(services.directory, user_id, facts)


def refused(user_id: str, case: Case, permission: Permission) -> AccessDenied:
    """The refusal to raise when the policy says no (audited by `Services.perform`)."""
    return AccessDenied(user_id, str(permission), school_id=case.school_id, case_id=case.id)


def act(
    services: Services,
    user_id: str,
    case_id: int,
    permission: Permission,
    work: Callable[[CaseContext], T],
    *,
    read_only: bool = False,
) -> T:
    """Run `work` on the locked case if the user holds `permission`; audit and refuse otherwise.

    `work` looks up its own earlier result first (a double submit returns it) and then checks
    the step against the case's state. A refusal is raised, and audited by `Services.perform`.
    `read_only` work (checking that a step fits, before its form opens) takes no lock at all.
    """

    def attempt() -> T:
        with services.db.reading() if read_only else services.db.transaction() as session:
            case = repo.get_case(session, case_id) if read_only else repo.lock_case(session, case_id)
            if case is None:
                raise CaseNotFound(user_id, str(permission), reason="no_such_case")
            school = services.directory.school(case.school_id)
            access = access_to(session, services, user_id, case)
            if school is None or not access.allows(permission):
                raise refused(user_id, case, permission)
            ctx = CaseContext(session, services, case, school, user_id, access.roles)
            result = work(ctx)
            if ctx.touched:
                reminders.on_activity(session, services.clock, case, school)
                statistics.keep_counts(session, case)
            return result

    return services.perform(attempt)


def permitted_steps(roles: frozenset[Role], situation: Situation, question: int | None) -> list[CaseStep]:
    """The steps this user can take now, in the order the case view offers them. Question 1 is
    offered only once steps 2 and 3 are on record (the view says what is missing)."""
    fitting = situation.steps
    if question == 1 and situation.missing:
        fitting -= {CaseStep.ANSWER}
    steps = []
    for step in CaseStep:
        permission = answer_permission(question or 1) if step is CaseStep.ANSWER else STEP_PERMISSION[step]
        if step in fitting and grants(roles, permission):
            steps.append(step)
    return steps
