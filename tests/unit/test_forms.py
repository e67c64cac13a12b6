"""bot.forms reads any platform's submitted values into a flow's form: here from plain data, as a
Teams dialog sends it, with every unreadable field named at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from bot.flows.errors import InvalidInput
from bot.flows.vocabulary import AgeBand, SignalCategory, SignalSource
from bot.forms import Field, close_form, record_id, signal_form
from tests.flows.forms import valid_form

TODAY = date(2026, 11, 16)


@dataclass
class DialogData:
    """A submission as flat data: one value (or a list) per field."""

    data: dict[str, object] = field(default_factory=dict)

    def text(self, name: str) -> str:
        return str(self.data.get(name) or "")

    def choice(self, name: str) -> str:
        return self.text(name)

    def choices(self, name: str) -> list[str]:
        value = self.data.get(name)
        return [str(v) for v in value] if isinstance(value, list) else []

    def date(self, name: str) -> str:
        return self.text(name)

    def user(self, name: str) -> str:
        return self.text(name)

    def users(self, name: str) -> list[str]:
        return self.choices(name)


def signal_data(**changes: object) -> DialogData:
    form = valid_form()
    data: dict[str, object] = {
        Field.PUPIL_NAME: form.pupil_name,
        Field.PUPIL_GROUP: form.pupil_group,
        Field.AGE_BAND: AgeBand.UNDER_12.value,
        Field.OBSERVED_ON: form.observed_on.isoformat(),
        Field.OBSERVED: form.observed,
        Field.LOCATION: form.location,
        Field.SOURCE: SignalSource.OWN_OBSERVATION.value,
        Field.CATEGORIES: [SignalCategory.PHYSICAL.value],
        Field.COUNTER_FACTS: form.counter_facts,
    }
    return DialogData({**data, **changes})


def test_a_submission_from_plain_data_is_the_same_form_as_from_a_slack_modal() -> None:
    assert signal_form(signal_data(), TODAY) == valid_form()


def test_every_unreadable_field_is_named_at_once() -> None:
    crafted = signal_data(**{Field.AGE_BAND: "ancient", Field.OBSERVED_ON: "13-11-2026", Field.CATEGORIES: ["x"]})

    with pytest.raises(InvalidInput) as refused:
        signal_form(crafted, TODAY)

    assert set(refused.value.problems) >= {Field.AGE_BAND, Field.OBSERVED_ON, Field.CATEGORIES}


def test_a_garbled_date_is_a_problem_of_its_field_beside_the_flows_own_rules() -> None:
    with pytest.raises(InvalidInput) as refused:
        close_form(DialogData({Field.CLOSE_NOTE: "Overgedragen", Field.FOLLOW_UP: "soon"}), TODAY)

    assert set(refused.value.problems) == {Field.FOLLOW_UP, Field.MONITORING}


@pytest.mark.parametrize("value", ["12", 12])
def test_an_id_is_a_whole_number_within_range(value: object) -> None:
    assert record_id(value) == 12


@pytest.mark.parametrize("value", [True, "-1", "1e3", 10**30, "", None, ["1"], "١٢"])
def test_anything_else_names_no_record(value: object) -> None:
    assert record_id(value) == 0
