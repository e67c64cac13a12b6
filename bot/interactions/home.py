"""What a person's own overview holds (Slack's App Home, Teams' *Mijn casussen*): the desk of open
cases for those who oversee a school, the cases whose team names them, their own reports, and the
anonymous counts where the policy shows them; each list at its own page."""

from __future__ import annotations

from bot.documents.desk import PLACE_PARTS, Home, HomePlace
from bot.flows.rules.access import Permission, schools_where
from bot.flows.services import Services
from bot.flows.steps.desk import Due, desk_for, team_desk_for
from bot.flows.steps.dossier import CasePage, reported_for_home
from bot.flows.steps.statistics import statistics_for
from bot.forms import MAX_ID, small_number


def place_of(value: object) -> HomePlace:
    """The place a paging button or a filter's option names; any garbage is the start of each list."""
    parts = [*str(value or "").split(":", len(PLACE_PARTS) - 1), *[""] * len(PLACE_PARTS)]
    overseen, reported, schools, team = (small_number(n, MAX_ID) for n in parts[:4])
    return HomePlace(overseen, reported, schools, team, school=parts[4][:64], due=parts[5][:32])


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
