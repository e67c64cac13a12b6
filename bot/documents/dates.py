"""Dates as people read them: in the schools' time zone, day first."""

from __future__ import annotations

from datetime import date, datetime

from bot.flows.ports import SCHOOL_TIMEZONE


def show_date(value: date | datetime) -> str:
    """Dates as Dutch readers write them, in the schools' time zone."""
    if isinstance(value, datetime):
        return value.astimezone(SCHOOL_TIMEZONE).strftime("%d-%m-%Y %H:%M")
    return value.strftime("%d-%m-%Y")


def show_day(moment: datetime) -> str:
    """The day of a moment in the schools' time zone (a deadline, without its hour)."""
    return show_date(moment.astimezone(SCHOOL_TIMEZONE).date())
