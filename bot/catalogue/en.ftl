# The English catalogue: every sentence a user sees, with the same keys and placeholders as nl.ftl.
#
# Markup: <b>…</b> is emphasis; PERSON($id) names a person (each platform shows it its own way).
#
# Written for English-speaking staff at Dutch schools. Dutch proper names stay Dutch, with a short
# gloss where a person first meets them: meldcode, afwegingskader, Veilig Thuis, meldnorm, kindcheck,
# bevoegd gezag. Words used throughout:
#   zorgcoördinator = care coordinator     casus = case             melding = report (to Veilig Thuis)
#   zorgmelding = concern                   signaal = signal         afweging = weighing
#   overleg = consultation                  gesprek = conversation   hulpplan = help plan
#   zorgteam = care team                    casemanager = case manager
#   termijn (of a help plan) = review date  terugkoppeling = feedback
#   directie = school leadership            bestuur = school board   kenmerk = reference
#   leerling = pupil                        leerlingdossier = pupil file
# Phone numbers and legal facts are exactly as in Dutch.

-veilig-thuis-phone = 0800-2000

dm_file_not_taken =
    The bot does not take files. What you share here is now in your OneDrive and in this chat: if it is about a pupil, delete it in both places.
dm_intro =
    Hello! I help you record a concern about a pupil under the meldcode (the Dutch reporting code for domestic violence and child abuse). Do not write names or details here: messages in this conversation stay in { $platform }'s history and show up in notifications. Use the button: the form is stored encrypted, and only those who need it can read it.
button_start = Report a concern
button_open_case = Open case
button_finish_draft = Finish
modal_intake_title = Report a concern
modal_next = Next
modal_cancel = Cancel
modal_save = Save
modal_close = Close
intake_intro =
    Record what you saw or heard, not what you think is going on. That is enough: from here the care coordinator (zorgcoördinator) takes it up together with you.
label_school = School
label_route = Who is your concern about?
route_home = A situation at home (parents, carers or others in the household)
route_staff_member = A member of school staff
route_between_children = Something between pupils
label_acute = Is a child in acute danger right now?
yes = Yes
no = No
modal_signal_title = Record a signal
signal_guidance =
    Record what you saw or heard, as literally as you can: observations, not interpretations or conclusions. Also write down what points the other way. You need not be sure: a niet-pluis feeling is enough to record it.
label_pupil_name = Pupil's name
label_pupil_group = Group or class
label_age_band = Age
age_under_12 = Under 12
age_12_16 = 12 to 16
age_16_plus = 16 or older
age_unknown = age unknown
label_observed = What did you see or hear?
hint_observed = Facts, not interpretations: what exactly did you see or hear, in the words that were used?
label_observed_on = When?
label_location = Where?
label_source = Source
source_own = My own observation
source_told = Told by someone else
label_source_detail = Who told you?
hint_source_detail = Only if someone else told you: their role, for example 'the pupil themselves'.
label_categories = Kind of signal
category_physical = Physical
category_behaviour = Behaviour
category_emotional = Emotional or developmental
category_parent = Signals concerning the parents
category_disclosure = Disclosure by the child
category_other = Other
label_counter_facts = What points the other way?
hint_counter_facts = Facts that contradict or soften the concern. They belong in the dossier too.
error_required = Please fill this in.
error_too_long =
    This text is { $length ->
        [one] { $length } character
       *[other] { $length } characters
    } long; this field holds { $limit ->
        [one] { $limit } character
       *[other] { $limit } characters
    }. Nothing has been removed: shorten it yourself, or put the rest in a second signal.
error_future_date = This date is in the future.
error_source_detail_required = Fill in who told you.
acute_banner =
    🚨 <b>Acute danger?</b> Call <b>112</b> if a life is in immediate danger. Veilig Thuis (the national advice and reporting centre for domestic violence and child abuse) can be reached day and night on <b>{ -veilig-thuis-phone }</b> (free of charge). The care coordinator and the school leadership have already been alerted.
acute_banner_staff =
    🚨 <b>Acute danger?</b> Call <b>112</b> if a life is in immediate danger. Veilig Thuis (the national advice and reporting centre for domestic violence and child abuse) can be reached day and night on <b>{ -veilig-thuis-phone }</b> (free of charge). As soon as you choose below, the bot alerts the care coordinator and whoever you choose; if you close this window, only the care coordinator.
registered_title = Recorded
registered_new = Your concern has been recorded as <b>{ $reference }</b>.
registered_added = Your signal has been added to <b>{ $reference }</b>.
registered_next =
    The care coordinator has been told and will take it up. You will hear when the case has been taken up and when it is closed, without details. New signals? Simply report them again.
advice_line = In doubt, or would you like advice? Call Veilig Thuis (the national advice and reporting centre): { -veilig-thuis-phone }. You may consult them anonymously.
choice_title = Ongoing case
choice_intro = There is already a case for this pupil: <b>{ $reference }</b>. How would you like to record your signal?
choice_add = Add to { $reference }
choice_new = Record as a new case
guidance_title = Another route
board_route_intro =
    A suspicion of a sexual offence, violence or intimidation by a member of staff does not fall under the meldcode (the Dutch reporting code for domestic violence and child abuse). By law you must report it <b>at once</b> to the competent authority, the school board (bevoegd gezag). The board consults the confidential inspector of the Education Inspectorate (vertrouwensinspecteur, 0900-1113111) and, if a sexual offence is suspected, must then report it to the police or the judicial authorities. The bot only records that this route was taken, without any details, and alerts whoever you choose below.
label_board_alert = Who should the bot alert?
board_alert_director = The school leadership
board_alert_board = The school board (for instance if it concerns the school leadership)
board_alert_nobody =
    ⚠️ No school leadership or school board has been set up in the bot. Inform the school board yourself, at once; the bot only records that this route was taken.
board_route_director =
    Recorded as <b>{ $reference }</b>, without further details. The school leadership has been alerted (the reference only) and will make sure the school board hears of it at once. The board consults the confidential inspector and, if a sexual offence is suspected, reports it to the police or the judicial authorities.
board_route_board =
    Recorded as <b>{ $reference }</b>, without further details. The school board has been alerted (the reference only), not the school leadership. The board consults the confidential inspector and, if a sexual offence is suspected, reports it to the police or the judicial authorities.
board_route_nobody =
    Recorded as <b>{ $reference }</b>, without further details. Inform the school board yourself now: it consults the confidential inspector (0900-1113111) and, if a sexual offence is suspected, reports it to the police or the judicial authorities.
safety_plan_route =
    Concerns about what pupils do to each other fall under the school's safety plan, not under the meldcode. Discuss it with the care coordinator and follow the safety plan. Is a child also unsafe at home? Then report again and choose 'A situation at home'.
notice_case_registered = New concern <b>{ $reference }</b>: step 1, mapping the signals.
notice_signal_added = New signal on <b>{ $reference }</b>.
notice_case_registered_urgent = 🚨 <b>Acute danger reported.</b> New concern <b>{ $reference }</b>: step 1, mapping the signals.
notice_signal_added_urgent = 🚨 <b>Acute danger reported.</b> New signal on <b>{ $reference }</b>.
notice_acute_alert =
    🚨 <b>Acute danger reported</b> by { PERSON($reporter_id) }. Get in touch at once. Veilig Thuis: { -veilig-thuis-phone }; if a life is in immediate danger, 112.
notice_board_route =
    Suspicion against a member of staff recorded as <b>{ $reference }</b>. The competent authority (the school board) must be informed at once; the board consults the confidential inspector and, if a sexual offence is suspected, reports it to the police or the judicial authorities.
notice_board_route_board =
    A member of staff reports a suspicion against a member of staff: <b>{ $reference }</b>. As the competent authority (bevoegd gezag), consult the confidential inspector of the Education Inspectorate (vertrouwensinspecteur, 0900-1113111) at once; if a sexual offence is suspected, you must then report it to the police or the judicial authorities. At the reporter's request, the school leadership has not been alerted.
notice_staff_route_unrecorded =
    You did not record a suspicion against a member of staff, and the bot has alerted no one. By law you must inform the competent authority (the school board) at once. Record it after all with the button, or inform the school board yourself.
notice_board_route_noted =
    <b>{ $reference }</b>: a suspicion against a member of staff has been reported through the school board's route. The meldcode does not apply here; there is nothing for you to do.
notice_registration_confirmed_new =
    Your concern has been recorded as <b>{ $reference }</b>. The care coordinator has been told.
notice_registration_confirmed_added =
    Your signal has been added to <b>{ $reference }</b>. The care coordinator has been told.
notice_weekly =
    📋 Your week in the meldcode: <b>{ $open }</b> open { $open ->
        [one] case
       *[other] cases
    }, <b>{ $overdue }</b> of them late and <b>{ $to_take }</b> still to take.
notice_weekly_deadline = <b>{ $reference }</b> · { $kind } · { $date }
notice_weekly_home = Everything per case is in the bot's App Home, for you only.
notice_taken_by = Taken up by { PERSON($user_id) }.
notice_case_taken = Your concern <b>{ $reference }</b> has been taken up by the care coordinator.
notice_case_closed = Your concern <b>{ $reference }</b> has been closed. Thank you for reporting it.
notice_team_added =
    You have been added to the care team for <b>{ $reference }</b>. You see only this case, and only while you are in its care team.
notice_casemanager =
    You are the case manager of the help plan for <b>{ $reference }</b>. Open the case for the agreements and the review date.
notice_director_informed =
    <b>{ $reference }</b>: the afwegingskader (the weighing framework) is under way (question 1 was answered yes). For your information.
notice_case_weighed =
    Your concern <b>{ $reference }</b> has been weighed with the afwegingskader (the weighing framework). The care coordinator stays in charge of the case.
notice_delivery_failed =
    ⚠️ <b>{ $reference }</b>: a message from the bot to { PERSON($recipient_id) } could not be delivered. Please contact them yourself.
notice_reminder_parked =
    ⚠️ <b>{ $reference }</b>: a reminder for this case could not be processed (code { $incident }). Keep an eye on the deadline yourself; the bot's administrator can see it with `meldbot check`.
reminder_evaluation =
    ⏰ <b>{ $reference }</b>: the help plan's review date has been reached ({ $due }). Evaluate the help: question 5 of the afwegingskader. Has the help achieved the intended result?
reminder_evaluation_escalated =
    ⏰ <b>{ $reference }</b>: the evaluation of the help plan (question 5) has not been answered since { $due }. For your information: discuss it with the care coordinator and the case manager.
reminder_feedback =
    ⏰ <b>{ $reference }</b>: has the feedback from Veilig Thuis on the report come in? Veilig Thuis decides within five working days.
reminder_referral =
    ⏰ <b>{ $reference }</b>: has the family started with the help it was referred to? Please check.
reminder_referral_escalated =
    ⏰ <b>{ $reference }</b>: since { $due }, the case manager has not confirmed that the family has started with the help it was referred to.
reminder_idle =
    ⏰ <b>{ $reference }</b>: nothing has been recorded in this case for a while, and the next step is the school's. Open the case to see what is due.
reminder_idle_escalated =
    ⏰ <b>{ $reference }</b>: this case has come to a standstill; the care coordinator was reminded on { $due }. For your information.
reminder_not_taken =
    ⏰ <b>{ $reference }</b> has not been taken up by anyone yet. Take up the case, or agree who will.
reminder_not_taken_escalated =
    ⏰ <b>{ $reference }</b> has not been taken up by any care coordinator since { $due }. Agree who will.
reminder_follow_up =
    🌱 <b>Follow-up { $reference }</b>: the case is closed. How is the pupil doing now? Well, a new signal, or keep following for a while?
reminder_kind_follow_up = follow-up (nazorg)
nazorg_good = doing well
nazorg_new_signal = new signal
nazorg_done_good = 🌱 <b>Follow-up { $reference }</b>: doing well, recorded. No more reminders.
nazorg_done_new_signal = 🌱 <b>Follow-up { $reference }</b>: new signal. Record it in the form; it becomes a new case, with a new weighing.
button_follow_up_good = Doing well
button_follow_up_signal = New signal
button_keep_following = Keep following
reminder_rescheduled = <b>{ $reference }</b>: noted. You will be reminded again on { $due }.
reminder_referral_done = <b>{ $reference }</b>: recorded that the family has started with the help. Thank you.
reminder_kind_evaluation = evaluation of the help plan (question 5)
reminder_kind_feedback = feedback from Veilig Thuis
reminder_kind_referral = start of the referred help
reminder_kind_idle = case without activity
reminder_kind_not_taken = case not taken up
button_not_yet = Not yet
button_postpone = Remind me on…
button_referral_confirmed = Family has started
postpone_title = Remind me later
postpone_intro =
    <b>{ $reference }</b> · { $kind }. Choose the day on which you want to be reminded again, and why. The reason goes into the dossier.
label_until = Remind me on
label_postpone_reason = Why later?
notice_draft_pending =
    Your signal has been kept, but not yet recorded in a case. Choose how you would like to record it.
state_new = New: not yet taken up
state_in_progress = Taken up: consultation and conversation
state_weighing = Weighing with the afwegingskader
state_report_due = Report to Veilig Thuis
state_help_plan_due = Record the help plan
state_help_running = Help under way
state_reported = Reported to Veilig Thuis
state_closed = Closed
state_referred_to_board = Referred to the competent authority (school board)
dossier_meta = { $school } · { $route } · reported by { PERSON($reporter_id) } on { $date }
dossier_state = <b>Status:</b> { $state }
dossier_acute = 🚨 Acute danger was reported at registration.
dossier_signals = Signals ({ $count })
dossier_signal_head = <b>Signal { $number }</b> · { $date } · { $categories }
dossier_signal_meta = Recorded by { PERSON($reporter_id) } on { $recorded }
dossier_location = Where: { $location }
dossier_source_own = Source: own observation
dossier_source_told = Source: told by { $who }
dossier_counter_facts = What points the other way:
dossier_more =
    { $count ->
        [one] { $count } older signal is not shown here: see the Signals button.
       *[other] { $count } older signals are not shown here: see the Signals button.
    }
pupil_line = { $name }, { $group } ({ $age })
dossier_no_pupil = No pupil details are recorded for this route.
status_text =
    <b>{ $reference }</b>
    Status: { $state }
    Reported on { $date }
home_statistics = Statistics (anonymous)
home_statistics_year =
    { $year }: { $registered } registered · { $acute } acute · { $reported } to Veilig Thuis · { $closed } closed
home_statistics_board =
    <b>{ $schools ->
        [one] { $schools } school
       *[other] All { $schools } schools together
    }</b>
home_statistics_school = <b>{ $school }</b>
home_statistics_school_line = <b>{ $school }</b> · { $counts }
home_statistics_note =
    Counts per year of registration, including cases deleted after the retention period. No names or references.
button_export = Export (PDF)
button_export_confirm = Export
label_export_document = What would you like to export?
export_choice_access_report = The pupil's access report: who viewed, changed or exported the dossier (NEN 7513)
export_choice_dossier = The dossier, for the pupil file (the part not open to parents)
export_choice_conversation = Conversation report, { $date } ({ $with_whom }), for signing
export_stored_in_slack =
    ⚠️ The PDF file arrives in your private conversation with the meldcode bot and is thereby stored in Slack, under your workspace's retention and export settings. Save it in the pupil file, then delete it in Slack.
export_audited = Every export goes into the case's audit trail.
export_failed =
    The PDF of { $reference } could not be put into Slack. Try again in a few minutes from the case.
export_stored_in_teams =
    ⚠️ The PDF file arrives in your chat with the meldcode bot and is thereby stored in your OneDrive, under your school's retention settings. Save it in the pupil file, then delete it from your OneDrive.
export_offered =
    Look in your chat with the meldcode bot: Teams asks there whether the file may go into your OneDrive. Allow it; the PDF then appears in the chat. Only then is it made, and the export goes into the audit trail.
export_failed_teams =
    The PDF of { $reference } could not be put into your OneDrive. Try again in a few minutes from the case.
export_document_access_report = the access report
export_document_dossier = the dossier
export_document_conversation = a conversation report
pdf_author = Meldcode bot
pdf_dossier_title = Meldcode dossier { $reference }
pdf_dossier_closed_to_parents =
    Confidential. For the part of the pupil file that is not open to parents.
pdf_route = Route
pdf_state = Status
pdf_registered = Registered
pdf_by_on = { $name }, { $date }
pdf_coordinator = Care coordinator
pdf_closing = Closing
pdf_close_note = Explanation
pdf_monitoring = Agreements to keep following the child
pdf_conversation_title = Report of a conversation · { $reference }
pdf_conversation_parents_view = The parents' or carers' own view (may be added to)
pdf_conversation_sign = Signed as read
pdf_conversation_sign_note =
    By signing, the parents state that they have read this report. They do not have to agree with it; their own view belongs with it.
pdf_sign_who = Name
pdf_sign_date = Date
pdf_sign_signature = Signature
pdf_sign_parent = Parent/carer { $number }
pdf_sign_school = On behalf of the school
pdf_footer = { $reference } · confidential · made on { $date } by { $name }
pdf_page = page { $page }
pdf_file_access_report = { $reference }-access-report.pdf
pdf_access_title = Access report (NEN 7513)
pdf_access_intro = Who viewed, changed, exported or was refused this pupil's dossier, and when, from the meldcode bot's audit trail. For a request for access (GDPR art. 15). Making this report is in it too.
pdf_access_cases = Cases
pdf_access_count = Events
pdf_access_when = When
pdf_access_who = Who
pdf_access_kind = Kind
pdf_access_what = What
pdf_access_case = Case
pdf_access_bot = the meldcode bot
pdf_access_via_server = { $what } (on the server)
access_kind_viewed = viewed
access_kind_changed = recorded
access_kind_exported = exported
access_kind_refused = refused
pdf_file_dossier = { $reference }-dossier.pdf
pdf_file_conversation = { $reference }-conversation-{ $number }.pdf
error_no_such_conversation = No report can be made of this conversation: it does not exist, or it was skipped.
error_ambiguous_reference = This reference exists at more than one school ({ $schools }): choose the school.
status_private = What others add to the case is visible only to those handling the case.
status_purged =
    The retention period has passed: the data of this case was deleted on { $date }. Only the reference and the audit trail have been kept.
dossier_step = step { $step } of 5
dossier_taken_by = Taken up by { PERSON($user_id) }
dossier_not_taken = ⚠️ Not yet taken up by anyone.
recent_events = <b>Latest events</b>
recorded_by = Recorded by { PERSON($user_id) } on { $date }
form_case = Case <b>{ $reference }</b>
now_new =
    <b>Now:</b> take up the case. After that you record consultations and conversations, and weigh with the afwegingskader (the weighing framework).
now_in_progress =
    <b>Now: steps 2 and 3.</b> Consult a colleague or an expert, and talk with the parents and/or the pupil. Once you have seen and heard enough, answer question 1 of the afwegingskader (the weighing framework) below.
now_report_due =
    <b>Now: report to Veilig Thuis</b> (reporting standard or meldnorm { $meldnorm }: { $norm }). Make the report and record it here.
now_help_plan_due =
    <b>Now: organise help.</b> Record the help plan: the review date by which the effect must be visible, the case manager, and who does what.
now_help_running =
    <b>Help under way</b> until { $term }; case manager { PERSON($casemanager_id) }. Then you evaluate with question 5.
now_reported =
    <b>Reported to Veilig Thuis</b> on { $date } (meldnorm { $meldnorm }). Veilig Thuis decides within five working days and reports back; record that feedback. The school keeps following the child.
now_reported_feedback =
    <b>Reported to Veilig Thuis</b> on { $date } (meldnorm { $meldnorm }); the feedback has been recorded. The school keeps following the child. If Veilig Thuis has taken the case over, close it.
now_closed = <b>Closed</b> on { $date }: { $reason }.
now_weighing_handed_over =
    <b>Veilig Thuis has reported back.</b> If Veilig Thuis has taken the case over, close it (handed over after the report, with agreements on following the child). Or answer the questions below together with Veilig Thuis.
missing_consultation = ⌛ Question 1 builds on steps 1 to 3. Still needed: a consultation (step 2).
missing_conversation =
    ⌛ Question 1 builds on steps 1 to 3. Still needed: a conversation with the parents and/or the pupil, or the reason to skip it (step 3).
missing_consultation_and_conversation =
    ⌛ Question 1 builds on steps 1 to 3. Still needed: a consultation (step 2) and a conversation with the parents and/or the pupil, or the reason to skip it (step 3).
now_referred_to_board = This concern goes through the competent authority (the school board), not through the meldcode.
special_form_banner =
    ⚠️ Suspected honour-related violence, forced marriage or female genital mutilation: contact Veilig Thuis directly ({ -veilig-thuis-phone }).
age_guidance_under_12 = Under 12: hold the conversation with the parents, and with the child too where possible.
age_guidance_12_16 = 12 to 16: talk with the pupil and/or with the parents.
age_guidance_16_plus = 16 or older: hold the conversation with the pupil themselves.
button_take = I'll take this
button_record_consultation = Record consultation
button_record_conversation = Record conversation
button_skip_conversation = Skip conversation
button_set_team = Care team
button_record_report = Record report
button_record_feedback = Record feedback
button_record_help_plan = Record help plan
button_new_weighing = Weigh again
button_close_case = Close case
button_page_newer = Newer
button_page_older = Older
section_button_signals = Signals ({ $count })
section_button_consultations = Consultations ({ $count })
section_button_conversations = Conversations ({ $count })
section_button_weighings = Weighings ({ $count })
section_button_reports = Reports ({ $count })
section_button_help_plans = Help plans ({ $count })
section_button_timeline = Timeline ({ $count })
section_button_reminders = Reminders ({ $count })
section_signals = Signals
section_consultations = Consultations
section_conversations = Conversations
section_weighings = Weighings
section_reports = Reports
section_help_plans = Help plans
section_timeline = Timeline
section_reminders = Reminders
reminder_item = <b>{ $kind }</b> · { $state }
reminder_state_scheduled = scheduled for { $date }
reminder_state_waiting =
    { $count ->
        [one] sent once
       *[other] sent { $count } times
    }; next step { $date }
reminder_state_done = dealt with
reminder_state_cancelled = no longer needed
reminder_escalated = Passed on to the next person in line (not answered in time).
reminder_postponed = On { $date }, { PERSON($user_id) } moved this reminder to { $until }. Reason:
dossier_next_reminder = ⏰ Next reminder: { $kind }, { $date }
referral_confirmed = On { $date }, { PERSON($user_id) } confirmed that the family has started with this help.
section_head = <b>{ $reference }</b> · { $first }–{ $last } of { $total }
section_head_empty = <b>{ $reference }</b>
signal_origin_consent_refused =
    The parents refused consent to discuss the pupil with outside experts. Recorded from the conversation.
grey_zone =
    🌫️ <b>No suspicion, but worries remain?</b> The family may be in the grey area (grijze gebied): things are (just) good enough, you wish the child more, and the family wants no help now. Discuss with the care team what can be done (light support, the social network in the neighbourhood) and how you keep following the pupil. A new signal opens the case again.
question_1 =
    Based on steps 1 to 3, is there a suspicion of (the threat of) domestic violence or child abuse?
question_1_hint = Concerns that are not about safety can still be followed up outside the meldcode after a no.
question_2 = Is there acute and/or structural unsafety?
question_2_hint = Doubt counts as yes.
question_2_disclosure =
    💬 A signal records that the child told it themselves (disclosure). That too falls under meldnorm 1: report to Veilig Thuis.
question_3 = Can the school, or a partner, offer or organise effective help to avert the threat?
question_3_hint =
    Help means the school's care structure and its partners, such as school social work, the CJG (youth and family centre) or the neighbourhood team; a teacher's extra attention is not help in this sense.
question_4 = Do those involved accept that help, and are they willing to commit to it?
question_4_hint =
    The help plan gets a review date by which the effect must be visible, a case manager, and agreements on who does what.
question_5 =
    By the review date, has the help led to the agreed results for the child's safety and well-being?
question_5_hint =
    The evaluation belongs to the review date. If things have got worse, a no can come earlier; a yes before the review date needs confirmation that the agreed results have already been achieved.
hint_answer_line = <b>{ $answers }</b>: { $consequence }
meldnorm_1 = acute and/or structural unsafety, or a disclosure by the child
meldnorm_2 = the school cannot offer or organise sufficiently effective help, or the help is not accepted
meldnorm_3 = the help does not lead to the necessary results; the unsafety does not stop or comes back
weighing_question_head = <b>Weighing { $round }, question { $number } of 5</b>
with_veilig_thuis = together with Veilig Thuis
answer_summary = { $number }: { $answer }
answer_yes = Yes
answer_no = No
answer_doubt = Doubt
stage_ask = waiting for the next question
stage_report_due = record the report
stage_help_plan_due = record the help plan
weighing_head = <b>Weighing { $round }</b> · afwegingskader { $version } (the weighing framework) · started { $date }
answer_head = <b>Question { $number }:</b> { $answer }
answer_head_together = <b>Question { $number }:</b> { $answer } · together with Veilig Thuis
weighing_result_close = <b>Outcome:</b> no suspicion; closed.
weighing_result_report = <b>Outcome:</b> report to Veilig Thuis (meldnorm { $meldnorm }).
weighing_result_close_help = <b>Outcome:</b> the help succeeded; closed with agreements on following the child.
weighing_result_open = <b>Still in progress:</b> { $state }.
modal_consultation_title = Record consultation
consultation_intro =
    Step 2: consultation. You ask Veilig Thuis ({ -veilig-thuis-phone }) for advice anonymously: do not give the pupil's name or any other details. For injuries you can consult a confidential doctor (vertrouwensarts) or a forensic doctor.
label_consultation_kind = With whom?
label_colleague = Which colleague? (only for a colleague)
label_other_role = Which role? (only for 'other')
hint_other_role = A role, not a name, for example 'school attendance officer'.
label_held_on = Date
label_outcome = What came out of it?
label_special_form = Is this about honour-related violence, forced marriage or female genital mutilation?
modal_special_form_title = Contact Veilig Thuis
special_form_advice =
    The consultation has been recorded in <b>{ $reference }</b>.

    ⚠️ If you suspect honour-related violence, forced marriage or female genital mutilation, contact Veilig Thuis ({ -veilig-thuis-phone }) <b>directly</b>. Do not talk with the parents before you have done so: it may put the child in danger.
modal_team_title = Care team
team_intro =
    Whoever you add here can see only this case, and add consultations and conversations to it. Whoever you remove loses that access at once.
label_team = Care team for this case
hint_team = For example the internal confidential adviser, the support coach or the school social worker.
conversation_tips =
    💬 <b>Before the conversation.</b> Do not judge: say what you saw or heard and ask how they see it; there may be a good explanation. Build the conversation up calmly, especially where directness comes across as blunt. Listen actively: ask on, sum up, make room for emotions. Never promise secrecy; do promise that you will do nothing without talking it over with them first, unless that puts the child in danger.
modal_conversation_title = Record conversation
label_with_whom = With whom?
label_participants = Who was there?
hint_participants = Roles or names of those present, such as 'mother, mentor, care coordinator'.
label_shared = What was shared?
label_reaction = How did they react?
label_agreements = What was agreed?
label_consent = The parents' consent to discuss the pupil with outside experts
label_household = Kindcheck (the child check): other children in the family, and who looks after them
hint_household = Are there brothers or sisters, or other children in the home? Who looks after them?
modal_skip_title = Skip conversation
skip_intro =
    You may skip a conversation with the parents or the pupil only for the safety of the child, of yourself or of others, or if there is a real risk that the family breaks off contact. The reason goes into the dossier.
label_skip_reason = Reason
label_skip_note = Explanation
modal_answer_title = Weighing
answer_modal_question = <b>Question { $number }</b>
answer_modal_given = Your answer: <b>{ $answer }</b>
consequence_director = The school leadership will be informed (the reference only).
consequence_next = Question { $number } comes next.
consequence_report_due = A report to Veilig Thuis follows (meldnorm { $meldnorm }); you record it here.
consequence_then_with_veilig_thuis = After that you answer questions { $number } to 5 together with Veilig Thuis.
consequence_report = Veilig Thuis already has the report and takes it from there; no second report follows.
consequence_help_plan = You then record the help plan; you answer question 5 at the review date.
consequence_close = The case is then closed; the reporter only hears that it has been closed.
consequence_close_help = The help and the case are then closed, with agreements on following the child.
label_rationale = Why? (rationale)
hint_rationale = Goes into the dossier with this answer, with your name and the date.
label_monitoring = Agreements on continuing to monitor safety
early_confirmation_intro =
    The review date of the help is { $term }. A yes before the review date is only possible if the agreed results have already been achieved.
label_early_confirmation = Before the review date
early_confirmation_yes = The agreed results for safety and well-being have already been achieved
modal_report_title = Report to Veilig Thuis
report_intro =
    Report to Veilig Thuis (the national advice and reporting centre) under reporting standard (meldnorm) { $meldnorm }: { $norm }. Veilig Thuis: { -veilig-thuis-phone }. Keep what the school saw itself apart from what others told.
label_reported_on = Date of the report
label_reported_by = Who made the report?
label_channel = How?
label_vt_reference = Veilig Thuis reference
label_own_facts = What the school itself saw or heard
hint_own_facts = Facts from your own observation. What others told goes in the next field.
label_third_party_facts = What others told (and who)
label_parents_informed = Were the parents informed beforehand?
label_pupil_informed = Was the pupil (from age 12) informed beforehand?
without_consent_intro =
    <b>Not informed beforehand?</b> Then fill in the reason and answer the five questions for reporting without consent.
label_no_consent_reason = Reason for not informing beforehand
consent_question_1 = 1. Does the report serve the weighty interests at stake?
consent_question_2 = 2. Is there another way, without breaking confidentiality?
consent_question_3 = 3. Why could consent not be asked for or obtained?
consent_question_4 = 4. What weighs more: the interest of reporting or that of keeping silent?
consent_question_5 = 5. Who gets which information?
label_reference_index = Verwijsindex: was a registration considered?
label_reference_index_reason = Why so?
verwijsindex_registered = Yes: registered, or asked a partner who may register to do so
verwijsindex_not_needed = Considered, and not needed
verwijsindex_left_to_others = Left to Veilig Thuis or the care that takes it on
report_reference_index = <b>Verwijsindex:</b> { $choice }
label_objections = The parents' objections
modal_feedback_title = Veilig Thuis feedback
feedback_intro = Veilig Thuis decides within five working days of the report and lets the school know what it will do.
label_feedback_on = Date of the feedback
label_feedback = What Veilig Thuis decided and agreed
modal_help_plan_title = Help plan
help_plan_intro =
    Question 4 is yes: the help starts. Make the agreements as concrete as you can, so that everyone knows what is expected of them.
label_term = Review date: when must the effect be visible?
hint_term = On this date you evaluate the help with question 5.
label_casemanager = Case manager
label_tasks = Who does what?
hint_tasks = The tasks of each person, including the case manager's.
label_referral_contact = Refer to (sociale kaart)
label_referral = Referred to
hint_referral = Or type the organisation (and whom there) when it is not in the sociale kaart. What you type comes first.
label_parent_agreements = Agreements with the parents
modal_close_title = Close case
close_intro =
    After the report and the feedback: close the case if Veilig Thuis has taken it over. The school keeps following the child; record how. The reporter only hears that the case has been closed.
label_follow_up = Follow-up: when does the bot ask how it goes?
label_follow_up_optional = Do worries remain? Follow-up: when does the bot ask how it goes?
hint_follow_up = On that school morning the bot asks the coordinator how the pupil is doing now. Within a year.
error_follow_up_date = Choose a date after today, within a year.
modal_kindcheck_title = Kindcheck
kindcheck_intro =
    The kindcheck (child check) is part of the case: are there other children in the household, and who cares for them? Record what you know now; when you learn more, record it again. Worries about those children? Those are signals, for a case of their own.
label_kindcheck_children = Other children in the household
label_kindcheck_carers = Who cares for them, and is that care safe enough?
kindcheck_head = <b>Kindcheck</b> · { $date }
kindcheck_now = <b>Kindcheck</b> ({ $date }):
kindcheck_missing = Kindcheck: not recorded yet. Are there other children in the household, and who cares for them?
caption_kindcheck_children = Other children in the household
caption_kindcheck_carers = Who cares for them
section_kindchecks = Kindcheck
button_record_kindcheck = Kindcheck
label_close_note = Why can the case be closed?
consultation_head = <b>{ $kind }</b> · { $date }
consultation_head_colleague = <b>{ $kind }</b> · { $date } · { PERSON($colleague_id) }
caption_outcome = Outcome:
conversation_head = <b>Conversation with { $with_whom }</b> · { $date }
conversation_skipped_head = <b>Conversation skipped</b> · { $reason }
conversation_consent = Consent for outside consultation: <b>{ $consent }</b>
caption_participants = Present:
caption_shared = Shared:
caption_reaction = Reaction:
caption_agreements = Agreements:
caption_household = Kindcheck:
caption_rationale = Rationale:
report_head = <b>Report</b> (meldnorm { $meldnorm }) · { $date } · by { PERSON($user_id) } · { $channel }
caption_vt_reference = Veilig Thuis reference:
caption_own_facts = The school's own facts:
caption_third_party_facts = Facts from others:
caption_objections = The parents' objections:
report_informed = Informed beforehand: parents <b>{ $parents }</b>, pupil <b>{ $pupil }</b>
report_no_consent = Reported without consent; reason: <b>{ $reason }</b>
report_feedback_head = <b>Feedback from Veilig Thuis</b> · { $date }
help_plan_head = <b>Help plan</b> · review date { $term } · case manager { PERSON($casemanager_id) }
caption_tasks = Who does what:
caption_referral = Referred to:
consultation_kind_colleague = A colleague
consultation_kind_veilig_thuis = Veilig Thuis (anonymous advice)
consultation_kind_medical_expert = Confidential doctor or forensic doctor (injuries)
consultation_kind_school_social_work = School social work
consultation_kind_youth_doctor = Youth health doctor (jeugdarts)
consultation_kind_internal_support = Internal support coordinator (intern begeleider)
consultation_kind_other = Other
with_parents = the parents
with_pupil = the pupil
with_both = parents and pupil
consent_given = given
consent_refused = refused
consent_not_asked = not (yet) asked
skip_reason_child_safety = Safety of the child
skip_reason_reporter_safety = Safety of the reporter
skip_reason_others_safety = Safety of others
skip_reason_losing_contact = Real risk that the family breaks off contact
channel_phone = By phone
channel_form = Through the reporting form
informed_yes = yes
informed_no = no
informed_not_applicable = not applicable (under 12)
no_consent_reason_safety = The safety of the child, the reporter or others
no_consent_reason_losing_sight = The risk of losing sight of the child
close_reason_no_suspicion = no suspicion of domestic violence or child abuse
close_reason_help_succeeded = the help has had the intended result
close_reason_handed_over = handed over to Veilig Thuis after the report
team_role_team_member = care team
team_role_casemanager = case manager
timeline_line = { $date } · { PERSON($actor_id) } · { $what }
timeline_dossier_viewed = viewed the dossier
timeline_status_viewed = viewed the state of the case
timeline_access_refused = was refused access
timeline_case_created = registered the concern
timeline_signal_added = recorded a signal
timeline_acute_alert = reported acute danger
timeline_board_route_recorded = recorded the route through the competent authority
timeline_draft_held = held a signal back pending a choice
timeline_case_taken = took up the case
timeline_consultation_recorded = recorded a consultation ({ $kind })
timeline_team_member_added = added { PERSON($member_id) } ({ $role })
timeline_team_member_removed = removed { PERSON($member_id) } ({ $role })
timeline_conversation_recorded = recorded a conversation with { $with_whom }
timeline_conversation_skipped = skipped the conversation ({ $reason })
timeline_consent_refused = recorded the refused consent as a signal
timeline_weighing_started = started weighing { $round } (afwegingskader { $version })
timeline_question_answered = answered question { $number }: { $answer }
timeline_question_answered_together = answered question { $number } together with Veilig Thuis: { $answer }
timeline_director_informed = informed the school leadership
timeline_report_recorded = recorded the report to Veilig Thuis (meldnorm { $meldnorm })
timeline_feedback_recorded = recorded the feedback from Veilig Thuis
timeline_help_plan_recorded =
    recorded the help plan (review date { $term }, case manager { PERSON($casemanager_id) })
timeline_case_closed = closed the case: { $reason }
timeline_reminder_sent = sent a reminder: { $kind }
timeline_reminder_escalated = passed the reminder ({ $kind }) on to { $roles }
timeline_reminder_postponed = moved the reminder ({ $kind }) to { $until }
timeline_reminder_not_yet = noted 'not yet' ({ $kind }); new reminder on { $until }
timeline_referral_confirmed = confirmed that the family has started with the referred help
timeline_message_failed = could not deliver a message to { PERSON($recipient_id) }
timeline_reminder_parked = could not process a reminder (code { $incident }) and set it aside
timeline_follow_up_recorded = recorded the follow-up: { $outcome }
timeline_kindcheck_recorded = recorded the kindcheck
timeline_case_purged =
    deleted the data: the retention period ({ $years ->
        [one] { $years } year
       *[other] { $years } years
    } after closing) had passed
timeline_case_exported = exported { $document } as a PDF
timeline_line_system = { $date } · the meldcode bot · { $what }
role_casemanager = the case manager
role_coordinator = the care coordinator
role_director = the school leadership
button_my_cases = My cases
my_cases_title = My cases
home_title = Meldcode for domestic violence and child abuse
home_intro =
    Do you feel that something is not right with a pupil (a 'niet pluis' feeling)? Record what you saw or heard. The care coordinator (zorgcoördinator) is told at once and takes it up with you.
home_emergency = 🚨 Acute danger: call <b>112</b>. Veilig Thuis (the national advice and reporting centre), day and night: <b>{ -veilig-thuis-phone }</b>.
home_range = { $first }–{ $last } of { $total }
home_my_reports = Concerns I reported
home_case_line = <b>{ $reference }</b> · { $state } · { $date }
home_none = None.
home_language = Language
home_language_note =
    The bot uses the language you choose here for everything it shows and sends you, including reminders and the PDFs you export.
language_nl = Nederlands
language_en = English
error_not_a_member =
    You are not yet listed at a school in the meldcode bot, so nothing has been saved. Ask the care coordinator or the bot's administrator to add you. Acute danger? Call 112 or Veilig Thuis: { -veilig-thuis-phone }.
error_no_access =
    You do not have access to this case. Only those handling the case can open it. Do you have a concern yourself? Then record it with 'Report a concern' in your chat with the bot.
error_case_not_found = This case does not exist (any more).
error_draft_gone = This signal has already been recorded, or it does not belong to you.
error_unknown_request = The bot does not know this button or form (any more). Start again from your chat with the bot.
error_invalid_input = Not everything has been filled in correctly.
error_generic =
    Something went wrong (code { $incident }). Whatever was already saved is kept. Please try again; if it keeps going wrong, pass the code on to the bot's administrator.
error_generic_field =
    Something went wrong (code { $incident }); this form has not been saved yet. Everything you typed is still there: try again in a moment. If it keeps going wrong, pass the code on to the bot's administrator.
error_title = That did not work
error_step_not_allowed =
    This does not fit where the case stands now. Open the case again: it shows what is due now.
error_already_taken = This case has already been taken up by { PERSON($user_id) }.
error_already_answered =
    Question { $question } has already been answered by { PERSON($user_id) }: <b>{ $answer }</b>. Open the case again.
error_not_this_question = The afwegingskader goes in order: first question { $expected }.
error_colleague_required = Choose the colleague you consulted.
error_team_too_large = A care team can have at most 20 members here.
error_monitoring_required = Record how safety will continue to be monitored.
error_confirm_early = Confirm that the agreed results have already been achieved, or wait until the review date.
error_steps_missing =
    Question 1 builds on steps 1 to 3: first record at least one consultation, and a conversation with the parents and/or the pupil or the reason to skip it. Open the case again: it shows what is still needed.
error_pupil_from_12 = From age 12 this also applies to the pupil: choose yes or no.
error_no_consent_reason = Choose why they were not informed beforehand.
error_term_in_future = The review date must be after today.
error_reminder_settled = This reminder has already been dealt with. Open the case to see where things stand.
error_postpone_date = Choose a day after today, at most a year ahead.
export_title = { $reference } · { $document }

## meldbot demo: the narration, the people and what they type (invented pupils only)

demo_anna = Anna (teacher, group 5)
demo_bram = Bram (teacher, group 7)
demo_sanne = Sanne (care coordinator)
demo_dirk = Dirk (head teacher)
demo_sees = What { $person } sees
demo_dm = Message from the bot to { $person }
demo_updated = The message, updated in { $person }'s chat with the bot
demo_field_errors = Under the fields, in red
demo_anna_starts = { $anna } has a "niet pluis" feeling (something is not right) and types /meldcode.
demo_route = She chooses a situation at home, with no acute danger. The form for the signal opens.
demo_invalid =
    She first leaves 'what did you see' empty and picks tomorrow's date: the form says what is wrong.
demo_submitted =
    She fills it in, as facts, and records it. The window confirms; Sanne gets a message with the reference only.
demo_open_case = { $sanne } clicks '{ button_open_case }': the dossier opens, for her eyes only.
demo_forwarded = Sanne's message is forwarded to { $bram }, who clicks the same button.
demo_free_text =
    Bram writes about a pupil in his chat with the bot instead. The bot does not keep it, and says why.
demo_acute =
    Bram registers a concern with acute danger: 112 and Veilig Thuis show at once; Sanne and Dirk are alerted.
demo_take = Sanne clicks '{ button_take }' on Anna's concern. The case opens at the step that is due now.
demo_step_2 = Step 2: she records a consultation with the intern begeleider (the school's learning support coordinator).
demo_step_3 = Step 3: the conversation with the parents, with the kindcheck. Mother agrees to advice from outside the school.
demo_weighing = Steps 4 and 5: the afwegingskader, one question at a time. She clicks '{ answer_yes }' on question 1.
demo_director = Dirk gets one line: the reference, and that the weighing is under way. Nothing more.
demo_help_plan = Question 4 is '{ answer_yes }': help starts. She records the help plan, with Bram as case manager.
demo_referral_due =
    Time travel: the demo sets the bot's clock to { $date }, ten days on. The round that runs every 30 seconds finds the reminders that are now due. Bram, as case manager, is asked whether the family has started with the help.
demo_referral_confirmed = Bram clicks '{ button_referral_confirmed }' in the reminder. It is recorded; the message says so.
demo_term = { $date }: the end of the help plan's term. Bram and Sanne are asked to evaluate the help (question 5).
demo_evaluation =
    Bram answers from the reminder itself: '{ answer_no }', the help did not bring the agreed results.
demo_report = '{ answer_no }' to question 5 means a melding under meldnorm 3. Sanne records the melding to Veilig Thuis.
demo_feedback_due = { $date }: five working days after the melding. Has Veilig Thuis reported back?
demo_not_yet = Not yet. Sanne clicks '{ button_not_yet }': the bot will ask again in three working days.
demo_timeline = The whole story is in the timeline, page by page; the bot's reminders are part of it.
demo_home = App Home
demo_desk =
    Sanne opens the bot's App Home: her desk. Each open case stands under what must happen now, with its next deadline. Daan's acute concern has not been taken and stands at the top, late. Names do show here: only she sees her App Home.
demo_evaluation_opened = At the bottom she clicks '{ evaluation_button }': this school year's interne evaluatie, in counts without names. `meldbot report` makes it a PDF for the board.
demo_anna_starts_teams = { $anna } has a "niet pluis" feeling (something is not right). The meldcode app is installed for her in Teams; in her chat with the bot she clicks '{ button_start }'.
demo_file_allow = Allow
demo_file_decline = Decline
demo_export_teams =
    Sanne makes a PDF of the dossier for the pupil file. Teams does not put a file into someone's OneDrive just like that: the bot offers it in her chat, and she has to allow it.
demo_export_allowed =
    She allows it. Only now does the bot make the PDF, put it into her OneDrive, and put the export on the audit trail. The file's name gives the reference only.
demo_desk_teams =
    Sanne clicks '{ button_my_cases }' in her chat with the bot: her desk. Each open case stands under what must happen now, with its next deadline. Names do show here: only she sees this window.
demo_end_teams =
    That was the real app, in HTTP mode, against a fake Teams Bot Connector on this machine. Nothing left this machine.
demo_storage = In the database (a SQLite file) every name and every text is encrypted, field by field.
demo_audit = audit trail: { $count } events, each chained to the one before: { $state }
demo_audit_intact = intact
demo_audit_broken = BROKEN at event { $id }
demo_end =
    That was the real app, in HTTP mode, against a fake Slack on this machine. Nothing left this machine.
demo_typed_dm = I am worried about a pupil in my class
demo_typed_group_mila = group 5
demo_typed_group_daan = group 7
demo_typed_observed = Came in without a coat and without breakfast three days in a row; said 'mum is still asleep'.
demo_typed_location = Classroom, on arrival
demo_typed_counter_facts = Looks cheerful and plays with classmates.
demo_typed_consultation = Agreed to talk with the mother first.
demo_typed_participants = mother, care coordinator
demo_typed_shared = What Anna saw on arrival.
demo_typed_reaction = Mother was shocked and told us about a hard time.
demo_typed_agreements = Mother is open to help from the neighbourhood team.
demo_typed_household = A brother aged 2; mother cares for the children alone.
demo_typed_rationale_1 = Repeated signs of neglect; mother confirms the worries.
demo_typed_rationale_2 = No acute danger; mother cooperates.
demo_typed_rationale_3 = The neighbourhood team can start within two weeks.
demo_typed_rationale_4 = Mother has agreed to the neighbourhood team.
demo_typed_rationale_5 = Mother did not go to the neighbourhood team; the signs continue.
demo_typed_tasks = Bram: a short weekly contact with mother. Sanne: consults the neighbourhood team.
demo_typed_referral = Neighbourhood team
demo_typed_parent_agreements = Mother goes to the neighbourhood team this week.
demo_typed_own_facts = What Anna saw, and that mother did not go to the neighbourhood team.
demo_typed_reference_index = Veilig Thuis and the neighbourhood team take it on; they weigh the registration.
demo_multiline = (several lines)
demo_no_date = dd-mm-yyyy
demo_optional = (optional)

## The sociale kaart

contacts_title = Local contacts
contacts_intro = Whom to call, and what for (the school's sociale kaart). Acute danger: always call 112 first.
contacts_school = <b>{ $school }</b>
contacts_consultation = <b>You can consult:</b>
contact_line_phone = <b>{ $organisation }</b> · { $role } · { $phone }
contact_line_website = <b>{ $organisation }</b> · { $role } · { $website }
contact_line_both = <b>{ $organisation }</b> · { $role } · { $phone } · { $website }
contact_role_acute = acute danger
contact_role_advice = advice and reporting (anonymous advice too)
contact_role_police = police
contact_role_medical_expert = vertrouwensarts or forensic doctor (with injuries)
contact_role_school_social_work = school social work
contact_role_youth_doctor = youth doctor (jeugdarts)
contact_role_cjg = youth and family centre (CJG)
contact_role_neighbourhood_team = neighbourhood team (wijkteam)
contact_role_help = help
contact_role_reference_index = verwijsindex (the national reference index)
contact_role_other = other

## The interne evaluatie

evaluation_title = Meldcode internal evaluation (interne evaluatie)
evaluation_heading = <b>{ $school }</b> · concerns registered from { $first } to { $last }
evaluation_note_period = A concern counts in the period it was registered in, with everything that became of it since. Counts only: no reference, no name.
evaluation_note_small = Counts from 1 to below { $threshold } show as "< { $threshold }": in a small school a small number can point at a child.
evaluation_section_registered = Concerns registered
evaluation_section_handled = How they were handled
evaluation_section_pace = Pace and deadlines
evaluation_registered = Concerns registered (with a dossier)
evaluation_route_home = At home (the meldcode)
evaluation_route_staff_member = Against a staff member (board route)
evaluation_route_between_children = Between pupils (to the safety plan, no dossier)
evaluation_acute = With acute danger
evaluation_category = Signal: { $category }
evaluation_closed_no_suspicion = Closed at question 1 (no suspicion)
evaluation_help_started = Help started
evaluation_help_succeeded = Help succeeded, closed
evaluation_reported = Melding to Veilig Thuis
evaluation_meldnorm = of which under meldnorm { $meldnorm }
evaluation_handed_over = Handed over after a melding, closed
evaluation_share_reported = Share of concerns at home that led to a melding
evaluation_median_take = Median until a coordinator took the concern
evaluation_median_decision = Median until the first decision (melding, help or closing)
evaluation_missed = Deadlines missed (the reminder had to go higher)
evaluation_fewer_than = < { $threshold }
evaluation_number = { $value }
evaluation_not_shown = –
evaluation_percent = { $percent }%
evaluation_days =
    { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
evaluation_chart_title = How the concerns were handled (of { $registered } registered)
evaluation_footer = Meldcode internal evaluation · { $school } · made on { $date }
evaluation_file = internal-evaluation-{ $school }-{ $first }-{ $last }
evaluation_button = Internal evaluation
evaluation_modal_title = Internal evaluation
evaluation_school_year = School year { $start }–{ $end }

## The desk: open cases in the App Home, per what is due

desk_title = Open cases ({ $count })
desk_pupil = { $name } ({ $group })
desk_case_line = <b>{ $reference }</b> · { $pupil } · { $due }
desk_your_role = your role: { $roles }
desk_taken_by = with { PERSON($user_id) }
desk_acute = 🚨 acute
desk_help_term = help runs until { $date }
desk_deadline = ⏰ { $kind }: { $date }
desk_overdue = ⚠️ <b>Late</b>: { $kind }, { $date }
desk_group_count = { $group }: <b>{ $count }</b>
desk_overdue_count = ⚠️ late: <b>{ $count }</b>
desk_escalated_count = 📣 escalated to you: <b>{ $count }</b>
desk_filter_every_group = Everything open
desk_filter_group = { $group } ({ $count })
desk_filter_every_school = All schools
label_desk_due = Which concerns
label_desk_school = School
button_desk_filter = Show
desk_team_title = In my care team ({ $count })
due_to_take = To take
due_steps = Steps 2–3: consultation and conversation
due_weighing = Weighing (steps 4–5)
due_feedback = Awaiting Veilig Thuis
due_help = Help running
due_monitoring = After the melding: following
due_board = Board route
button_page_previous = Previous
button_page_next = Next

## /meldcode help: the five steps and the afwegingskader

guide_title = The meldcode in short
guide_intro = The meldcode in five steps. The bot walks you through them; here you see them at once.
guide_steps_head = <b>The five steps</b>
guide_step_1 = 1. <b>Map the signals.</b> Anyone at school records what they saw or heard (/meldcode); the coordinator takes it on.
guide_step_2 = 2. <b>Consult colleagues</b>, and where needed Veilig Thuis (anonymously), a vertrouwensarts or another expert.
guide_step_3 = 3. <b>Talk with the parents and/or the pupil</b>, unless that puts someone's safety at risk.
guide_step_4 = 4. <b>Weigh</b> with the afwegingskader: is there a suspicion, and is it unsafe?
guide_step_5 = 5. <b>Decide</b>: offer or organise help, and/or make a melding to Veilig Thuis.
guide_framework_head = <b>The afwegingskader</b> (steps 4 and 5): five questions, each answer with its reasoning.
guide_question = <b>{ $number }. { $question }</b>
guide_more = Whom to call: /meldcode contacts. Acute danger: call 112; Veilig Thuis answers day and night on { -veilig-thuis-phone }.
