"""The school configuration file (YAML): read, validated, and errors named by line."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError, model_validator

from bot.flows.rules.deadlines import DeadlinePolicy, SchoolCalendar, Vacation
from bot.flows.rules.directory import (
    DEFAULT_RETENTION_YEARS,
    DEFAULT_SMALL_NUMBERS,
    ENTRA_OBJECT_ID,
    Directory,
    RetentionPolicy,
    School,
)
from bot.flows.rules.social_map import Contact, ContactRole
from bot.flows.vocabulary import Language

# A person: a Slack member id, or on Teams their Entra object id (a school, or a board with schools
# on both platforms, names each person by the id of the platform they use).
UserId = Annotated[str, Field(pattern=rf"^([UW][A-Z0-9]{{2,}}|{ENTRA_OBJECT_ID.pattern[1:-1]})$")]


class ConfigError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class _Vacation(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    first: date = Field(alias="from")
    last: date = Field(alias="to")

    @model_validator(mode="after")
    def _ordered(self) -> _Vacation:
        if self.last < self.first:
            raise ValueError("'to' lies before 'from'")
        return self


WorkingDays = Annotated[int, Field(ge=1, le=60)]


class _Reminders(BaseModel):
    """DESIGN §4's terms; every one has the default the design gives."""

    model_config = ConfigDict(extra="forbid")

    # A string: unquoted 08:30 is a number in YAML 1.1 (510), which would silently mean 00:08:30.
    morning: Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")] = "08:30"
    vacations: list[_Vacation] = []
    open_on_good_friday: bool = False  # reminders then come on Goede Vrijdag too
    not_taken_working_days: WorkingDays = 1
    feedback_working_days: WorkingDays = 5
    feedback_repeat_days: Annotated[int, Field(ge=1, le=60)] = 7
    referral_check_days: Annotated[int, Field(ge=7, le=14)] = 10
    case_idle_working_days: WorkingDays = 10
    escalate_after_working_days: WorkingDays = 2
    recheck_working_days: WorkingDays = 3
    weekly_overview: bool = True  # each coordinator's overview on the week's first school morning

    def policy(self) -> DeadlinePolicy:
        hour, minute = (int(part) for part in self.morning.split(":"))
        vacations = tuple(Vacation(v.first, v.last) for v in self.vacations)
        calendar = SchoolCalendar(time(hour, minute), vacations, self.open_on_good_friday)
        terms = self.model_dump(exclude={"morning", "vacations", "open_on_good_friday", "weekly_overview"})
        return DeadlinePolicy(calendar=calendar, **terms)


class _Retention(BaseModel):
    """How long a closed case is kept (docs: README, Retention). Nothing is purged until confirmed."""

    model_config = ConfigDict(extra="forbid")

    years_after_closing: Annotated[int, Field(ge=1, le=20)] = DEFAULT_RETENTION_YEARS
    confirmed: bool = False


class _Contact(BaseModel):
    """One organisation of the school's sociale kaart: how to reach it, by phone or on the web."""

    model_config = ConfigDict(extra="forbid")

    organisation: Annotated[str, Field(min_length=1, max_length=100)]
    role: ContactRole
    phone: Annotated[str, Field(pattern=r"^\+?[0-9][0-9 -]{1,19}$")] | None = None
    website: Annotated[str, Field(pattern=r"^https?://[^\s<>|]{1,190}$")] | None = None

    @model_validator(mode="after")
    def _reachable(self) -> _Contact:
        if not self.phone and not self.website:
            raise ValueError("give a phone number or a website (or both)")
        return self


class _MemberGroup(BaseModel):
    """Reporters are the members of a Slack user group, kept current as the group changes."""

    model_config = ConfigDict(extra="forbid")

    usergroup: Annotated[str, Field(pattern=r"^S[A-Z0-9]{2,}$")]


def _members_form(value: Any) -> str:
    if isinstance(value, dict):
        return "members[group]"
    return "members[list]" if isinstance(value, list) else "members[all]"


# Checked as the form the value has, so that an error names that form only. (The tags hold "[" so
# that an error's location drops them, as it drops pydantic's own names for union branches.)
_Members = Annotated[
    Annotated[Literal["all"], Tag("members[all]")]
    | Annotated[list[UserId], Tag("members[list]")]
    | Annotated[_MemberGroup, Tag("members[group]")],
    Discriminator(_members_form),
]


class _SchoolEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
    name: Annotated[str, Field(min_length=1, max_length=200)]
    coordinators: Annotated[list[UserId], Field(min_length=1)]
    directors: list[UserId] = []
    members: _Members = "all"
    reminders: _Reminders = _Reminders()
    retention: _Retention = _Retention()
    language: Language = Language.NL  # staff may choose their own in the App Home
    contacts: Annotated[list[_Contact], Field(max_length=40)] = []


class _ConfigFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schools: Annotated[list[_SchoolEntry], Field(min_length=1)]
    admins: list[UserId] = []  # the board: anonymous statistics of every school, never a dossier
    # Counts from 1 up to below this show as "< n" to the board: a small number can point at a child.
    small_numbers: Annotated[int, Field(ge=2, le=50)] = DEFAULT_SMALL_NUMBERS


def load_directory(path: Path) -> Directory:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            [f"{path}: not found: set MELDBOT_CONFIG, or copy meldbot.example.yml to {path} and fill in your school"]
        ) from None
    return parse_directory(text, str(path))


def parse_directory(text: str, name: str) -> Directory:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise ConfigError([f"{name}:{line}: not valid YAML ({error.problem})"]) from None
    try:
        parsed = _ConfigFile.model_validate(data if data is not None else {})
    except ValidationError as error:
        lines: dict[tuple[int, str], str] = {}
        for problem in error.errors():
            loc = _clean(problem["loc"])
            lines.setdefault((_line_of(root, loc), _where(loc)), _describe(problem, loc))
        raise ConfigError([f"{name}:{line}: {text}" for (line, _), text in lines.items()]) from None
    problems = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(parsed.schools):
        line = _line_of(root, ("schools", index, "id"))
        if entry.id in seen:
            problems.append(f"{name}:{line}: school id '{entry.id}' is used twice (first on line {seen[entry.id]})")
        seen.setdefault(entry.id, line)
    if problems:
        raise ConfigError(problems)
    return Directory(tuple(_school(entry) for entry in parsed.schools), frozenset(parsed.admins), parsed.small_numbers)


def _school(entry: _SchoolEntry) -> School:
    return School(
        id=entry.id,
        name=entry.name,
        coordinators=tuple(entry.coordinators),
        directors=tuple(entry.directors),
        members=_members(entry.members),
        member_group=entry.members.usergroup if isinstance(entry.members, _MemberGroup) else None,
        deadlines=entry.reminders.policy(),
        weekly_overview=entry.reminders.weekly_overview,
        retention=RetentionPolicy(entry.retention.years_after_closing, entry.retention.confirmed),
        language=entry.language,
        contacts=tuple(Contact(c.organisation, c.role, c.phone or "", c.website or "") for c in entry.contacts),
    )


def _members(members: Literal["all"] | list[str] | _MemberGroup) -> frozenset[str] | None:
    if members == "all":
        return None
    # A group's members are read from the platform (bot.member_groups); until then, nobody's.
    return frozenset() if isinstance(members, _MemberGroup) else frozenset(members)


def _clean(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the parts pydantic adds for union and literal branches: they are not YAML keys."""
    return tuple(p for p in loc if isinstance(p, int) or ("[" not in p and not p.startswith("function-")))


def _where(loc: tuple[Any, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def _describe(problem: Any, loc: tuple[Any, ...]) -> str:
    where = _where(loc)
    kind = problem["type"]
    if kind == "extra_forbidden":
        return f"unknown key '{loc[-1]}'"
    if kind == "missing":
        return f"'{where}' is missing"
    if kind == "too_short" and loc[-1] == "coordinators":
        return f"'{where}': a school needs at least one coordinator"
    if loc[-1:] == ("morning",) and kind in ("string_pattern_mismatch", "string_type"):
        return f"'{where}': write the time in quotes, like \"08:30\""
    if loc[-1:] == ("role",):
        return f"'{where}': write one of {', '.join(str(role) for role in ContactRole)}"
    if loc[-1:] == ("phone",):
        return f"'{where}': write a phone number in digits, like \"0800-2000\" (in quotes)"
    if loc[-1:] == ("website",):
        return f"'{where}': write the whole address, like https://www.veiligthuis.nl"
    if loc[-1:] == ("usergroup",):
        return f"'{where}': '{problem['input']}' is not a Slack user group id (like S0123ABCD)"
    if kind == "string_pattern_mismatch" and "id" in loc[-1:]:
        return f"'{where}': use lowercase letters, digits, '-' or '_' (like 'linde')"
    if kind == "string_pattern_mismatch":
        return (
            f"'{where}': '{problem['input']}' is not a Slack user id (like U0123ABCD) "
            "nor an Entra object id (like 0c7e1a2b-3d4e-4f5a-8b6c-7d8e9f0a1b2c)"
        )
    if loc[-1:] == ("language",):
        return f"'{where}': write one of {', '.join(repr(str(language)) for language in Language)}"
    if loc and loc[-1] == "members":
        return f"'{where}': write 'all', a list of user ids, or {{usergroup: S0123ABCD}}"
    return f"'{where}': {str(problem['msg']).removeprefix('Value error, ')}"


def _line_of(root: yaml.Node | None, loc: tuple[Any, ...]) -> int:
    """The line of the deepest YAML node that the error location still reaches."""
    node = root
    line = node.start_mark.line + 1 if node is not None else 1
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((value for key, value in node.value if key.value == part), None)
            if child is None and isinstance(part, str):
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            continue
        node = child
        line = node.start_mark.line + 1
    return line
