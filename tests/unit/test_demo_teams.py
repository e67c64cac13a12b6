"""`meldbot demo --platform teams`: the same case in Teams, offline, as each person sees it: the cards
in their chat with the bot and the dialogs it opens. With `--json`, every card and dialog shown is
one JSON object a line on stdout (the narration on stderr), each passing the Adaptive Cards schema.
What each person should see is made from the catalogue, as in the Slack demo's test."""

from __future__ import annotations

import io
import json

import pytest

from bot.catalogue import plain, speaking, t
from bot.cli import EXIT_PROBLEM, main
from bot.demo_teams import run_teams_demo
from bot.documents.labels import label
from bot.flows.steps.desk import Due
from bot.flows.vocabulary import Language
from tests.teams.adaptive_cards import conform

REFERENCE = "MC-2026-0001"
PUPILS = ("Mila Verzonnen", "Daan Voorbeeld")


def _shown(key: str, **values: object) -> str:
    """A sentence as the demo's terminal shows it in Teams (no emphasis)."""
    return plain(t(key, **values))


@pytest.mark.parametrize("language", list(Language))
def test_the_teams_demo_shows_the_case_from_each_persons_side(language: Language) -> None:
    out = io.StringIO()

    assert run_teams_demo(out, io.StringIO(), language) == 0

    text = out.getvalue()
    with speaking(language):
        expected = [
            _shown("dm_intro", platform="Teams"),
            f"[ {_shown('button_start')} ]  [ {_shown('button_my_cases')} ]",
            _shown("registered_new", reference=REFERENCE),
            _shown("error_future_date"),  # under its field, in the dialog as typed
            _shown("error_no_access"),  # the forwarded button
            _shown("notice_case_taken", reference=REFERENCE),
            _shown("notice_casemanager", reference=REFERENCE),
            _shown("reminder_referral_done", reference=REFERENCE),  # the card, changed in place
            _shown("timeline_question_answered", number=5, answer=t("answer_no")),
            _shown("reminder_feedback", reference=REFERENCE),
            _shown("my_cases_title"),
            _shown(
                "desk_case_line",
                reference="MC-2026-0002",
                pupil=t("desk_pupil", name="Daan Voorbeeld", group=plain(t("demo_typed_group_daan"))),
                due=label(Due.TO_TAKE),
            ),
            _shown("demo_end_teams"),
        ]
    assert [sentence for sentence in expected if sentence not in text] == []
    assert "pupil_name=v1:" in text  # stored encrypted
    cards = [line for line in text.splitlines() if line.strip().startswith("💬")]
    assert cards and not [line for line in cards if any(pupil in line for pupil in PUPILS)]


def test_json_gives_every_card_and_dialog_a_line_and_pupils_only_in_dialogs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--platform", "teams", "--json"]) == 0

    out, err = capsys.readouterr()
    shown = [json.loads(line) for line in out.splitlines()]
    assert {s["surface"] for s in shown} == {"card", "dialog"} and len(shown) > 30
    assert _shown("demo_end_teams") in err  # the narration, beside the JSON
    for item in shown:
        assert item["card"]["type"] == "AdaptiveCard" and item["person"] and item["name"]
        if item["surface"] == "card":  # a card in a chat: never a pupil
            assert not any(pupil in json.dumps(item["card"], ensure_ascii=False) for pupil in PUPILS)
    assert any("Mila Verzonnen" in json.dumps(s["card"], ensure_ascii=False) for s in shown if s["surface"] == "dialog")
    assert main(["demo", "--json"]) == EXIT_PROBLEM  # Slack's screens are not cards
    conform(*(item["card"] for item in shown))
