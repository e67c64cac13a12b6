"""`meldbot demo` runs the scripted case offline and shows each person's screen, in Dutch or English.

What each person should see is made from the catalogue in the demo's language, so that the test
holds what the demo shows (the steps, who sees what), not the wording of a sentence.
"""

from __future__ import annotations

import io

import pytest

from bot.catalogue import plain, speaking, t
from bot.demo import as_read, run_demo
from bot.documents.labels import label
from bot.flows.steps.desk import Due
from bot.flows.vocabulary import Language

REFERENCE = "MC-2026-0001"


def _shown(key: str, **values: object) -> str:
    """A sentence as the demo's terminal shows it (a person by first name, no emphasis)."""
    return as_read(plain(t(key, **values), lambda person: f"@{person}"))


@pytest.mark.parametrize("language", list(Language))
def test_demo_shows_the_case_from_each_persons_side_in_its_language(language: Language) -> None:
    out = io.StringIO()

    assert run_demo(out, language) == 0

    text = out.getvalue()
    with speaking(language):
        expected = [
            _shown("registered_new", reference=REFERENCE),
            _shown("demo_dm", person=t("demo_sanne")),
            _shown("pupil_line", name="Mila Verzonnen", group=plain(t("demo_typed_group_mila")), age=t("age_under_12")),
            _shown("error_no_access"),  # the forwarded button
            _shown("error_future_date"),
            _shown("notice_acute_alert", reporter_id="UBRAM0002"),
            # Steps 2 to 5: taken, weighed, a help plan with its casemanager, then a melding.
            _shown("notice_case_taken", reference=REFERENCE),
            _shown("notice_director_informed", reference=REFERENCE),
            _shown("notice_casemanager", reference=REFERENCE),
            _shown("timeline_question_answered", number=5, answer=t("answer_no")),
            # Time travel: the referral check, the evaluation at the term, Veilig Thuis' feedback.
            _shown("reminder_referral", reference=REFERENCE),
            _shown("reminder_referral_done", reference=REFERENCE),
            _shown("reminder_feedback", reference=REFERENCE),
            f"[ {_shown('answer_yes')} ]  [ {_shown('answer_no')} ]",
            # Sanne's desk, the acute concern to take first, and the school year's evaluation.
            _shown(
                "desk_case_line",
                reference="MC-2026-0002",
                pupil=t("desk_pupil", name="Daan Voorbeeld", group=plain(t("demo_typed_group_daan"))),
                due=label(Due.TO_TAKE),
            ),
            _shown("evaluation_reported") + " · 1",
            _shown("demo_evaluation_opened"),
            _shown("demo_anna_starts", anna=t("demo_anna")),
            _shown("demo_end"),
        ]
        other = Language.EN if language is Language.NL else Language.NL
    assert [sentence for sentence in expected if sentence not in text] == []
    assert "pupil_name=v1:" in text  # stored encrypted
    # Nothing of the other language slipped in: its narration and its screens.
    with speaking(other):
        assert _shown("demo_end") not in text
        assert _shown("registered_new", reference=REFERENCE) not in text
    # Messages carry no pupil data.
    dms = [line for line in text.splitlines() if line.strip().startswith("💬")]
    assert dms and not [line for line in dms if "Mila" in line or "Daan" in line]
