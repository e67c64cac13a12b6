"""`meldbot demo` runs the scripted cases offline and shows each person's screen."""

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
    assert "each chained to the one before: intact" in text
    # Steps 2 to 5: taken, weighed, a help plan with its casemanager, then a melding under meldnorm 3.
    assert "Je zorg MC-2026-0001 is opgepakt" in text
    assert "het afwegingskader loopt" in text
    assert "Je bent casemanager van het hulpplan bij MC-2026-0001" in text
    assert "Gemeld bij Veilig Thuis op" in text and "(meldnorm 3)" in text
    assert "beantwoordde vraag 5: Nee" in text
    dms = [line for line in text.splitlines() if line.strip().startswith("💬")]
    assert dms and not [line for line in dms if "Mila" in line or "Daan" in line or "jas" in line]
    # Time travel: the referral check, the evaluation at the term, Veilig Thuis' feedback.
    assert "is het gezin gestart bij de hulp" in text and "vastgelegd dat het gezin bij de hulp is gestart" in text
    assert "de termijn van het hulpplan is bereikt" in text and "[ Ja ]  [ Nee ]" in text
    assert "is de terugkoppeling van Veilig Thuis op de melding binnen?" in text
    assert "Je krijgt op" in text and "opnieuw een herinnering" in text
    assert "de meldcode-bot · stuurde een herinnering: evaluatie van het hulpplan (vraag 5)" in text
