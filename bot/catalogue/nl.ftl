# The Dutch catalogue: every sentence a user sees.
#
# Markup: <b>…</b> is emphasis; PERSON($id) names a person (each platform shows it its own way).

-veilig-thuis-phone = 0800-2000

dm_file_not_taken =
    De bot neemt geen bestanden aan. Wat je hier deelt, staat nu in je OneDrive en in dit gesprek: gaat het over een leerling, verwijder het dan op beide plekken.
dm_intro =
    Hallo! Met mij leg je een zorg over een leerling vast volgens de meldcode huiselijk geweld en kindermishandeling. Schrijf hier geen namen of details: berichten in dit gesprek blijven in de geschiedenis van { $platform } staan en verschijnen in meldingen. Gebruik de knop: het formulier wordt versleuteld opgeslagen en alleen wie dat nodig heeft, kan het lezen.
button_start = Zorg melden
button_open_case = Open casus
button_finish_draft = Afronden
modal_intake_title = Zorg melden
modal_next = Volgende
modal_cancel = Annuleren
modal_save = Vastleggen
modal_close = Sluiten
intake_intro =
    Je legt vast wat je zag of hoorde, niet wat je denkt dat er aan de hand is. Dat is genoeg: de zorgcoördinator neemt het vanaf hier samen met jou op.
label_school = School
label_route = Over wie gaat je zorg?
route_home = Een situatie thuis (ouders, verzorgers of huisgenoten)
route_staff_member = Een medewerker van school
route_between_children = Iets tussen leerlingen
label_acute = Is een kind nu in acuut gevaar?
yes = Ja
no = Nee
modal_signal_title = Signaal vastleggen
signal_guidance =
    Leg vast wat je zag of hoorde, zo letterlijk mogelijk: waarnemingen, geen interpretaties of conclusies. Schrijf ook op wat de zorg tegenspreekt. Zekerheid is niet nodig: een niet-pluisgevoel is genoeg om het vast te leggen.
label_pupil_name = Naam van de leerling
label_pupil_group = Groep of klas
label_age_band = Leeftijd
age_under_12 = Jonger dan 12
age_12_16 = 12 tot 16
age_16_plus = 16 of ouder
age_unknown = leeftijd onbekend
label_observed = Wat heb je gezien of gehoord?
hint_observed = Feiten, geen interpretaties: wat zag of hoorde je precies, in de woorden die gebruikt werden?
label_observed_on = Wanneer?
label_location = Waar?
label_source = Bron
source_own = Eigen waarneming
source_told = Verteld door een ander
label_source_detail = Wie vertelde het?
hint_source_detail = Alleen invullen als iemand anders het vertelde: de rol, bijvoorbeeld 'de leerling zelf'.
label_categories = Soort signaal
category_physical = Lichamelijk
category_behaviour = Gedrag
category_emotional = Emotioneel of in de ontwikkeling
category_parent = Signalen bij ouders
category_disclosure = Het kind vertelt het zelf
category_other = Anders
label_counter_facts = Wat wijst de andere kant op?
hint_counter_facts = Feiten die de zorg tegenspreken of verzachten. Ook die horen in het dossier.
error_required = Vul dit in.
error_too_long =
    Dit is { $length ->
        [one] { $length } teken
       *[other] { $length } tekens
    }; hier { $limit ->
        [one] past er { $limit }
       *[other] passen er { $limit }
    }. Er is niets weggehaald: kort het zelf in, of zet de rest in een tweede signaal.
error_future_date = Deze datum ligt in de toekomst.
error_source_detail_required = Vul in wie het vertelde.
acute_banner =
    🚨 <b>Acuut gevaar?</b> Bel <b>112</b> bij direct levensgevaar. Veilig Thuis is dag en nacht bereikbaar op <b>{ -veilig-thuis-phone }</b> (gratis). De zorgcoördinator en de directie zijn al gewaarschuwd.
acute_banner_staff =
    🚨 <b>Acuut gevaar?</b> Bel <b>112</b> bij direct levensgevaar. Veilig Thuis is dag en nacht bereikbaar op <b>{ -veilig-thuis-phone }</b> (gratis). Zodra je hieronder kiest, waarschuwt de bot de zorgcoördinator en wie je kiest; sluit je dit venster, dan alleen de zorgcoördinator.
registered_title = Vastgelegd
registered_new = Je zorg is vastgelegd als <b>{ $reference }</b>.
registered_added = Je signaal is toegevoegd aan <b>{ $reference }</b>.
registered_next =
    De zorgcoördinator is op de hoogte en pakt het op. Je hoort het als de casus is opgepakt en als hij wordt afgesloten, zonder details. Nieuwe signalen? Meld ze gewoon opnieuw.
advice_line = Twijfel je of wil je advies? Bel Veilig Thuis: { -veilig-thuis-phone }. Je mag daar anoniem overleggen.
choice_title = Lopende casus
choice_intro = Voor deze leerling loopt al een casus: <b>{ $reference }</b>. Hoe wil je je signaal vastleggen?
choice_add = Toevoegen aan { $reference }
choice_new = Als nieuwe casus vastleggen
guidance_title = Andere route
board_route_intro =
    Een vermoeden van een zedendelict, geweld of intimidatie door een medewerker valt niet onder de meldcode. Je bent wettelijk verplicht dit <b>direct</b> te melden bij het bevoegd gezag (het schoolbestuur). Het bestuur overlegt met de vertrouwensinspecteur (0900-1113111) en moet bij een vermoeden van een zedendelict daarna aangifte doen bij politie of justitie. De bot legt alleen vast dat deze route is genomen, zonder gegevens, en waarschuwt wie je hieronder kiest.
label_board_alert = Wie waarschuwt de bot?
board_alert_director = De directie
board_alert_board = Het bestuur (bijvoorbeeld als het vermoeden de directie betreft)
board_alert_nobody =
    ⚠️ In de bot is geen directie of bestuur ingesteld. Licht het bestuur zelf direct in; de bot legt alleen vast dat deze route is genomen.
board_route_director =
    Vastgelegd als <b>{ $reference }</b>, zonder verdere gegevens. De directie is gewaarschuwd (alleen het kenmerk) en zorgt dat het bestuur het direct hoort. Het bestuur overlegt met de vertrouwensinspecteur en doet bij een vermoeden van een zedendelict aangifte bij politie of justitie.
board_route_board =
    Vastgelegd als <b>{ $reference }</b>, zonder verdere gegevens. Het bestuur is gewaarschuwd (alleen het kenmerk), niet de directie. Het bestuur overlegt met de vertrouwensinspecteur en doet bij een vermoeden van een zedendelict aangifte bij politie of justitie.
board_route_nobody =
    Vastgelegd als <b>{ $reference }</b>, zonder verdere gegevens. Licht het bestuur nu zelf in: het overlegt met de vertrouwensinspecteur (0900-1113111) en doet bij een vermoeden van een zedendelict aangifte bij politie of justitie.
safety_plan_route =
    Zorgen over wat leerlingen elkaar aandoen vallen onder het veiligheidsplan van de school, niet onder de meldcode. Bespreek het met de zorgcoördinator en volg het veiligheidsplan. Is een kind ook thuis niet veilig? Meld dan opnieuw en kies 'Een situatie thuis'.
notice_case_registered = Nieuwe zorgmelding <b>{ $reference }</b>: stap 1, signalen in kaart brengen.
notice_signal_added = Nieuw signaal bij <b>{ $reference }</b>.
notice_case_registered_urgent = 🚨 <b>Acuut gevaar gemeld.</b> Nieuwe zorgmelding <b>{ $reference }</b>: stap 1, signalen in kaart brengen.
notice_signal_added_urgent = 🚨 <b>Acuut gevaar gemeld.</b> Nieuw signaal bij <b>{ $reference }</b>.
notice_acute_alert =
    🚨 <b>Acuut gevaar gemeld</b> door { PERSON($reporter_id) }. Neem direct contact op. Veilig Thuis: { -veilig-thuis-phone }; bij direct levensgevaar 112.
notice_board_route =
    Vermoeden tegen een medewerker vastgelegd als <b>{ $reference }</b>. Het bevoegd gezag moet direct worden ingelicht; het bestuur overlegt met de vertrouwensinspecteur en doet bij een vermoeden van een zedendelict aangifte bij politie of justitie.
notice_board_route_board =
    Een medewerker meldt een vermoeden tegen een medewerker: <b>{ $reference }</b>. Als bevoegd gezag overleg je direct met de vertrouwensinspecteur (0900-1113111); bij een vermoeden van een zedendelict doe je daarna aangifte bij politie of justitie. De directie is op verzoek van de melder niet gewaarschuwd.
notice_staff_route_unrecorded =
    Je hebt een vermoeden tegen een medewerker niet vastgelegd, en de bot heeft niemand gewaarschuwd. Je bent wettelijk verplicht het bevoegd gezag (het schoolbestuur) direct in te lichten. Leg het alsnog vast met de knop, of licht het bestuur zelf in.
notice_board_route_noted =
    <b>{ $reference }</b>: een vermoeden tegen een medewerker is gemeld via de route van het bevoegd gezag. De meldcode geldt hier niet; er is voor jou niets te doen.
notice_registration_confirmed_new =
    Je zorg is vastgelegd als <b>{ $reference }</b>. De zorgcoördinator is op de hoogte.
notice_registration_confirmed_added =
    Je signaal is toegevoegd aan <b>{ $reference }</b>. De zorgcoördinator is op de hoogte.
notice_weekly =
    📋 Je week in de meldcode: <b>{ $open }</b> open { $open ->
        [one] casus
       *[other] casussen
    }, waarvan <b>{ $overdue }</b> te laat en <b>{ $to_take }</b> nog op te pakken.
notice_weekly_deadline = <b>{ $reference }</b> · { $kind } · { $date }
notice_weekly_home = Alles per casus staat in de App Home van de bot, alleen voor jou.
notice_taken_by = Opgepakt door { PERSON($user_id) }.
notice_case_taken = Je zorg <b>{ $reference }</b> is opgepakt door de zorgcoördinator.
notice_case_closed = Je zorg <b>{ $reference }</b> is afgesloten. Dank je wel dat je het hebt gemeld.
notice_team_added =
    Je bent toegevoegd aan het zorgteam van <b>{ $reference }</b>. Je ziet alleen deze casus, en alleen zolang je in het zorgteam zit.
notice_casemanager =
    Je bent casemanager van het hulpplan bij <b>{ $reference }</b>. Open de casus voor de afspraken en de termijn.
notice_director_informed =
    <b>{ $reference }</b>: het afwegingskader loopt (vraag 1 is met ja beantwoord). Ter informatie.
notice_case_weighed =
    Over je zorg <b>{ $reference }</b> is een afweging gemaakt met het afwegingskader. De zorgcoördinator houdt de casus in handen.
notice_delivery_failed =
    ⚠️ <b>{ $reference }</b>: een bericht van de bot aan { PERSON($recipient_id) } kon niet worden bezorgd. Neem zelf contact op.
notice_reminder_parked =
    ⚠️ <b>{ $reference }</b>: een herinnering van deze casus kon niet worden verwerkt (code { $incident }). Houd de termijn zelf in de gaten; de beheerder van de bot ziet het met `meldbot check`.
reminder_evaluation =
    ⏰ <b>{ $reference }</b>: de termijn van het hulpplan is bereikt ({ $due }). Evalueer de hulp: vraag 5 van het afwegingskader. Heeft de hulp het beoogde resultaat?
reminder_evaluation_escalated =
    ⏰ <b>{ $reference }</b>: de evaluatie van het hulpplan (vraag 5) is sinds { $due } niet beantwoord. Ter informatie: bespreek het met de zorgcoördinator en de casemanager.
reminder_feedback =
    ⏰ <b>{ $reference }</b>: is de terugkoppeling van Veilig Thuis op de melding binnen? Veilig Thuis besluit binnen vijf werkdagen.
reminder_referral =
    ⏰ <b>{ $reference }</b>: is het gezin gestart bij de hulp waarnaar het is verwezen? Vraag het na.
reminder_referral_escalated =
    ⏰ <b>{ $reference }</b>: de casemanager heeft sinds { $due } niet bevestigd dat het gezin bij de verwezen hulp is gestart.
reminder_idle =
    ⏰ <b>{ $reference }</b>: in deze casus is al even niets vastgelegd, en de volgende stap ligt bij de school. Open de casus voor wat aan de beurt is.
reminder_idle_escalated =
    ⏰ <b>{ $reference }</b>: deze casus ligt stil; de zorgcoördinator is op { $due } herinnerd. Ter informatie.
reminder_not_taken =
    ⏰ <b>{ $reference }</b> is nog door niemand opgepakt. Pak de casus op, of spreek af wie het doet.
reminder_not_taken_escalated =
    ⏰ <b>{ $reference }</b> is sinds { $due } door geen enkele zorgcoördinator opgepakt. Spreek af wie het doet.
reminder_follow_up =
    🌱 <b>Nazorg { $reference }</b>: de casus is afgesloten. Hoe gaat het nu met de leerling? Goed, een nieuw signaal, of nog even volgen?
reminder_kind_follow_up = nazorg
nazorg_good = het gaat goed
nazorg_new_signal = nieuw signaal
nazorg_done_good = 🌱 <b>Nazorg { $reference }</b>: het gaat goed, vastgelegd. Er komt geen herinnering meer.
nazorg_done_new_signal = 🌱 <b>Nazorg { $reference }</b>: nieuw signaal. Leg het vast in het formulier; het wordt een nieuwe casus, met een nieuwe afweging.
button_follow_up_good = Goed
button_follow_up_signal = Nieuw signaal
button_keep_following = Nog volgen
reminder_rescheduled = <b>{ $reference }</b>: genoteerd. Je krijgt op { $due } opnieuw een herinnering.
reminder_referral_done = <b>{ $reference }</b>: vastgelegd dat het gezin bij de hulp is gestart. Dank je wel.
reminder_kind_evaluation = evaluatie van het hulpplan (vraag 5)
reminder_kind_feedback = terugkoppeling van Veilig Thuis
reminder_kind_referral = start bij de verwezen hulp
reminder_kind_idle = casus zonder activiteit
reminder_kind_not_taken = casus niet opgepakt
button_not_yet = Nog niet
button_postpone = Herinner me op…
button_referral_confirmed = Gezin is gestart
postpone_title = Herinner me later
postpone_intro =
    <b>{ $reference }</b> · { $kind }. Kies de dag waarop je opnieuw herinnerd wilt worden, en waarom. De reden komt in het dossier.
label_until = Herinner me op
label_postpone_reason = Waarom later?
notice_draft_pending =
    Je signaal is bewaard, maar nog niet bij een casus vastgelegd. Kies hoe je het wilt vastleggen.
state_new = Nieuw: nog niet opgepakt
state_in_progress = Opgepakt: overleg en gesprek
state_weighing = Wegen met het afwegingskader
state_report_due = Melden bij Veilig Thuis
state_help_plan_due = Hulpplan vastleggen
state_help_running = Hulp loopt
state_reported = Gemeld bij Veilig Thuis
state_closed = Afgesloten
state_referred_to_board = Doorverwezen naar het bevoegd gezag
dossier_meta = { $school } · { $route } · gemeld door { PERSON($reporter_id) } op { $date }
dossier_state = <b>Stand:</b> { $state }
dossier_acute = 🚨 Bij registratie is acuut gevaar gemeld.
dossier_signals = Signalen ({ $count })
dossier_signal_head = <b>Signaal { $number }</b> · { $date } · { $categories }
dossier_signal_meta = Vastgelegd door { PERSON($reporter_id) } op { $recorded }
dossier_location = Waar: { $location }
dossier_source_own = Bron: eigen waarneming
dossier_source_told = Bron: verteld door { $who }
dossier_counter_facts = Wat de andere kant op wijst:
dossier_more =
    { $count ->
        [one] Nog { $count } ouder signaal: zie de knop Signalen.
       *[other] Nog { $count } oudere signalen: zie de knop Signalen.
    }
pupil_line = { $name }, { $group } ({ $age })
dossier_no_pupil = Voor deze route worden geen gegevens van een leerling vastgelegd.
status_text =
    <b>{ $reference }</b>
    Stand: { $state }
    Gemeld op { $date }
home_statistics = Statistiek (anoniem)
home_statistics_year =
    { $year }: { $registered } gemeld · { $acute } acuut · { $reported } bij Veilig Thuis · { $closed } afgesloten
home_statistics_board =
    <b>{ $schools ->
        [one] { $schools } school
       *[other] Alle { $schools } scholen samen
    }</b>
home_statistics_school = <b>{ $school }</b>
home_statistics_school_line = <b>{ $school }</b> · { $counts }
home_statistics_note =
    Aantallen per jaar van registratie, ook van casussen die na de bewaartermijn zijn verwijderd. Geen namen of kenmerken.
button_export = Exporteren (PDF)
button_export_confirm = Exporteren
label_export_document = Wat wil je exporteren?
export_choice_access_report = Het inzage-overzicht van de leerling: wie het dossier bekeek, wijzigde of exporteerde (NEN 7513)
export_choice_dossier = Het dossier, voor het leerlingdossier (niet ter inzage voor ouders)
export_choice_conversation = Gespreksverslag van { $date } ({ $with_whom }), om te tekenen
export_stored_in_slack =
    ⚠️ Het PDF-bestand komt in je privégesprek met de meldcode-bot en wordt daarmee in Slack opgeslagen, onder de bewaar- en exportinstellingen van jullie werkruimte. Sla het op in het leerlingdossier en verwijder het daarna in Slack.
export_audited = Elke export komt in de audit trail van de casus.
export_failed =
    De PDF van { $reference } kon niet in Slack worden gezet. Probeer het over een paar minuten opnieuw via de casus.
export_stored_in_teams =
    ⚠️ Het PDF-bestand komt in je chat met de meldcode-bot en wordt daarmee in je OneDrive opgeslagen, onder de bewaarinstellingen van jullie school. Sla het op in het leerlingdossier en verwijder het daarna uit je OneDrive.
export_offered =
    Kijk in je chat met de meldcode-bot: Teams vraagt daar of het bestand in je OneDrive mag. Sta het toe; de PDF staat dan in de chat. Pas dan wordt hij gemaakt en komt de export in de audit trail.
export_failed_teams =
    De PDF van { $reference } kon niet in je OneDrive worden gezet. Probeer het over een paar minuten opnieuw via de casus.
export_document_access_report = het inzage-overzicht
export_document_dossier = het dossier
export_document_conversation = een gespreksverslag
pdf_author = Meldcode-bot
pdf_dossier_title = Meldcode-dossier { $reference }
pdf_dossier_closed_to_parents =
    Vertrouwelijk. Voor het deel van het leerlingdossier dat niet ter inzage is voor ouders.
pdf_route = Route
pdf_state = Stand
pdf_registered = Geregistreerd
pdf_by_on = { $name }, { $date }
pdf_coordinator = Coördinator
pdf_closing = Afsluiting
pdf_close_note = Toelichting
pdf_monitoring = Afspraken om het kind te blijven volgen
pdf_conversation_title = Verslag van gesprek · { $reference }
pdf_conversation_parents_view = Eigen visie van de ouders of verzorgers (mag worden aangevuld)
pdf_conversation_sign = Voor gezien getekend
pdf_conversation_sign_note =
    Met hun handtekening geven ouders aan dat zij dit verslag hebben gelezen. Zij hoeven het er niet mee eens te zijn; hun eigen visie hoort erbij.
pdf_sign_who = Naam
pdf_sign_date = Datum
pdf_sign_signature = Handtekening
pdf_sign_parent = Ouder/verzorger { $number }
pdf_sign_school = Namens de school
pdf_footer = { $reference } · vertrouwelijk · gemaakt op { $date } door { $name }
pdf_page = pagina { $page }
pdf_file_access_report = { $reference }-inzage-overzicht.pdf
pdf_access_title = Inzage-overzicht (NEN 7513)
pdf_access_intro = Wie het dossier van deze leerling bekeek, wijzigde, exporteerde of geweigerd werd, en wanneer, uit de audit trail van de meldcode-bot. Voor een verzoek om inzage (AVG art. 15). Het maken van dit overzicht staat er zelf ook in.
pdf_access_cases = Casussen
pdf_access_count = Gebeurtenissen
pdf_access_when = Wanneer
pdf_access_who = Wie
pdf_access_kind = Soort
pdf_access_what = Wat
pdf_access_case = Casus
pdf_access_bot = de meldcode-bot
pdf_access_via_server = { $what } (op de server)
access_kind_viewed = bekeken
access_kind_changed = vastgelegd
access_kind_exported = geëxporteerd
access_kind_refused = geweigerd
pdf_file_dossier = { $reference }-dossier.pdf
pdf_file_conversation = { $reference }-gesprek-{ $number }.pdf
error_no_such_conversation = Van dit gesprek is geen verslag te maken: het bestaat niet, of is overgeslagen.
error_ambiguous_reference = Dit kenmerk bestaat op meer dan één school ({ $schools }): kies de school.
status_private = Wat anderen aan de casus toevoegen, is alleen zichtbaar voor wie de casus behandelt.
status_purged =
    De bewaartermijn is verstreken: de gegevens van deze casus zijn op { $date } verwijderd. Alleen het kenmerk en de audit trail zijn bewaard.
dossier_step = stap { $step } van 5
dossier_taken_by = Opgepakt door { PERSON($user_id) }
dossier_not_taken = ⚠️ Nog door niemand opgepakt.
recent_events = <b>Laatste gebeurtenissen</b>
recorded_by = Vastgelegd door { PERSON($user_id) } op { $date }
form_case = Casus <b>{ $reference }</b>
now_new =
    <b>Nu:</b> de casus oppakken. Daarna leg je overleg en gesprekken vast en weeg je met het afwegingskader.
now_in_progress =
    <b>Nu: stap 2 en 3.</b> Overleg met een collega of deskundige, en spreek met ouders en/of leerling. Heb je genoeg gezien en gehoord, beantwoord dan hieronder vraag 1 van het afwegingskader.
now_report_due =
    <b>Nu: melden bij Veilig Thuis</b> (meldnorm { $meldnorm }: { $norm }). Doe de melding en leg haar hier vast.
now_help_plan_due =
    <b>Nu: hulp organiseren.</b> Leg het hulpplan vast: de termijn waarbinnen effect zichtbaar moet zijn, de casemanager en wie wat doet.
now_help_running =
    <b>Hulp loopt</b> tot { $term }; casemanager { PERSON($casemanager_id) }. Daarna evalueer je met vraag 5.
now_reported =
    <b>Gemeld bij Veilig Thuis</b> op { $date } (meldnorm { $meldnorm }). Veilig Thuis besluit binnen vijf werkdagen en koppelt terug; leg die terugkoppeling vast. De school blijft het kind volgen.
now_reported_feedback =
    <b>Gemeld bij Veilig Thuis</b> op { $date } (meldnorm { $meldnorm }); de terugkoppeling is vastgelegd. De school blijft het kind volgen. Heeft Veilig Thuis het overgenomen, sluit de casus dan af.
now_closed = <b>Afgesloten</b> op { $date }: { $reason }.
now_weighing_handed_over =
    <b>Veilig Thuis heeft teruggekoppeld.</b> Heeft Veilig Thuis het overgenomen, sluit de casus dan af (overgedragen na melding, met afspraken over het volgen van het kind). Of beantwoord de vragen hieronder samen met Veilig Thuis.
missing_consultation = ⌛ Vraag 1 gaat uit van stap 1 tot en met 3. Nog nodig: een overleg (stap 2).
missing_conversation =
    ⌛ Vraag 1 gaat uit van stap 1 tot en met 3. Nog nodig: een gesprek met ouders en/of leerling, of de reden om het over te slaan (stap 3).
missing_consultation_and_conversation =
    ⌛ Vraag 1 gaat uit van stap 1 tot en met 3. Nog nodig: een overleg (stap 2) en een gesprek met ouders en/of leerling, of de reden om het over te slaan (stap 3).
now_referred_to_board = Deze zorg gaat via het bevoegd gezag, niet via de meldcode.
special_form_banner =
    ⚠️ Vermoeden van eergerelateerd geweld, huwelijksdwang of vrouwelijke genitale verminking: neem direct contact op met Veilig Thuis ({ -veilig-thuis-phone }).
age_guidance_under_12 = Jonger dan 12: voer het gesprek met de ouders, en waar het kan ook met het kind.
age_guidance_12_16 = 12 tot 16 jaar: praat met de leerling en/of met de ouders.
age_guidance_16_plus = 16 jaar of ouder: voer het gesprek met de leerling zelf.
button_take = Ik pak dit op
button_record_consultation = Overleg vastleggen
button_record_conversation = Gesprek vastleggen
button_skip_conversation = Gesprek overslaan
button_set_team = Zorgteam
button_record_report = Melding vastleggen
button_record_feedback = Terugkoppeling vastleggen
button_record_help_plan = Hulpplan vastleggen
button_new_weighing = Opnieuw wegen
button_close_case = Casus afsluiten
button_page_newer = Nieuwer
button_page_older = Ouder
section_button_signals = Signalen ({ $count })
section_button_consultations = Overleg ({ $count })
section_button_conversations = Gesprekken ({ $count })
section_button_weighings = Afweging ({ $count })
section_button_reports = Meldingen ({ $count })
section_button_help_plans = Hulpplannen ({ $count })
section_button_timeline = Tijdlijn ({ $count })
section_button_reminders = Herinneringen ({ $count })
section_signals = Signalen
section_consultations = Overleg
section_conversations = Gesprekken
section_weighings = Afwegingen
section_reports = Meldingen
section_help_plans = Hulpplannen
section_timeline = Tijdlijn
section_reminders = Herinneringen
reminder_item = <b>{ $kind }</b> · { $state }
reminder_state_scheduled = gepland voor { $date }
reminder_state_waiting = { $count }× verstuurd; volgende stap { $date }
reminder_state_done = afgehandeld
reminder_state_cancelled = vervallen
reminder_escalated = Voorgelegd aan de volgende in de lijn (niet op tijd beantwoord).
reminder_postponed = { PERSON($user_id) } zette deze herinnering op { $date } naar { $until }. Reden:
dossier_next_reminder = ⏰ Volgende herinnering: { $kind }, { $date }
referral_confirmed = { PERSON($user_id) } bevestigde op { $date } dat het gezin bij deze hulp is gestart.
section_head = <b>{ $reference }</b> · { $first }–{ $last } van { $total }
section_head_empty = <b>{ $reference }</b>
signal_origin_consent_refused =
    De ouders weigerden toestemming om de leerling met externe deskundigen te bespreken. Vastgelegd vanuit het gesprek.
grey_zone =
    🌫️ <b>Geen vermoeden, maar blijven er zorgen?</b> Dan zit het gezin misschien in het grijze gebied: het is (net) goed genoeg, maar je gunt het kind meer en het gezin wil nu geen hulp. Bespreek met het zorgteam wat wel kan (lichte ondersteuning, de sociale basis in de wijk) en hoe je de leerling blijft volgen. Een nieuw signaal opent de casus opnieuw.
question_1 =
    Is er op basis van stap 1 tot en met 3 een vermoeden van (dreiging van) huiselijk geweld of kindermishandeling?
question_1_hint = Zorgen die niet over veiligheid gaan, kunnen ook na een nee buiten de meldcode verder.
question_2 = Is er sprake van acute en/of structurele onveiligheid?
question_2_hint = Twijfel telt als ja.
question_2_disclosure =
    💬 Een signaal zegt dat het kind het zelf vertelt (disclosure). Ook dat valt onder meldnorm 1: melden bij Veilig Thuis.
question_3 = Kan de school, of een partner, effectieve hulp bieden of organiseren om de dreiging af te wenden?
question_3_hint =
    Hulp is de zorgstructuur en haar partners, zoals schoolmaatschappelijk werk, het CJG of het wijkteam; extra aandacht van een leerkracht is geen hulp in deze zin.
question_4 = Aanvaarden de betrokkenen die hulp, en zijn zij bereid zich ervoor in te zetten?
question_4_hint =
    Het hulpplan krijgt een termijn waarbinnen effect zichtbaar moet zijn, een casemanager en afspraken over wie wat doet.
question_5 =
    Heeft de hulp binnen de termijn geleid tot de afgesproken resultaten voor de veiligheid en het welzijn van het kind?
question_5_hint =
    De evaluatie hoort bij de termijn. Is het erger geworden, dan kan nee ook eerder; ja vóór de termijn vraagt om de bevestiging dat de afgesproken resultaten al bereikt zijn.
hint_answer_line = <b>{ $answers }</b>: { $consequence }
meldnorm_1 = acute en/of structurele onveiligheid, of het kind vertelt het zelf
meldnorm_2 = de school kan onvoldoende effectieve hulp bieden of organiseren, of de hulp wordt niet aanvaard
meldnorm_3 = de hulp leidt niet tot de nodige resultaten; de onveiligheid stopt niet of komt terug
weighing_question_head = <b>Afweging { $round }, vraag { $number } van 5</b>
with_veilig_thuis = samen met Veilig Thuis
answer_summary = { $number }: { $answer }
answer_yes = Ja
answer_no = Nee
answer_doubt = Twijfel
stage_ask = wacht op de volgende vraag
stage_report_due = melding vastleggen
stage_help_plan_due = hulpplan vastleggen
weighing_head = <b>Afweging { $round }</b> · afwegingskader { $version } · begonnen { $date }
answer_head = <b>Vraag { $number }:</b> { $answer }
answer_head_together = <b>Vraag { $number }:</b> { $answer } · samen met Veilig Thuis
weighing_result_close = <b>Uitkomst:</b> geen vermoeden; afgesloten.
weighing_result_report = <b>Uitkomst:</b> melden bij Veilig Thuis (meldnorm { $meldnorm }).
weighing_result_close_help = <b>Uitkomst:</b> hulp geslaagd; afgesloten met afspraken over het volgen.
weighing_result_open = <b>Nog bezig:</b> { $state }.
modal_consultation_title = Overleg vastleggen
consultation_intro =
    Stap 2: overleg. Bij Veilig Thuis ({ -veilig-thuis-phone }) vraag je advies anoniem: noem geen naam of andere gegevens van de leerling. Bij letsel kun je een vertrouwensarts of forensisch arts raadplegen.
label_consultation_kind = Met wie?
label_colleague = Welke collega? (alleen bij een collega)
label_other_role = Welke rol? (alleen bij 'anders')
hint_other_role = Een functie, geen naam, bijvoorbeeld 'leerplichtambtenaar'.
label_held_on = Datum
label_outcome = Wat kwam eruit?
label_special_form = Gaat het om eergerelateerd geweld, huwelijksdwang of vrouwelijke genitale verminking?
modal_special_form_title = Direct Veilig Thuis
special_form_advice =
    Het overleg is vastgelegd bij <b>{ $reference }</b>.

    ⚠️ Bij een vermoeden van eergerelateerd geweld, huwelijksdwang of vrouwelijke genitale verminking neem je <b>direct</b> contact op met Veilig Thuis ({ -veilig-thuis-phone }). Voer geen gesprek met de ouders voordat je dat hebt gedaan: het kan het kind in gevaar brengen.
modal_team_title = Zorgteam
team_intro =
    Wie je hier toevoegt, kan alleen deze casus zien en er overleg en gesprekken aan toevoegen. Wie je weghaalt, verliest die toegang meteen.
label_team = Zorgteam van deze casus
hint_team = Bijvoorbeeld de intern vertrouwenspersoon, ondersteuningscoach of schoolmaatschappelijk werker.
conversation_tips =
    💬 <b>Voor het gesprek.</b> Oordeel niet: vertel wat je zag of hoorde en vraag hoe zij het zien; er kan een goede verklaring zijn. Bouw het gesprek rustig op, zeker als directheid in een gezin als bot overkomt. Luister actief: doorvragen, samenvatten, ruimte voor emoties. Beloof nooit geheimhouding; beloof wel dat je niets doet zonder het eerst met hen te bespreken, tenzij dat het kind in gevaar brengt.
modal_conversation_title = Gesprek vastleggen
label_with_whom = Met wie?
label_participants = Wie waren erbij?
hint_participants = Rollen of namen van de aanwezigen, zoals 'moeder, mentor, zorgcoördinator'.
label_shared = Wat is er gedeeld?
label_reaction = Hoe reageerden zij?
label_agreements = Welke afspraken zijn gemaakt?
label_consent = Toestemming van de ouders om de leerling met externe deskundigen te bespreken
label_household = Kindcheck: andere kinderen in het gezin, en wie voor hen zorgt
hint_household = Zijn er broertjes of zusjes, of andere kinderen in huis? Wie zorgt er voor hen?
modal_skip_title = Gesprek overslaan
skip_intro =
    Een gesprek met ouders of leerling mag je alleen overslaan voor de veiligheid van het kind, van jezelf of van anderen, of als je reëel het risico loopt dat het gezin het contact verbreekt. De reden komt in het dossier.
label_skip_reason = Reden
label_skip_note = Toelichting
modal_answer_title = Afweging
answer_modal_question = <b>Vraag { $number }</b>
answer_modal_given = Je antwoord: <b>{ $answer }</b>
consequence_director = De directie wordt ingelicht (alleen het kenmerk).
consequence_next = Daarna volgt vraag { $number }.
consequence_report_due = Dan volgt een melding bij Veilig Thuis (meldnorm { $meldnorm }), die je hier vastlegt.
consequence_then_with_veilig_thuis = Vraag { $number } tot en met 5 beantwoord je daarna samen met Veilig Thuis.
consequence_report = Veilig Thuis heeft de melding al en neemt het verder op; er volgt geen tweede melding.
consequence_help_plan = Dan leg je het hulpplan vast; vraag 5 beantwoord je bij de termijn.
consequence_close = Dan wordt de casus afgesloten; de melder hoort alleen dat hij is afgesloten.
consequence_close_help = Dan wordt de hulp en de casus afgesloten, met afspraken over het volgen van het kind.
label_rationale = Waarom? (onderbouwing)
hint_rationale = Komt in het dossier bij dit antwoord, met jouw naam en de datum.
label_monitoring = Afspraken over het blijven volgen van de veiligheid
early_confirmation_intro =
    De termijn van de hulp is { $term }. Ja vóór de termijn kan alleen als de afgesproken resultaten nu al bereikt zijn.
label_early_confirmation = Vóór de termijn
early_confirmation_yes = De afgesproken resultaten voor veiligheid en welzijn zijn nu al bereikt
modal_report_title = Melding Veilig Thuis
report_intro =
    Melding bij Veilig Thuis onder meldnorm { $meldnorm }: { $norm }. Veilig Thuis: { -veilig-thuis-phone }. Scheid wat de school zelf zag van wat anderen vertelden.
label_reported_on = Datum van de melding
label_reported_by = Wie deed de melding?
label_channel = Hoe?
label_vt_reference = Kenmerk van Veilig Thuis
label_own_facts = Wat de school zelf zag of hoorde
hint_own_facts = Feiten uit eigen waarneming. Wat anderen vertelden, komt in het volgende veld.
label_third_party_facts = Wat anderen vertelden (en wie)
label_parents_informed = Zijn de ouders vooraf ingelicht?
label_pupil_informed = Is de leerling (vanaf 12 jaar) vooraf ingelicht?
without_consent_intro =
    <b>Niet vooraf ingelicht?</b> Vul dan de reden in en beantwoord de vijf vragen voor melden zonder toestemming.
label_no_consent_reason = Reden om niet vooraf in te lichten
consent_question_1 = 1. Dient de melding de zwaarwegende belangen die op het spel staan?
consent_question_2 = 2. Is er een andere weg, zonder de vertrouwelijkheid te doorbreken?
consent_question_3 = 3. Waarom kon toestemming niet worden gevraagd of verkregen?
consent_question_4 = 4. Wat weegt zwaarder: het belang van melden of dat van zwijgen?
consent_question_5 = 5. Wie krijgt welke informatie?
label_reference_index = Verwijsindex: is een registratie overwogen?
label_reference_index_reason = Waarom zo?
verwijsindex_registered = Ja: geregistreerd, of gevraagd aan een partner die mag registreren
verwijsindex_not_needed = Overwogen, en niet nodig
verwijsindex_left_to_others = Overgelaten aan Veilig Thuis of de hulpverlening die het overneemt
report_reference_index = <b>Verwijsindex:</b> { $choice }
label_objections = Bezwaren van de ouders
modal_feedback_title = Terugkoppeling VT
feedback_intro = Veilig Thuis besluit binnen vijf werkdagen na de melding en laat de school weten wat het doet.
label_feedback_on = Datum van de terugkoppeling
label_feedback = Wat Veilig Thuis besloot en afsprak
modal_help_plan_title = Hulpplan
help_plan_intro =
    Vraag 4 is ja: de hulp start. Maak de afspraken zo concreet mogelijk, zodat ieder weet wat er van hem of haar verwacht wordt.
label_term = Termijn: wanneer moet effect zichtbaar zijn?
hint_term = Op deze datum evalueer je de hulp met vraag 5.
label_casemanager = Casemanager
label_tasks = Wie doet wat?
hint_tasks = Per persoon de taken, ook die van de casemanager.
label_referral_contact = Verwijzen naar (sociale kaart)
label_referral = Verwijzing naar
hint_referral = Of typ de organisatie (en wie daar), als die niet in de sociale kaart staat. Wat je typt, gaat voor.
label_parent_agreements = Afspraken met de ouders
modal_close_title = Casus afsluiten
close_intro =
    Na de melding en de terugkoppeling: sluit de casus als Veilig Thuis het heeft overgenomen. De school blijft het kind volgen; leg vast hoe. De melder hoort alleen dat de casus is afgesloten.
label_follow_up = Nazorg: wanneer vraagt de bot hoe het gaat?
label_follow_up_optional = Blijven er zorgen? Nazorg: wanneer vraagt de bot hoe het gaat?
hint_follow_up = Op die schoolochtend vraagt de bot de zorgcoördinator hoe het nu met de leerling gaat. Binnen een jaar.
error_follow_up_date = Kies een datum na vandaag, binnen een jaar.
modal_kindcheck_title = Kindcheck
kindcheck_intro =
    De kindcheck hoort bij de casus: zijn er andere kinderen in het gezin, en wie zorgt er voor hen? Leg vast wat je nu weet; weet je later meer, leg het dan opnieuw vast. Zorgen over die kinderen? Dan zijn dat signalen, voor een eigen casus.
label_kindcheck_children = Andere kinderen in het gezin
label_kindcheck_carers = Wie zorgt er voor hen, en is die zorg veilig genoeg?
kindcheck_head = <b>Kindcheck</b> · { $date }
kindcheck_now = <b>Kindcheck</b> ({ $date }):
kindcheck_missing = Kindcheck: nog niet vastgelegd. Zijn er andere kinderen in het gezin, en wie zorgt er voor hen?
caption_kindcheck_children = Andere kinderen in het gezin
caption_kindcheck_carers = Wie voor hen zorgt
section_kindchecks = Kindcheck
button_record_kindcheck = Kindcheck
label_close_note = Waarom kan de casus dicht?
consultation_head = <b>{ $kind }</b> · { $date }
consultation_head_colleague = <b>{ $kind }</b> · { $date } · { PERSON($colleague_id) }
caption_outcome = Uitkomst:
conversation_head = <b>Gesprek met { $with_whom }</b> · { $date }
conversation_skipped_head = <b>Gesprek overgeslagen</b> · { $reason }
conversation_consent = Toestemming voor extern overleg: <b>{ $consent }</b>
caption_participants = Aanwezig:
caption_shared = Gedeeld:
caption_reaction = Reactie:
caption_agreements = Afspraken:
caption_household = Kindcheck:
caption_rationale = Onderbouwing:
report_head = <b>Melding</b> (meldnorm { $meldnorm }) · { $date } · door { PERSON($user_id) } · { $channel }
caption_vt_reference = Kenmerk Veilig Thuis:
caption_own_facts = Eigen feiten van de school:
caption_third_party_facts = Feiten van anderen:
caption_objections = Bezwaren van de ouders:
report_informed = Vooraf ingelicht: ouders <b>{ $parents }</b>, leerling <b>{ $pupil }</b>
report_no_consent = Zonder toestemming gemeld; reden: <b>{ $reason }</b>
report_feedback_head = <b>Terugkoppeling van Veilig Thuis</b> · { $date }
help_plan_head = <b>Hulpplan</b> · termijn { $term } · casemanager { PERSON($casemanager_id) }
caption_tasks = Wie doet wat:
caption_referral = Verwezen naar:
consultation_kind_colleague = Een collega
consultation_kind_veilig_thuis = Veilig Thuis (anoniem advies)
consultation_kind_medical_expert = Vertrouwensarts of forensisch arts (letsel)
consultation_kind_school_social_work = Schoolmaatschappelijk werk
consultation_kind_youth_doctor = Jeugdarts
consultation_kind_internal_support = Intern begeleider
consultation_kind_other = Anders
with_parents = de ouders
with_pupil = de leerling
with_both = ouders en leerling
consent_given = gegeven
consent_refused = geweigerd
consent_not_asked = (nog) niet gevraagd
skip_reason_child_safety = Veiligheid van het kind
skip_reason_reporter_safety = Veiligheid van de melder
skip_reason_others_safety = Veiligheid van anderen
skip_reason_losing_contact = Reëel risico dat het gezin het contact verbreekt
channel_phone = Telefonisch
channel_form = Via het meldformulier
informed_yes = ja
informed_no = nee
informed_not_applicable = niet van toepassing (jonger dan 12)
no_consent_reason_safety = De veiligheid van kind, melder of anderen
no_consent_reason_losing_sight = Het risico het kind uit het oog te verliezen
close_reason_no_suspicion = geen vermoeden van huiselijk geweld of kindermishandeling
close_reason_help_succeeded = de hulp heeft het gewenste resultaat
close_reason_handed_over = na de melding overgedragen aan Veilig Thuis
team_role_team_member = het zorgteam
team_role_casemanager = casemanager
timeline_line = { $date } · { PERSON($actor_id) } · { $what }
timeline_dossier_viewed = bekeek het dossier
timeline_status_viewed = bekeek de stand van zaken
timeline_access_refused = kreeg geen toegang (geweigerd)
timeline_case_created = registreerde de zorg
timeline_signal_added = legde een signaal vast
timeline_acute_alert = meldde acuut gevaar
timeline_board_route_recorded = legde de route via het bevoegd gezag vast
timeline_draft_held = hield een signaal aan voor een keuze
timeline_case_taken = pakte de casus op
timeline_consultation_recorded = legde overleg vast ({ $kind })
timeline_team_member_added = voegde { PERSON($member_id) } toe ({ $role })
timeline_team_member_removed = haalde { PERSON($member_id) } weg ({ $role })
timeline_conversation_recorded = legde een gesprek met { $with_whom } vast
timeline_conversation_skipped = sloeg het gesprek over ({ $reason })
timeline_consent_refused = legde de geweigerde toestemming vast als signaal
timeline_weighing_started = begon afweging { $round } (afwegingskader { $version })
timeline_question_answered = beantwoordde vraag { $number }: { $answer }
timeline_question_answered_together = beantwoordde samen met Veilig Thuis vraag { $number }: { $answer }
timeline_director_informed = lichtte de directie in
timeline_report_recorded = legde de melding bij Veilig Thuis vast (meldnorm { $meldnorm })
timeline_feedback_recorded = legde de terugkoppeling van Veilig Thuis vast
timeline_help_plan_recorded =
    legde het hulpplan vast (termijn { $term }, casemanager { PERSON($casemanager_id) })
timeline_case_closed = sloot de casus: { $reason }
timeline_reminder_sent = stuurde een herinnering: { $kind }
timeline_reminder_escalated = legde de herinnering ({ $kind }) voor aan { $roles }
timeline_reminder_postponed = zette de herinnering ({ $kind }) op { $until }
timeline_reminder_not_yet = noteerde 'nog niet' ({ $kind }); nieuwe herinnering op { $until }
timeline_referral_confirmed = bevestigde dat het gezin bij de verwezen hulp is gestart
timeline_message_failed = kon een bericht aan { PERSON($recipient_id) } niet bezorgen
timeline_reminder_parked = kon een herinnering niet verwerken (code { $incident }) en zette haar opzij
timeline_follow_up_recorded = legde de nazorg vast: { $outcome }
timeline_kindcheck_recorded = legde de kindcheck vast
timeline_case_purged = verwijderde de gegevens: de bewaartermijn ({ $years } jaar na afsluiten) was verstreken
timeline_case_exported = exporteerde { $document } als PDF
timeline_line_system = { $date } · de meldcode-bot · { $what }
role_casemanager = de casemanager
role_coordinator = de zorgcoördinator
role_director = de directie
button_my_cases = Mijn casussen
my_cases_title = Mijn casussen
home_title = Meldcode huiselijk geweld en kindermishandeling
home_intro =
    Heb je een niet-pluisgevoel over een leerling? Leg vast wat je zag of hoorde. De zorgcoördinator wordt meteen ingelicht en neemt het met je op.
home_emergency = 🚨 Acuut gevaar: bel <b>112</b>. Veilig Thuis, dag en nacht: <b>{ -veilig-thuis-phone }</b>.
home_range = { $first }–{ $last } van { $total }
home_my_reports = Mijn meldingen
home_case_line = <b>{ $reference }</b> · { $state } · { $date }
home_none = Geen.
home_language = Taal
home_language_note =
    De taal die je hier kiest, gebruikt de bot voor alles wat hij je laat zien en stuurt, ook voor herinneringen en de PDF's die je exporteert.
language_nl = Nederlands
language_en = English
error_not_a_member =
    Je staat nog niet bij een school in de meldcode-bot, dus er is niets opgeslagen. Vraag de zorgcoördinator of de beheerder van de bot om je toe te voegen. Acuut gevaar? Bel 112 of Veilig Thuis: { -veilig-thuis-phone }.
error_no_access =
    Je hebt geen toegang tot deze casus. Alleen wie de casus behandelt, kan hem openen. Heb je zelf een zorg? Leg die dan vast met 'Zorg melden' in het gesprek met de bot.
error_case_not_found = Deze casus bestaat niet (meer).
error_draft_gone = Dit signaal is al vastgelegd of hoort niet bij jou.
error_unknown_request = Deze knop of dit formulier kent de bot niet (meer). Begin opnieuw vanuit het gesprek met de bot.
error_invalid_input = Niet alles is goed ingevuld.
error_generic =
    Er ging iets mis (code { $incident }). Wat al was opgeslagen, blijft bewaard. Probeer het opnieuw; blijft het misgaan, geef de code dan door aan de beheerder van de bot.
error_generic_field =
    Er ging iets mis (code { $incident }); dit formulier is nog niet opgeslagen. Alles wat je typte staat er nog: probeer het zo opnieuw. Blijft het misgaan, geef de code dan door aan de beheerder van de bot.
error_title = Dat lukte niet
error_step_not_allowed =
    Dit past niet bij waar de casus nu staat. Open de casus opnieuw: daar staat wat nu aan de beurt is.
error_already_taken = Deze casus is al opgepakt door { PERSON($user_id) }.
error_already_answered =
    Vraag { $question } is al beantwoord door { PERSON($user_id) }: <b>{ $answer }</b>. Open de casus opnieuw.
error_not_this_question = Het afwegingskader gaat op volgorde: eerst vraag { $expected }.
error_colleague_required = Kies de collega met wie je overlegde.
error_team_too_large = Een zorgteam heeft hier hoogstens 20 leden.
error_monitoring_required = Leg vast hoe de veiligheid gevolgd blijft.
error_confirm_early = Bevestig dat de afgesproken resultaten al bereikt zijn, of wacht tot de termijn.
error_steps_missing =
    Vraag 1 gaat uit van stap 1 tot en met 3: leg eerst minstens één overleg vast, en een gesprek met ouders en/of leerling of de reden om het over te slaan. Open de casus opnieuw: daar staat wat nog nodig is.
error_pupil_from_12 = Vanaf 12 jaar geldt dit ook voor de leerling: kies ja of nee.
error_no_consent_reason = Kies waarom niet vooraf is ingelicht.
error_term_in_future = De termijn moet na vandaag liggen.
error_reminder_settled = Deze herinnering is al afgehandeld. Open de casus voor de stand van zaken.
error_postpone_date = Kies een dag na vandaag, hoogstens een jaar vooruit.
export_title = { $reference } · { $document }

## meldbot demo: the narration, the people and what they type (invented pupils only)

demo_anna = Anna (leerkracht groep 5)
demo_bram = Bram (leerkracht groep 7)
demo_sanne = Sanne (zorgcoördinator)
demo_dirk = Dirk (directeur)
demo_sees = Wat { $person } ziet
demo_dm = Bericht van de bot aan { $person }
demo_updated = Het bericht, bijgewerkt in het gesprek van { $person }
demo_field_errors = Onder de velden, in rood
demo_anna_starts = { $anna } heeft een niet-pluisgevoel en typt /meldcode.
demo_route = Ze kiest een situatie thuis, zonder acuut gevaar. Het formulier voor het signaal opent.
demo_invalid =
    Ze laat 'wat heb je gezien' eerst leeg en kiest de datum van morgen: het formulier zegt wat er niet klopt.
demo_submitted =
    Ze vult het in, als feiten, en legt het vast. Het venster bevestigt; Sanne krijgt een bericht met alleen het kenmerk.
demo_open_case = { $sanne } klikt op '{ button_open_case }': het dossier opent, alleen voor haar.
demo_forwarded = Sanne's bericht wordt doorgestuurd naar { $bram }, die op dezelfde knop klikt.
demo_free_text =
    Bram schrijft in plaats daarvan over een leerling in het gesprek met de bot. De bot bewaart het niet en zegt waarom.
demo_acute =
    Bram meldt een zorg met acuut gevaar: 112 en Veilig Thuis staan er meteen bij; Sanne en Dirk worden gewaarschuwd.
demo_take = Sanne klikt op '{ button_take }' bij de zorg van Anna. De casus opent bij de stap die nu aan de beurt is.
demo_step_2 = Stap 2: ze legt een overleg met de intern begeleider vast.
demo_step_3 = Stap 3: het gesprek met de ouders, met de kindcheck. Moeder stemt in met advies van buiten de school.
demo_weighing = Stap 4 en 5: het afwegingskader, vraag voor vraag. Ze klikt op '{ answer_yes }' bij vraag 1.
demo_director = Dirk krijgt één regel: het kenmerk, en dat de afweging loopt. Meer niet.
demo_help_plan = Vraag 4 is '{ answer_yes }': de hulp start. Ze legt het hulpplan vast, met Bram als casemanager.
demo_referral_due =
    Tijdreis: de demo zet de klok van de bot op { $date }, tien dagen later. De ronde die elke 30 seconden loopt, vindt de herinneringen die nu aan de beurt zijn. Bram wordt als casemanager gevraagd of het gezin bij de hulp is gestart.
demo_referral_confirmed = Bram klikt in de herinnering op '{ button_referral_confirmed }'. Het wordt vastgelegd; het bericht zegt het.
demo_term = { $date }: de termijn van het hulpplan. Bram en Sanne wordt gevraagd de hulp te evalueren (vraag 5).
demo_evaluation =
    Bram antwoordt vanuit de herinnering zelf: '{ answer_no }', de hulp bracht niet de afgesproken resultaten.
demo_report = Vraag 5 '{ answer_no }' betekent melden onder meldnorm 3. Sanne legt de melding bij Veilig Thuis vast.
demo_feedback_due = { $date }: vijf werkdagen na de melding. Heeft Veilig Thuis teruggekoppeld?
demo_not_yet = Nog niet. Sanne klikt op '{ button_not_yet }': de bot vraagt het over drie werkdagen opnieuw.
demo_timeline = Het hele verhaal staat in de tijdlijn, pagina voor pagina; de herinneringen van de bot horen erbij.
demo_home = App Home
demo_desk =
    Sanne opent de App Home van de bot: haar bureau. Elke open casus staat bij wat er nu moet gebeuren, met de eerstvolgende termijn. Daans acute zorg is nog niet opgepakt en staat als te laat bovenaan. De namen staan hier wel: de App Home ziet alleen zij.
demo_evaluation_opened = Onderaan klikt ze op '{ evaluation_button }': de interne evaluatie van dit schooljaar, in aantallen zonder namen. Met `meldbot report` wordt het een PDF voor het bestuur.
demo_anna_starts_teams = { $anna } heeft een niet-pluisgevoel. De meldcode-app is voor haar geïnstalleerd in Teams; in het gesprek met de bot klikt ze op '{ button_start }'.
demo_file_allow = Toestaan
demo_file_decline = Weigeren
demo_export_teams =
    Sanne maakt een pdf van het dossier voor het leerlingdossier. Teams zet een bestand niet zomaar in iemands OneDrive: de bot biedt het aan in haar gesprek, en zij moet het toestaan.
demo_export_allowed =
    Ze staat het toe. Nu pas maakt de bot de pdf, zet hem in haar OneDrive en komt de export in de audit trail. De naam van het bestand noemt alleen het kenmerk.
demo_desk_teams =
    Sanne klikt op '{ button_my_cases }' in haar gesprek met de bot: haar bureau. Elke open casus staat onder wat er nu moet gebeuren, met de eerstvolgende termijn. Namen staan hier wel: alleen zij ziet dit venster.
demo_end_teams =
    Dat was de echte app, in HTTP-modus, tegen een nagebootste Bot Connector van Teams op deze machine. Er ging niets van deze machine af.
demo_storage = In de database (een SQLite-bestand) is elke naam en elke tekst versleuteld, veld voor veld.
demo_audit = audit trail: { $count } gebeurtenissen, elk geketend aan de vorige: { $state }
demo_audit_intact = intact
demo_audit_broken = GEBROKEN bij gebeurtenis { $id }
demo_end =
    Dat was de echte app, in HTTP-modus, tegen een nagebootst Slack op deze machine. Er ging niets de deur uit.
demo_typed_dm = Ik maak me zorgen over een leerling uit mijn klas
demo_typed_group_mila = groep 5
demo_typed_group_daan = groep 7
demo_typed_observed = Kwam drie dagen op rij zonder jas en zonder ontbijt; zei 'mama slaapt nog'.
demo_typed_location = Klaslokaal, bij binnenkomst
demo_typed_counter_facts = Oogt vrolijk en speelt met klasgenoten.
demo_typed_consultation = Samen besloten eerst met moeder te praten.
demo_typed_participants = moeder, zorgcoördinator
demo_typed_shared = Wat Anna zag bij binnenkomst.
demo_typed_reaction = Moeder schrok en vertelde over een zware periode.
demo_typed_agreements = Moeder staat open voor hulp van het wijkteam.
demo_typed_household = Een broertje van 2; moeder zorgt alleen.
demo_typed_rationale_1 = Herhaalde signalen van verwaarlozing; moeder bevestigt de zorgen.
demo_typed_rationale_2 = Geen acuut gevaar; moeder werkt mee.
demo_typed_rationale_3 = Het wijkteam kan binnen twee weken starten.
demo_typed_rationale_4 = Moeder heeft ingestemd met het wijkteam.
demo_typed_rationale_5 = Moeder kwam niet bij het wijkteam; de signalen houden aan.
demo_typed_tasks = Bram: wekelijks kort contact met moeder. Sanne: overleg met het wijkteam.
demo_typed_referral = Wijkteam
demo_typed_parent_agreements = Moeder meldt zich deze week bij het wijkteam.
demo_typed_own_facts = Wat Anna zag, en dat moeder niet bij het wijkteam kwam.
demo_typed_reference_index = Veilig Thuis en het wijkteam nemen het op; zij wegen de registratie.
demo_multiline = (meerdere regels)
demo_no_date = dd-mm-jjjj
demo_optional = (optioneel)

## The sociale kaart

contacts_title = Sociale kaart
contacts_intro = Wie je belt, en waarvoor. Acuut gevaar: bel altijd eerst 112.
contacts_school = <b>{ $school }</b>
contacts_consultation = <b>Overleggen kan met:</b>
contact_line_phone = <b>{ $organisation }</b> · { $role } · { $phone }
contact_line_website = <b>{ $organisation }</b> · { $role } · { $website }
contact_line_both = <b>{ $organisation }</b> · { $role } · { $phone } · { $website }
contact_role_acute = acuut gevaar
contact_role_advice = advies en melden (ook anoniem)
contact_role_police = politie
contact_role_medical_expert = vertrouwensarts of forensisch arts (bij letsel)
contact_role_school_social_work = schoolmaatschappelijk werk
contact_role_youth_doctor = jeugdarts
contact_role_cjg = centrum voor jeugd en gezin (CJG)
contact_role_neighbourhood_team = wijkteam
contact_role_help = hulp
contact_role_reference_index = verwijsindex
contact_role_other = overig

## The interne evaluatie

evaluation_title = Interne evaluatie meldcode
evaluation_heading = <b>{ $school }</b> · zorgen geregistreerd van { $first } tot en met { $last }
evaluation_note_period = Een zorg telt in de periode waarin hij is geregistreerd, met alles wat er daarna mee gebeurde. Alleen aantallen: geen referentie, geen naam.
evaluation_note_small = Aantallen van 1 tot { $threshold } staan er als „< { $threshold }”: in een kleine school kan een klein aantal naar een kind wijzen.
evaluation_section_registered = Geregistreerde zorgen
evaluation_section_handled = Hoe ermee is omgegaan
evaluation_section_pace = Tempo en termijnen
evaluation_registered = Zorgen geregistreerd (met een dossier)
evaluation_route_home = Thuissituatie (meldcode)
evaluation_route_staff_member = Tegen een medewerker (route via het bestuur)
evaluation_route_between_children = Tussen leerlingen (naar het veiligheidsplan, zonder dossier)
evaluation_acute = Met acuut gevaar
evaluation_category = Signaal: { $category }
evaluation_closed_no_suspicion = Afgesloten bij vraag 1 (geen vermoeden)
evaluation_help_started = Hulp gestart
evaluation_help_succeeded = Hulp geslaagd, afgesloten
evaluation_reported = Melding bij Veilig Thuis
evaluation_meldnorm = waarvan volgens meldnorm { $meldnorm }
evaluation_handed_over = Na een melding overgedragen, afgesloten
evaluation_share_reported = Deel van de zorgen thuis dat tot een melding leidde
evaluation_median_take = Mediaan tot de zorgcoördinator de zorg oppakte
evaluation_median_decision = Mediaan tot het eerste besluit (melding, hulp of afsluiten)
evaluation_missed = Gemiste termijnen (herinnering moest hoger op)
evaluation_fewer_than = < { $threshold }
evaluation_number = { $value }
evaluation_not_shown = –
evaluation_percent = { $percent }%
evaluation_days =
    { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    }
evaluation_chart_title = Hoe de zorgen zijn afgehandeld (van { $registered } geregistreerd)
evaluation_footer = Interne evaluatie meldcode · { $school } · gemaakt op { $date }
evaluation_file = interne-evaluatie-{ $school }-{ $first }-{ $last }
evaluation_button = Interne evaluatie
evaluation_modal_title = Interne evaluatie
evaluation_school_year = Schooljaar { $start }–{ $end }

## The desk: open cases in the App Home, per what is due

desk_title = Open casussen ({ $count })
desk_pupil = { $name } ({ $group })
desk_case_line = <b>{ $reference }</b> · { $pupil } · { $due }
desk_your_role = jouw rol: { $roles }
desk_taken_by = bij { PERSON($user_id) }
desk_acute = 🚨 acuut
desk_help_term = hulp loopt tot { $date }
desk_deadline = ⏰ { $kind }: { $date }
desk_overdue = ⚠️ <b>Te laat</b>: { $kind }, { $date }
desk_group_count = { $group }: <b>{ $count }</b>
desk_overdue_count = ⚠️ te laat: <b>{ $count }</b>
desk_escalated_count = 📣 bij jou geëscaleerd: <b>{ $count }</b>
desk_filter_every_group = Alles wat open is
desk_filter_group = { $group } ({ $count })
desk_filter_every_school = Alle scholen
label_desk_due = Welke zorgen
label_desk_school = School
button_desk_filter = Toon
desk_team_title = In mijn zorgteam ({ $count })
due_to_take = Op te pakken
due_steps = Stap 2–3: overleg en gesprek
due_weighing = Afwegen (stap 4–5)
due_feedback = Wacht op Veilig Thuis
due_help = Hulp loopt
due_monitoring = Na de melding: volgen
due_board = Route via het bestuur
button_page_previous = Vorige
button_page_next = Volgende

## /meldcode help: the five steps and the afwegingskader

guide_title = De meldcode in het kort
guide_intro = De meldcode in vijf stappen. De bot loopt ze met je door; hier zie je ze in één keer.
guide_steps_head = <b>De vijf stappen</b>
guide_step_1 = 1. <b>Signalen in kaart brengen.</b> Iedereen op school legt vast wat hij zag of hoorde (/meldcode); de zorgcoördinator pakt het op.
guide_step_2 = 2. <b>Collegiale consultatie</b>, en zo nodig advies van Veilig Thuis (anoniem), een vertrouwensarts of een andere deskundige.
guide_step_3 = 3. <b>Gesprek met de ouders en/of de leerling</b>, tenzij dat de veiligheid in gevaar brengt.
guide_step_4 = 4. <b>Wegen</b> met het afwegingskader: is er een vermoeden, en is het onveilig?
guide_step_5 = 5. <b>Beslissen</b>: zelf hulp bieden of organiseren, en/of melden bij Veilig Thuis.
guide_framework_head = <b>Het afwegingskader</b> (stap 4 en 5): vijf vragen, elk antwoord met een onderbouwing.
guide_question = <b>{ $number }. { $question }</b>
guide_more = Wie je belt: /meldcode contacten. Acuut gevaar: bel 112; Veilig Thuis is dag en nacht bereikbaar op { -veilig-thuis-phone }.
