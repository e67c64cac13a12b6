"""The message catalogue: every sentence a user sees, Dutch first.

Texts hold no personal data; placeholders take case references, user mentions and numbers.
"""

from __future__ import annotations

VEILIG_THUIS = "0800-2000"

_NL: dict[str, str] = {
    # Entry points
    "dm_intro": (
        "Hallo! Met mij leg je een zorg over een leerling vast volgens de meldcode huiselijk geweld "
        "en kindermishandeling. Schrijf hier geen namen of details: berichten in dit gesprek blijven in "
        "de geschiedenis van Slack staan en verschijnen in meldingen. Gebruik de knop: het formulier "
        "wordt versleuteld opgeslagen en alleen wie dat nodig heeft, kan het lezen."
    ),
    "button_start": "Zorg melden",
    "button_open_case": "Open casus",
    "button_finish_draft": "Afronden",
    # Intake modal
    "modal_intake_title": "Zorg melden",
    "modal_next": "Volgende",
    "modal_cancel": "Annuleren",
    "modal_save": "Vastleggen",
    "modal_close": "Sluiten",
    "intake_intro": (
        "Je legt vast wat je zag of hoorde, niet wat je denkt dat er aan de hand is. Dat is genoeg: "
        "de zorgcoördinator neemt het vanaf hier samen met jou op."
    ),
    "label_school": "School",
    "label_route": "Over wie gaat je zorg?",
    "route_home": "Een situatie thuis (ouders, verzorgers of huisgenoten)",
    "route_staff_member": "Een medewerker van school",
    "route_between_children": "Iets tussen leerlingen",
    "label_acute": "Is een kind nu in acuut gevaar?",
    "yes": "Ja",
    "no": "Nee",
    # Signal modal
    "modal_signal_title": "Signaal vastleggen",
    "label_pupil_name": "Naam van de leerling",
    "label_pupil_group": "Groep of klas",
    "label_age_band": "Leeftijd",
    "age_under_12": "Jonger dan 12",
    "age_12_16": "12 tot 16",
    "age_16_plus": "16 of ouder",
    "label_observed": "Wat heb je gezien of gehoord?",
    "hint_observed": "Feiten, geen interpretaties: wat zag of hoorde je precies, in de woorden die gebruikt werden?",
    "label_observed_on": "Wanneer?",
    "label_location": "Waar?",
    "label_source": "Bron",
    "source_own": "Eigen waarneming",
    "source_told": "Verteld door een ander",
    "label_source_detail": "Wie vertelde het?",
    "hint_source_detail": "Alleen invullen als iemand anders het vertelde: de rol, bijvoorbeeld 'de leerling zelf'.",
    "label_categories": "Soort signaal",
    "category_physical": "Lichamelijk",
    "category_behaviour": "Gedrag",
    "category_emotional": "Emotioneel of in de ontwikkeling",
    "category_parent": "Signalen bij ouders",
    "category_disclosure": "Het kind vertelt het zelf",
    "category_other": "Anders",
    "label_counter_facts": "Wat wijst de andere kant op?",
    "hint_counter_facts": "Feiten die de zorg tegenspreken of verzachten. Ook die horen in het dossier.",
    # Field errors
    "error_required": "Vul dit in.",
    "error_too_long": (
        "Dit is {length} tekens; hier passen er {limit}. Er is niets weggehaald: kort het zelf in, "
        "of zet de rest in een tweede signaal."
    ),
    "error_future_date": "Deze datum ligt in de toekomst.",
    "error_source_detail_required": "Vul in wie het vertelde.",
    # Outcomes shown in the modal
    "acute_banner": (
        ":rotating_light: *Acuut gevaar?* Bel *112* bij direct levensgevaar. Veilig Thuis is dag en nacht "
        f"bereikbaar op *{VEILIG_THUIS}* (gratis). De zorgcoördinator en de directie zijn al gewaarschuwd."
    ),
    "registered_title": "Vastgelegd",
    "registered_new": "Je zorg is vastgelegd als *{reference}*.",
    "registered_added": "Je signaal is toegevoegd aan *{reference}*.",
    "registered_next": (
        "De zorgcoördinator is op de hoogte en pakt het op. Je hoort het als de casus is opgepakt en als "
        "hij wordt afgesloten, zonder details. Nieuwe signalen? Meld ze gewoon opnieuw."
    ),
    "advice_line": f"Twijfel je of wil je advies? Bel Veilig Thuis: {VEILIG_THUIS}. Je mag daar anoniem overleggen.",
    "choice_title": "Lopende casus",
    "choice_intro": "Voor deze leerling loopt al een casus: *{reference}*. Hoe wil je je signaal vastleggen?",
    "choice_add": "Toevoegen aan {reference}",
    "choice_new": "Als nieuwe casus vastleggen",
    "guidance_title": "Andere route",
    "board_route": (
        "Een vermoeden van een zedendelict, geweld of intimidatie door een medewerker valt niet onder de "
        "meldcode. Je bent wettelijk verplicht dit *direct* te melden bij het bevoegd gezag (het "
        "schoolbestuur); het bestuur overlegt met de vertrouwensinspecteur (0900-1113111). "
        "De directie is gewaarschuwd. Vastgelegd als *{reference}*, zonder verdere gegevens."
    ),
    "safety_plan_route": (
        "Zorgen over wat leerlingen elkaar aandoen vallen onder het veiligheidsplan van de school, niet "
        "onder de meldcode. Bespreek het met de zorgcoördinator en volg het veiligheidsplan. Is een kind "
        "ook thuis niet veilig? Meld dan opnieuw en kies 'Een situatie thuis'."
    ),
    # Notifications (reference and step only)
    "notice_case_registered": "Nieuwe zorgmelding *{reference}*: stap 1, signalen in kaart brengen.",
    "notice_signal_added": "Nieuw signaal bij *{reference}*.",
    "notice_urgent_prefix": ":rotating_light: *Acuut gevaar gemeld.* ",
    "notice_acute_alert": (
        ":rotating_light: *Acuut gevaar gemeld* door <@{reporter_id}>. Neem direct contact op. "
        f"Veilig Thuis: {VEILIG_THUIS}; bij direct levensgevaar 112."
    ),
    "notice_board_route": (
        "Vermoeden tegen een medewerker vastgelegd als *{reference}*. Het bevoegd gezag moet direct worden "
        "ingelicht; het bestuur overlegt met de vertrouwensinspecteur."
    ),
    "notice_registration_confirmed_new": "Je zorg is vastgelegd als *{reference}*. De zorgcoördinator is op de hoogte.",
    "notice_registration_confirmed_added": (
        "Je signaal is toegevoegd aan *{reference}*. De zorgcoördinator is op de hoogte."
    ),
    "notice_draft_pending": (
        "Je signaal is bewaard, maar nog niet bij een casus vastgelegd. Kies hoe je het wilt vastleggen."
    ),
    # Case views
    "state_new": "Nieuw: nog niet opgepakt",
    "state_referred_to_board": "Doorverwezen naar het bevoegd gezag",
    "route_label_home": "Meldcode (situatie thuis)",
    "route_label_staff_member": "Vermoeden tegen een medewerker",
    "route_label_between_children": "Tussen leerlingen",
    "dossier_pupil": "*Leerling:* {name}, {group} ({age})",
    "dossier_meta": "{school} · {route} · gemeld door <@{reporter_id}> op {date}",
    "dossier_state": "*Stand:* {state}",
    "dossier_acute": ":rotating_light: Bij registratie is acuut gevaar gemeld.",
    "dossier_signals": "Signalen ({count})",
    "dossier_signal_head": "*Signaal {number}* · {date} · {categories}",
    "dossier_signal_meta": "Vastgelegd door <@{reporter_id}> op {recorded}",
    "dossier_location": "Waar: {location}",
    "dossier_source_own": "Bron: eigen waarneming",
    "dossier_source_told": "Bron: verteld door {who}",
    "dossier_counter_facts": "Wat de andere kant op wijst:",
    "dossier_more": "Er zijn nog {count} oudere signalen die hier niet passen.",
    "dossier_no_pupil": "Voor deze route worden geen gegevens van een leerling vastgelegd.",
    "status_text": "*{reference}*\nStand: {state}\nGemeld op {date}",
    "status_private": "Wat anderen aan de casus toevoegen, is alleen zichtbaar voor wie de casus behandelt.",
    # App Home
    "home_title": "Meldcode huiselijk geweld en kindermishandeling",
    "home_intro": (
        "Heb je een niet-pluisgevoel over een leerling? Leg vast wat je zag of hoorde. De zorgcoördinator "
        "wordt meteen ingelicht en neemt het met je op."
    ),
    "home_emergency": f":rotating_light: Acuut gevaar: bel *112*. Veilig Thuis, dag en nacht: *{VEILIG_THUIS}*.",
    "home_open_cases": "Open casussen",
    "home_my_reports": "Mijn meldingen",
    "home_case_line": "*{reference}* · {state} · {date}",
    "home_none": "Geen.",
    # Errors
    "error_not_a_member": (
        "Je staat nog niet bij een school in de meldcode-bot, dus er is niets opgeslagen. Vraag de "
        "zorgcoördinator of de beheerder van de bot om je toe te voegen. Acuut gevaar? Bel 112 of "
        f"Veilig Thuis: {VEILIG_THUIS}."
    ),
    "error_no_access": (
        "Je hebt geen toegang tot deze casus. Alleen wie de casus behandelt, kan hem openen. "
        "Heb je zelf een zorg? Gebruik dan /meldcode."
    ),
    "error_case_not_found": "Deze casus bestaat niet (meer).",
    "error_draft_gone": "Dit signaal is al vastgelegd of hoort niet bij jou.",
    "error_invalid_input": "Niet alles is goed ingevuld.",
    "error_generic": (
        "Er ging iets mis (code {incident}). Wat al was opgeslagen, blijft bewaard. Probeer het opnieuw; "
        "blijft het misgaan, geef de code dan door aan de beheerder van de bot."
    ),
    "error_title": "Dat lukte niet",
}


def t(key: str, /, **values: object) -> str:
    """The sentence for `key`, with placeholders filled in."""
    text = _NL[key]
    return text.format(**values) if values else text
