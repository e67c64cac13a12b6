from tests.teams.school import teams

__all__ = ["teams"]
