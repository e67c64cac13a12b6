"""Who holds which role at which school, as the configuration says (never as a payload says)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.flows.deadlines import DeadlinePolicy
from bot.flows.vocabulary import Role


@dataclass(frozen=True)
class School:
    id: str
    name: str
    coordinators: tuple[str, ...]
    directors: tuple[str, ...]
    members: frozenset[str] | None  # None: every user in the workspace may report
    deadlines: DeadlinePolicy = field(default_factory=DeadlinePolicy)

    def roles_of(self, user_id: str) -> frozenset[Role]:
        roles = set()
        if user_id in self.coordinators:
            roles.add(Role.COORDINATOR)
        if user_id in self.directors:
            roles.add(Role.DIRECTOR)
        if roles or self.members is None or user_id in self.members:
            roles.add(Role.REPORTER)
        return frozenset(roles)


@dataclass(frozen=True)
class Directory:
    schools: tuple[School, ...]

    def school(self, school_id: str) -> School | None:
        return next((s for s in self.schools if s.id == school_id), None)

    def schools_of(self, user_id: str) -> list[School]:
        """The schools where this user may at least report."""
        return [s for s in self.schools if s.roles_of(user_id)]

    def roles_of(self, user_id: str, school_id: str) -> frozenset[Role]:
        school = self.school(school_id)
        return school.roles_of(user_id) if school else frozenset()

    def memberships(self) -> Iterable[tuple[str, str, Role]]:
        """(school, user, role) for every named role holder, for mirroring into storage."""
        for school in self.schools:
            for user in school.coordinators:
                yield school.id, user, Role.COORDINATOR
            for user in school.directors:
                yield school.id, user, Role.DIRECTOR
            for user in sorted(school.members or ()):
                yield school.id, user, Role.REPORTER
