"""Notices as Teams cards: valid Adaptive Cards 1.5; a click that is the whole act is an
Action.Execute, one that needs a form opens a dialog; text is never read as formatting."""

from __future__ import annotations

from markupsafe import Markup

from bot.documents.notices import Button, Does, Notice
from bot.teams.cards import notice_card, teams_markdown
from tests.teams.adaptive_cards import card_problems, renderer_problems


def test_an_act_in_place_is_an_execute_and_a_form_opens_a_dialog() -> None:
    notice = Notice(
        "x",
        "Verwijzing MC-2026-0001 nagaan",
        (
            Button(Does.CONFIRM_REFERRAL, "Verwijzing loopt", "12", primary=True),
            Button(Does.POSTPONE, "Uitstellen", "12"),
        ),
    )

    card = notice_card(notice).model_dump(exclude_none=True, by_alias=True)

    assert card_problems(card) == []
    confirm, postpone = card["actions"]
    assert (confirm["type"], confirm["verb"], confirm["data"], confirm["style"]) == (
        "Action.Execute",
        "confirm_referral",
        {"value": "12"},
        "positive",
    )
    assert (postpone["type"], postpone["data"]["msteams"]["type"], postpone["data"]["dialog_id"]) == (
        "Action.Submit",
        "task/fetch",
        "postpone",
    )


def test_emphasis_is_markdown_and_everything_else_is_text() -> None:
    sentence = Markup("<b>{}</b> is nieuw").format("MC-2026-0001 *_[x](y)")

    assert teams_markdown(sentence) == r"**MC-2026-0001 \*\_\[x\](y)** is nieuw"
    assert teams_markdown("**getypt**") == r"\*\*getypt\*\*"


def test_microsofts_library_finds_what_teams_would_refuse() -> None:
    """The renderer check can fail: a card with two inputs of one id, a required one without the
    sentence Teams shows when it is left empty, and six buttons in a row."""
    crowded = [{"type": "Action.Submit", "title": str(n)} for n in range(6)]
    card = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [
            {"type": "Input.Text", "id": "a", "isRequired": True, "label": "A"},
            {"type": "Input.Text", "id": "a"},
            {"type": "ActionSet", "actions": crowded},
        ],
    }

    said = renderer_problems(card)

    assert 'Duplicate Id "a"' in said and "error message" in said and "Maximum number of actions" in said
