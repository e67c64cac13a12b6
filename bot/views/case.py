"""The case as modals: an overview with the step now due, and each part of the dossier page by page.

The overview stays small whatever the case holds (Slack allows 100 blocks per view): the newest
signals fill the room that is left, everything else opens per section, paged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from slack_sdk.models.blocks import Block, ButtonElement, DividerBlock, HeaderBlock, PlainTextObject
from slack_sdk.models.views import View

from bot.flows import framework
from bot.flows.dossier import (
    AnswerView,
    ConsultationView,
    ConversationView,
    DossierView,
    HelpPlanView,
    ReminderView,
    ReportView,
    SignalView,
    StatusView,
    WeighingView,
)
from bot.flows.framework import Answer, Stage
from bot.flows.process import STEP_NUMBER, CaseStep
from bot.flows.vocabulary import CaseState, ConsultationKind, Informed, SignalSource
from bot.ids import Action, Callback, Section
from bot.texts import t
from bot.views.common import MAX_MODAL_BLOCKS, button, buttons, context, modal, mrkdwn, paginate, plain, show_date
from bot.views.labels import label
from bot.views.timeline import timeline_line

ANSWER_ACTIONS = {Answer.YES: Action.ANSWER_YES, Answer.NO: Action.ANSWER_NO, Answer.DOUBT: Action.ANSWER_DOUBT}
ANSWER_OF_ACTION = {action: answer for answer, action in ANSWER_ACTIONS.items()}

# The buttons for each step the viewer may take now; ANSWER is drawn with the question itself.
STEP_BUTTONS: dict[CaseStep, tuple[tuple[Action, str], ...]] = {
    CaseStep.TAKE: ((Action.TAKE_CASE, "button_take"),),
    CaseStep.REPORT: ((Action.RECORD_REPORT, "button_record_report"),),
    CaseStep.HELP_PLAN: ((Action.RECORD_HELP_PLAN, "button_record_help_plan"),),
    CaseStep.NEW_WEIGHING: ((Action.NEW_WEIGHING, "button_new_weighing"),),
    CaseStep.FEEDBACK: ((Action.RECORD_FEEDBACK, "button_record_feedback"),),
    CaseStep.CLOSE: ((Action.CLOSE_CASE, "button_close_case"),),
    CaseStep.CONSULT: ((Action.RECORD_CONSULTATION, "button_record_consultation"),),
    CaseStep.TALK: (
        (Action.RECORD_CONVERSATION, "button_record_conversation"),
        (Action.SKIP_CONVERSATION, "button_skip_conversation"),
    ),
    CaseStep.SET_TEAM: ((Action.SET_TEAM, "button_set_team"),),
}
# The step the framework asks for now is the primary button.
_PRIMARY = {CaseStep.TAKE, CaseStep.REPORT, CaseStep.HELP_PLAN, CaseStep.NEW_WEIGHING}
RECENT_EVENTS = 5
_SIGNALS_NOTICE_BLOCKS = 1


def state_text(state: CaseState) -> str:
    return label(state)


def case_modal(view: DossierView | StatusView) -> View:
    if isinstance(view, StatusView):
        return status_modal(view)
    return overview_modal(view)


def status_modal(view: StatusView) -> View:
    blocks: list[Block] = [
        mrkdwn(
            t("status_text", reference=view.reference, state=state_text(view.state), date=show_date(view.created_at))
        ),
        context(t("status_private")),
    ]
    return modal(Callback.INFO, view.reference, blocks)


# --- the overview --------------------------------------------------------------------------


def overview_modal(view: DossierView) -> View:
    blocks: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=view.reference)),
        context(
            t(
                "dossier_meta",
                school=view.school_name,
                route=label(view.route),
                reporter_id=view.reporter_id,
                date=show_date(view.created_at),
            )
        ),
        mrkdwn(_state_line(view)),
    ]
    if view.acute:
        blocks.append(mrkdwn(t("dossier_acute")))
    if view.pupil_name:
        age = label(view.age_band) if view.age_band else "?"
        blocks += plain(f"{view.pupil_name}, {view.pupil_group} ({age})")
    else:
        blocks.append(context(t("dossier_no_pupil")))
    if view.special_form:
        blocks.append(mrkdwn(t("special_form_banner")))
    blocks += [DividerBlock(), *_now_blocks(view), *buttons(_step_buttons(view))]
    blocks += _recent_events(view)
    blocks += buttons(_section_buttons(view))
    blocks += _newest_signals(view, MAX_MODAL_BLOCKS - len(blocks))
    return modal(Callback.CASE, view.reference, blocks, metadata={"case": view.case_id})


def _state_line(view: DossierView) -> str:
    line = t("dossier_state", state=state_text(view.state))
    if view.state in STEP_NUMBER:
        line += " · " + t("dossier_step", step=STEP_NUMBER[view.state])
    if view.coordinator_id:
        line += "\n" + t("dossier_taken_by", user_id=view.coordinator_id)
    elif view.state is CaseState.NEW:
        line += "\n" + t("dossier_not_taken")
    upcoming = view.next_reminder
    if upcoming is not None and upcoming.next_at is not None:
        line += "\n" + t("dossier_next_reminder", kind=label(upcoming.kind), date=show_date(upcoming.next_at))
    return line


def _now_blocks(view: DossierView) -> list[Block]:
    """What the meldcode asks for now, in words, with the afwegingskader's buttons when it is their turn."""
    weighing = view.weighing
    state = view.state
    if state is CaseState.IN_PROGRESS:
        guidance = [context(t(f"age_guidance_{view.age_band}"))] if view.age_band else []
        return [mrkdwn(t("now_in_progress")), *guidance, *_question_blocks(view)]
    if state is CaseState.REPORT_DUE and weighing is not None:
        norm = weighing.state.meldnorm
        return [mrkdwn(t("now_report_due", meldnorm=norm, norm=t(f"meldnorm_{norm}")))]
    if state is CaseState.HELP_RUNNING and view.help_plans:
        plan = view.help_plans[-1]
        intro = mrkdwn(t("now_help_running", term=show_date(plan.term), casemanager_id=plan.casemanager_id))
        return [intro, *_question_blocks(view)]
    if state is CaseState.WEIGHING:
        return _question_blocks(view)
    if state is CaseState.REPORTED and view.reports:
        report = view.reports[-1]
        key = "now_reported_feedback" if report.feedback_on else "now_reported"
        return [mrkdwn(t(key, date=show_date(report.reported_on), meldnorm=report.meldnorm))]
    if state is CaseState.CLOSED and view.closing is not None:
        return [mrkdwn(t("now_closed", reason=label(view.closing.reason), date=show_date(view.closing.closed_at)))]
    return [mrkdwn(t(f"now_{state.value}"))]


def _question_blocks(view: DossierView) -> list[Block]:
    """The question asked now, with its answer buttons for those who may answer it."""
    weighing = view.weighing
    if weighing is None:  # the first answer starts the first weighing
        number, round_number, version, state = 1, 1, framework.CURRENT.version, framework.START
        answers: tuple[AnswerView, ...] = ()
    else:
        number, round_number, version, state = (
            weighing.state.question or 0,
            weighing.round,
            weighing.framework_version,
            weighing.state,
        )
        answers = weighing.answers
    if state.stage is not Stage.ASK or not number:
        return []
    blocks: list[Block] = [
        mrkdwn(t("weighing_question_head", round=round_number, number=number) + "\n" + t(f"question_{number}")),
        context(t(f"question_{number}_hint")),
    ]
    if state.with_veilig_thuis:
        blocks.append(context(t("with_veilig_thuis")))
    if answers:
        blocks.append(
            context(" · ".join(t("answer_summary", number=a.question, answer=label(a.answer)) for a in answers))
        )
    if CaseStep.ANSWER in view.steps:
        question = framework.FRAMEWORKS[version].question(number)
        value = f"{view.case_id}:{number}"
        blocks += buttons([button(ANSWER_ACTIONS[a], f"answer_{a.value}", value) for a in question.answers])
    return blocks


def _step_buttons(view: DossierView) -> list[ButtonElement]:
    value = str(view.case_id)
    # In the order of STEP_BUTTONS: what the framework asks for now comes first.
    return [
        button(action, label_key, value, primary=step in _PRIMARY)
        for step, actions in STEP_BUTTONS.items()
        if step in view.steps
        for action, label_key in actions
    ]


def _recent_events(view: DossierView) -> list[Block]:
    if not view.timeline:
        return []
    lines = [timeline_line(e) for e in view.timeline[-RECENT_EVENTS:]]
    return [DividerBlock(), mrkdwn(t("recent_events") + "\n" + "\n".join(reversed(lines)))]


def _section_buttons(view: DossierView) -> list[ButtonElement]:
    counts = {
        Section.SIGNALS: len(view.signals),
        Section.CONSULTATIONS: len(view.consultations),
        Section.CONVERSATIONS: len(view.conversations),
        Section.WEIGHINGS: sum(len(w.answers) for w in view.weighings),
        Section.REPORTS: len(view.reports),
        Section.HELP_PLANS: len(view.help_plans),
        Section.TIMELINE: len(view.timeline),
        Section.REMINDERS: len(view.reminders),
    }
    return [
        button(section.action, f"section_button_{section.value}", f"{view.case_id}:{section.value}:0", count=count)
        for section, count in counts.items()
        if count
    ]


def _newest_signals(view: DossierView, room: int) -> list[Block]:
    """The newest signals that fit; when some do not, a line says where they are."""
    if not view.signals:
        return []
    blocks: list[Block] = [
        DividerBlock(),
        HeaderBlock(text=PlainTextObject(text=t("dossier_signals", count=len(view.signals)))),
    ]
    shown = 0
    for number, signal in reversed(list(enumerate(view.signals, start=1))):
        rendered = signal_blocks(number, signal)
        if len(blocks) + len(rendered) > room - _SIGNALS_NOTICE_BLOCKS:
            break
        blocks += rendered
        shown += 1
    if shown < len(view.signals):
        blocks.append(context(t("dossier_more", count=len(view.signals) - shown)))
    return blocks


# --- the sections ----------------------------------------------------------------------------


def section_modal(view: DossierView, section: Section, page: int) -> View:
    items = _SECTION_ITEMS[section](view)
    pages = paginate(items, budget=MAX_MODAL_BLOCKS - 3, per_page=_PER_PAGE.get(section, 10))
    page = max(0, min(page, len(pages) - 1))
    blocks: list[Block] = [context(t("section_head", reference=view.reference, page=page + 1, pages=len(pages)))]
    blocks += pages[page] or [context(t("home_none"))]
    nav = []
    if page > 0:
        nav.append(button(Action.PAGE_NEWER, "button_page_newer", f"{view.case_id}:{section.value}:{page - 1}"))
    if page < len(pages) - 1:
        nav.append(button(Action.PAGE_OLDER, "button_page_older", f"{view.case_id}:{section.value}:{page + 1}"))
    blocks += buttons(nav)
    return modal(Callback.SECTION, t(f"section_{section.value}"), blocks, metadata={"case": view.case_id})


def _newest_first(items: Sequence[list[Block]]) -> list[list[Block]]:
    return list(reversed(items))


def _signals(view: DossierView) -> list[list[Block]]:
    return _newest_first([signal_blocks(n, s) for n, s in enumerate(view.signals, start=1)])


def signal_blocks(number: int, signal: SignalView) -> list[Block]:
    categories = ", ".join(label(c) for c in signal.categories)
    head = mrkdwn(t("dossier_signal_head", number=number, date=show_date(signal.observed_on), categories=categories))
    meta = context(t("dossier_signal_meta", reporter_id=signal.reporter_id, recorded=show_date(signal.recorded_at)))
    if signal.origin:
        return [DividerBlock(), head, mrkdwn(t(f"signal_origin_{signal.origin}")), meta]
    blocks: list[Block] = [
        DividerBlock(),
        head,
        *plain(signal.observed),
        *plain(t("dossier_location", location=signal.location)),
    ]
    if signal.source is SignalSource.TOLD_BY_OTHER:
        blocks += plain(t("dossier_source_told", who=signal.source_detail))
    else:
        blocks.append(context(t("dossier_source_own")))
    if signal.counter_facts:
        blocks += [context(t("dossier_counter_facts")), *plain(signal.counter_facts)]
    return [*blocks, meta]


def _recorded(by: str, at: datetime) -> Block:
    return context(t("recorded_by", user_id=by, date=show_date(at)))


def _labelled(label_key: str, text: str) -> list[Block]:
    """A caption from the catalogue over a user's text (plain, whole); nothing when the text is empty."""
    return [context(t(label_key)), *plain(text)] if text else []


def _consultation(item: ConsultationView) -> list[Block]:
    who = f" · <@{item.colleague_id}>" if item.kind is ConsultationKind.COLLEAGUE and item.colleague_id else ""
    blocks: list[Block] = [
        DividerBlock(),
        mrkdwn(t("consultation_head", kind=label(item.kind), date=show_date(item.held_on)) + who),
        *plain(item.other_role),
        *_labelled("caption_outcome", item.outcome),
    ]
    if item.special_form:
        blocks.append(mrkdwn(t("special_form_banner")))
    return [*blocks, _recorded(item.recorded_by, item.recorded_at)]


def _conversation(item: ConversationView) -> list[Block]:
    if item.skip_reason is not None:
        return [
            DividerBlock(),
            mrkdwn(t("conversation_skipped_head", reason=label(item.skip_reason))),
            *plain(item.skip_note),
            _recorded(item.recorded_by, item.recorded_at),
        ]
    assert item.with_whom is not None and item.held_on is not None and item.consent is not None
    return [
        DividerBlock(),
        mrkdwn(t("conversation_head", with_whom=label(item.with_whom), date=show_date(item.held_on))),
        *_labelled("caption_participants", item.participants),
        *_labelled("caption_shared", item.shared),
        *_labelled("caption_reaction", item.reaction),
        *_labelled("caption_agreements", item.agreements),
        mrkdwn(t("conversation_consent", consent=label(item.consent))),
        *_labelled("caption_household", item.household),
        _recorded(item.recorded_by, item.recorded_at),
    ]


def _weighing(item: WeighingView) -> list[Block]:
    blocks: list[Block] = [
        DividerBlock(),
        mrkdwn(t("weighing_head", round=item.round, version=item.framework_version, date=show_date(item.started_at))),
    ]
    for answer in item.answers:
        blocks += _answer(answer)
    blocks.append(mrkdwn(_weighing_result(item)))
    return blocks


def _answer(answer: AnswerView) -> list[Block]:
    together = " · " + t("with_veilig_thuis") if answer.with_veilig_thuis else ""
    return [
        mrkdwn(t("answer_head", number=answer.question, answer=label(answer.answer)) + together),
        context(t(f"question_{answer.question}")),
        *_labelled("caption_rationale", answer.rationale),
        _recorded(answer.answered_by, answer.answered_at),
    ]


def _weighing_result(item: WeighingView) -> str:
    state = item.state
    if state.stage is Stage.FINISHED and state.outcome is not None:
        return t(f"weighing_result_{state.outcome.value}", meldnorm=state.meldnorm)
    return t("weighing_result_open", state=t(f"stage_{state.stage.value}"))


def _report(item: ReportView) -> list[Block]:
    informed = t("report_informed", parents=label(item.parents_informed), pupil=label(item.pupil_informed))
    blocks: list[Block] = [
        DividerBlock(),
        mrkdwn(
            t(
                "report_head",
                meldnorm=item.meldnorm,
                date=show_date(item.reported_on),
                user_id=item.reported_by,
                channel=label(item.channel),
            )
        ),
        *_labelled("caption_vt_reference", item.vt_reference),
        *_labelled("caption_own_facts", item.own_facts),
        *_labelled("caption_third_party_facts", item.third_party_facts),
        mrkdwn(informed),
    ]
    if Informed.NO in (item.parents_informed, item.pupil_informed) and item.no_consent_reason is not None:
        blocks.append(mrkdwn(t("report_no_consent", reason=label(item.no_consent_reason))))
        for number, text in enumerate(item.without_consent, start=1):
            blocks += _labelled(f"consent_question_{number}", text)
    blocks += _labelled("caption_objections", item.objections)
    if item.feedback_on:
        blocks += [mrkdwn(t("report_feedback_head", date=show_date(item.feedback_on))), *plain(item.feedback)]
    return [*blocks, _recorded(item.recorded_by, item.recorded_at)]


def _help_plan(item: HelpPlanView) -> list[Block]:
    confirmed = []
    if item.referral_confirmed_by and item.referral_confirmed_at:
        when = show_date(item.referral_confirmed_at)
        confirmed = [context(t("referral_confirmed", user_id=item.referral_confirmed_by, date=when))]
    return [
        DividerBlock(),
        mrkdwn(t("help_plan_head", term=show_date(item.term), casemanager_id=item.casemanager_id)),
        *_labelled("caption_tasks", item.tasks),
        *_labelled("caption_referral", item.referral),
        *confirmed,
        *_labelled("caption_agreements", item.agreements),
        _recorded(item.recorded_by, item.recorded_at),
    ]


def _reminder(item: ReminderView) -> list[Block]:
    moment = item.next_at or item.due_at
    state = t(f"reminder_state_{item.state}", date=show_date(moment), count=item.sent_count)
    blocks: list[Block] = [DividerBlock(), mrkdwn(t("reminder_item", kind=label(item.kind), state=state))]
    if item.level:
        blocks.append(context(t("reminder_escalated")))
    for postponed in item.postponements:
        head = t(
            "reminder_postponed",
            user_id=postponed.postponed_by,
            until=show_date(postponed.until),
            date=show_date(postponed.postponed_at),
        )
        blocks += [context(head), *plain(postponed.reason)]
    return blocks


_SECTION_ITEMS: dict[Section, Callable[[DossierView], list[list[Block]]]] = {
    Section.SIGNALS: _signals,
    Section.CONSULTATIONS: lambda v: _newest_first([_consultation(c) for c in v.consultations]),
    Section.CONVERSATIONS: lambda v: _newest_first([_conversation(c) for c in v.conversations]),
    Section.WEIGHINGS: lambda v: _newest_first([_weighing(w) for w in v.weighings]),
    Section.REPORTS: lambda v: _newest_first([_report(r) for r in v.reports]),
    Section.HELP_PLANS: lambda v: _newest_first([_help_plan(p) for p in v.help_plans]),
    Section.TIMELINE: lambda v: _newest_first([[context(timeline_line(e))] for e in v.timeline]),
    Section.REMINDERS: lambda v: _newest_first([_reminder(r) for r in v.reminders]),
}
_PER_PAGE = {Section.TIMELINE: 25}
