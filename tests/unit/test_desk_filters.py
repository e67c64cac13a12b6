"""What the desk's filters offer, on every platform (bot.documents.desk): every group, then each
with its count; a group chosen before its last case moved on stays offered, so the filter still
shows what it is set to instead of silently reading "everything open"."""

from __future__ import annotations

from bot.catalogue import plain
from bot.documents.desk import group_choices, school_choices
from bot.flows.steps.desk import Desk, Due


def test_every_group_then_each_with_its_count_and_an_emptied_chosen_group_stays() -> None:
    desk = Desk((), 0, 0, {Due.TO_TAKE: 2, Due.FEEDBACK: 1}, 0)
    assert [value for value, _ in group_choices(desk)] == ["", "to_take", "feedback"]
    assert plain(group_choices(desk)[1][1]).endswith("(2)")

    emptied = Desk((), 0, 0, {Due.TO_TAKE: 2}, 0, due=Due.STEPS)
    assert [value for value, _ in group_choices(emptied)] == ["", "to_take", "steps"]
    assert plain(group_choices(emptied)[2][1]).endswith("(0)")


def test_every_school_then_each_overseen_school() -> None:
    choices = school_choices((("linde", "Basisschool De Linde"), ("eik", "Kindcentrum De Eik")))
    assert [value for value, _ in choices] == ["", "linde", "eik"]
    assert choices[1][1] == "Basisschool De Linde"
