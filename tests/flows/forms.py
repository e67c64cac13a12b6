"""A valid signal form for flow tests, with invented content."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from bot.flows.registration import SignalForm
from bot.flows.vocabulary import AgeBand, SignalCategory, SignalSource


def valid_form(**changes: Any) -> SignalForm:
    form = SignalForm(
        pupil_name="Fenna Testkind-Zonderbestaan",
        pupil_group="groep 5",
        age_band=AgeBand.UNDER_12,
        observed_on=date(2026, 11, 13),
        observed="Blauwe plekken op beide onderarmen, zichtbaar bij de gymles.",
        location="Gymzaal",
        source=SignalSource.OWN_OBSERVATION,
        categories=(SignalCategory.PHYSICAL,),
        counter_facts="Speelt sinds kort op een klimclub.",
    )
    return replace(form, **changes)
