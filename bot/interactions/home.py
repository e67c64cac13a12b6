"""What a person's own overview holds (Slack's App Home, Teams' *Mijn casussen*): the desk of open
cases for those who oversee a school, the cases whose team names them, their own reports, and the
anonymous counts where the policy shows them; each list at its own page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.flows.rules.access import Permission, schools_where
from bot.flows.services import Services
from bot.flows.steps.desk import Desk, Due, desk_for, team_desk_for
from bot.flows.steps.dossier import CasePage, reported_for_home
from bot.flows.steps.statistics import SchoolStatistics, statistics_for
from bot.forms import MAX_ID, small_number


@dataclass(frozen=True)
class HomePlace:
    """Where in each list the user is, and the desk's filters (what a paging button or a filter's
    option asks for, as its value)."""

    overseen: int = 0
    reported: int = 0
    schools: int = 0
    team: int = 0
    school: str = ""  # the desk's school filter ("" every school)
    due: str = ""  # the desk's group filter ("" every group)

    def value(self, **changed: int | str) -> str:
        moved = {name: getattr(self, name) for name in PLACE_PARTS} | changed
        return ":".join(str(moved[name]) for name in PLACE_PARTS)


PLACE_PARTS = ("overseen", "reported", "schools", "team", "school", "due")


def place_of(value: object) -> HomePlace:
    """The place a paging button or a filter's option names; any garbage is the start of each list."""
    parts = [*str(value or "").split(":", len(PLACE_PARTS) - 1), *[""] * len(PLACE_PARTS)]
    overseen, reported, schools, team = (small_number(n, MAX_ID) for n in parts[:4])
    return HomePlace(overseen, reported, schools, team, school=parts[4][:64], due=parts[5][:32])


@dataclass(frozen=True)
class Home:
    """`desk` is None for users who oversee no school (not a coordinator or director), `team` for
    users in no case's team; `statistics` is empty for users who may not see them."""

    is_member: bool
    desk: Desk | None
    team: Desk | None
    reported: CasePage
    statistics: Sequence[SchoolStatistics]
    place: HomePlace


def home_of(services: Services, user_id: str, place: HomePlace) -> Home:
    """The overview as this user may see it, at this place in its lists (blocking)."""
    statistics = statistics_for(services, user_id)
    if not schools_where(services.directory, user_id, Permission.REGISTER):  # opening it asks for nothing
        return Home(False, None, None, CasePage((), 0, 0), statistics, place)
    due = next((d for d in Due if d.value == place.due), None)
    desk = desk_for(services, user_id, school=place.school, due=due, offset=place.overseen)
    team = team_desk_for(services, user_id, offset=place.team)
    reported = reported_for_home(services, user_id, offset=place.reported)
    return Home(True, desk, team, reported, statistics, place)
