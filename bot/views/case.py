"""The case as modals: an overview with the step now due, and each part of the dossier page by page.

The overview stays small whatever the case holds (Slack allows 100 blocks per view): the newest
signals fill the room that is left, everything else opens per section, paged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from slack_sdk.models.blocks import Block, ButtonElement, DividerBlock, HeaderBlock, PlainTextObject
from slack_sdk.models.views import View

from bot.flows import framework
from bot.flows.dossier import (
    AnswerView,
    DossierView,
    SignalView,
    StatusView,
)
from bot.flows.framework import Answer, Stage
from bot.flows.process import STEP_NUMBER, CaseStep, Missing
from bot.flows.vocabulary import CaseState
from bot.ids import Action, Callback, Section
from bot.texts import t
from bot.views import dossier_text
from bot.views.common import MAX_MODAL_BLOCKS, button, buttons, context, modal, mrkdwn, paginate, plain, show_date
from bot.views.consequences import hint_lines
from bot.views.dossier_text import Kind
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
# What question 1 still waits for, in one sentence per combination.
MISSING_KEYS = {
    (Missing.CONSULTATION,): "missing_consultation",
    (Missing.CONVERSATION,): "missing_conversation",
    (Missing.CONSULTATION, Missing.CONVERSATION): "missing_consultation_and_conversation",
}
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
        context(t("status_purged", date=show_date(view.purged_at)) if view.purged_at else t("status_private")),
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
    if view.may_export:
        blocks += buttons([button(Action.EXPORT_CASE, "button_export", str(view.case_id))])
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
    if state is CaseState.WEIGHING and CaseStep.CLOSE in view.steps:
        return [mrkdwn(t("now_weighing_handed_over")), *_question_blocks(view)]
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
    table = framework.FRAMEWORKS[version]
    hints = [t(f"question_{number}_hint"), *hint_lines(framework.consequences(table, state, number))]
    if number == 2 and view.disclosed:
        hints.append(t("question_2_disclosure"))
    blocks: list[Block] = [
        mrkdwn(t("weighing_question_head", round=round_number, number=number) + "\n" + t(f"question_{number}")),
        context("\n".join(hints)),
    ]
    if state.with_veilig_thuis:
        blocks.append(context(t("with_veilig_thuis")))
    if number == 1 and view.missing:
        blocks.append(mrkdwn(t(MISSING_KEYS[view.missing])))
    if answers:
        blocks.append(
            context(" · ".join(t("answer_summary", number=a.question, answer=label(a.answer)) for a in answers))
        )
    if CaseStep.ANSWER in view.steps:
        question = table.question(number)
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


def blocks_of(parts: dossier_text.Item) -> list[Block]:
    """One dossier item as blocks, after a divider: a user's text whole and plain, the rest mrkdwn."""
    blocks: list[Block] = [DividerBlock()]
    for part in parts:
        if part.kind is Kind.TEXT:
            blocks += plain(part.text)
        elif part.kind is Kind.NOTE:
            blocks.append(context(part.text))
        else:
            blocks.append(mrkdwn(part.text))
    return blocks


def signal_blocks(number: int, signal: SignalView) -> list[Block]:
    return blocks_of(dossier_text.signal(number, signal))


_SECTION_ITEMS: dict[Section, Callable[[DossierView], list[list[Block]]]] = {
    Section.SIGNALS: _signals,
    Section.CONSULTATIONS: lambda v: _newest_first([blocks_of(dossier_text.consultation(c)) for c in v.consultations]),
    Section.CONVERSATIONS: lambda v: _newest_first([blocks_of(dossier_text.conversation(c)) for c in v.conversations]),
    Section.WEIGHINGS: lambda v: _newest_first([blocks_of(dossier_text.weighing(w)) for w in v.weighings]),
    Section.REPORTS: lambda v: _newest_first([blocks_of(dossier_text.report(r)) for r in v.reports]),
    Section.HELP_PLANS: lambda v: _newest_first([blocks_of(dossier_text.help_plan(p)) for p in v.help_plans]),
    Section.TIMELINE: lambda v: _newest_first([[context(timeline_line(e))] for e in v.timeline]),
    Section.REMINDERS: lambda v: _newest_first([blocks_of(dossier_text.reminder(r)) for r in v.reminders]),
}
_PER_PAGE = {Section.TIMELINE: 25}
