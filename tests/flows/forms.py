"""Forms and steps for flow tests, with invented content."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from bot.flows.ports import local_today
from bot.flows.services import Services
from bot.flows.steps.consultation import ConsultationForm, record_consultation
from bot.flows.steps.conversation import SkipForm, skip_conversation
from bot.flows.steps.registration import SignalForm
from bot.flows.steps.reporting import ReportForm
from bot.flows.vocabulary import (
    AgeBand,
    ConsultationKind,
    Informed,
    ReferenceIndex,
    ReportChannel,
    SignalCategory,
    SignalSource,
    SkipReason,
)
from tests.conftest import COORDINATOR


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


def valid_report(**changes: Any) -> ReportForm:
    """A melding the flow accepts for a pupil under 12, recorded by COORDINATOR."""
    form = ReportForm(
        reported_on=date(2026, 11, 16),
        reported_by=COORDINATOR,
        channel=ReportChannel.PHONE,
        own_facts="Zelf gezien.",
        parents_informed=Informed.YES,
        pupil_informed=Informed.NOT_APPLICABLE,
        reference_index=ReferenceIndex.LEFT_TO_OTHERS,
        reference_index_reason="Veilig Thuis neemt het op.",
    )
    return replace(form, **changes)


def steps_two_and_three(services: Services, user_id: str, case_id: int) -> None:
    """What question 1 presupposes: a consultation, and a conversation skipped with an allowed reason."""
    held_on = local_today(services.clock).date()
    consultation = ConsultationForm(ConsultationKind.INTERNAL_SUPPORT, held_on, "Samen overlegd.")
    record_consultation(services, user_id, case_id, consultation, f"consult-{case_id}")
    skip = SkipForm(SkipReason.CHILD_SAFETY, "Een gesprek brengt het kind nu in gevaar.")
    skip_conversation(services, user_id, case_id, skip, f"skip-{case_id}")
