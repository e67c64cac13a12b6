"""`meldbot demo` runs the scripted case offline and shows each person's screen."""

from __future__ import annotations

import io

from bot.demo import run_demo


def test_demo_shows_the_case_from_each_persons_side() -> None:
    out = io.StringIO()

    assert run_demo(out) == 0

    text = out.getvalue()
    assert "Je zorg is vastgelegd als MC-20" in text
    assert "DM from the bot to Sanne (zorgcoördinator)" in text
    assert "Mila Verzonnen, groep 5" in text  # in Sanne's dossier modal
    assert "Je hebt geen toegang" in text  # the forwarded button
    assert "⚠ Wanneer?: Deze datum ligt in de toekomst." in text
    assert "🚨 Acuut gevaar gemeld door" in text
    assert "pupil_name=v1:" in text
    dms = [line for line in text.splitlines() if line.strip().startswith("💬")]
    assert dms and not [line for line in dms if "Mila" in line or "Daan" in line or "jas" in line]
