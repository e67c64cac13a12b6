"""Who holds which role at which school, as the configuration says (never as a payload says)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from bot.flows.rules.deadlines import DeadlinePolicy
from bot.flows.rules.social_map import Contact, social_map
from bot.flows.vocabulary import Language, Role

# Two years after closing, after the rule for the leerlingdossier (kept at most two years after
# a pupil leaves). A proposal only: each school confirms it, or sets its own, in meldbot.yml.
DEFAULT_RETENTION_YEARS = 2
# The interne evaluatie shows the board counts from 1 to 4 as "< 5" (a common threshold for small cells).
DEFAULT_SMALL_NUMBERS = 5


# A Microsoft Entra object id (how Teams names a person), as meldbot.yml keeps it: lowercase.
ENTRA_OBJECT_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def platform_of(user_id: str) -> str:
    """The platform someone named in meldbot.yml is on, by the shape of their id: an Entra object
    id is on Teams, anything else (a Slack member id) on Slack. The two never look alike."""
    return "teams" if ENTRA_OBJECT_ID.match(user_id) else "slack"


@dataclass(frozen=True)
class RetentionPolicy:
    years_after_closing: int = DEFAULT_RETENTION_YEARS
    confirmed: bool = False  # until the school confirms, nothing is purged and `meldbot check` says so


@dataclass(frozen=True)
class School:
    id: str
    name: str
    coordinators: tuple[str, ...]
    directors: tuple[str, ...]
    # Who may report: None is everyone in the workspace; with a member group, its members as last known.
    members: frozenset[str] | None
    deadlines: DeadlinePolicy = field(default_factory=DeadlinePolicy)
    retention: RetentionPolicy = field(default_factory=RetentionPolicy)
    language: Language = Language.NL  # what its staff read unless they choose for themselves
    contacts: tuple[Contact, ...] = ()  # its own sociale kaart; the national numbers come with every school
    weekly_overview: bool = True  # its coordinators hear on the week's first school morning what is open
    member_group: str | None = None  # the platform's user group whose members may report, in place of a list

    @property
    def social_map(self) -> tuple[Contact, ...]:
        return social_map(self.contacts)

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
    admins: frozenset[str] = frozenset()  # the board's admins, for every school in the file
    small_numbers: int = DEFAULT_SMALL_NUMBERS  # the board sees smaller counts as "< small_numbers"

    def refresh(self) -> None:
        """Take in a changed configuration, once per request or job (a fixed configuration has none)."""

    def member_groups(self) -> frozenset[str]:
        """The user groups whose members some school lets report."""
        return frozenset(s.member_group for s in self.schools if s.member_group)

    def with_group_members(self, members: Mapping[str, frozenset[str]]) -> Directory:
        """This directory with each member group's members filled in. A group whose members are not
        known (never read from the platform) lets nobody report: access is never granted by guessing."""
        schools = tuple(
            replace(s, members=members.get(s.member_group, frozenset())) if s.member_group else s for s in self.schools
        )
        return replace(self, schools=schools)

    def school(self, school_id: str) -> School | None:
        return next((s for s in self.schools if s.id == school_id), None)

    def schools_of(self, user_id: str) -> list[School]:
        """The schools where this user may at least report."""
        return [s for s in self.schools if s.roles_of(user_id)]

    def schools_naming(self, user_id: str) -> list[School]:
        """The schools whose file names this person (a role, or a member list), not only lets them report."""
        return [s for s in self.schools if s.roles_of(user_id) - {Role.REPORTER} or user_id in (s.members or ())]

    def language_of(self, user_id: str) -> Language:
        """The school language for this person: of a school naming them first, else of one that
        lets everyone report; a board admin named nowhere reads the first school's."""
        open_to_all = [s for s in self.schools if s.members is None]
        first = next(iter(self.schools_naming(user_id) or open_to_all or self.schools), None)
        return first.language if first else Language.NL

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
            for user in sorted(self.admins):
                yield school.id, user, Role.ADMIN
