"""The case as modals: an overview with the step now due, and each part of the dossier page by page.

The overview stays small whatever the case holds (Slack allows 100 blocks per view): the newest
signals fill the room that is left, everything else opens per section, paged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk.models.blocks import Block, ButtonElement, DividerBlock
from slack_sdk.models.views import View

from bot.catalogue import joined, t
from bot.documents import dossier_text
from bot.documents.consequences import hint_lines
from bot.documents.dates import show_date
from bot.documents.dossier_text import Kind
from bot.documents.labels import (
    AGE_GUIDANCE,
    MELDNORMS,
    NOW,
    QUESTION_HINTS,
    QUESTIONS,
    SECTION_BUTTONS,
    label,
    label_key,
    named,
)
from bot.documents.timeline import timeline_line
from bot.flows.rules.framework import Answer
from bot.flows.rules.process import STEP_NUMBER, CaseStep, Missing
from bot.flows.steps.dossier import CaseOverview, DossierPage, SignalView, StatusView
from bot.flows.vocabulary import CaseState, DossierPart
from bot.slack.ids import Action, Callback, show_action
from bot.slack.views.common import MAX_MODAL_BLOCKS, button, buttons, context, header, modal, mrkdwn, plain, slack_plain

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
    CaseStep.KINDCHECK: ((Action.RECORD_KINDCHECK, "button_record_kindcheck"),),
}
# The step the framework asks for now is the primary button.
_PRIMARY = {CaseStep.TAKE, CaseStep.REPORT, CaseStep.HELP_PLAN, CaseStep.NEW_WEIGHING}
# What question 1 still waits for, in one sentence per combination.
MISSING_KEYS = {
    (Missing.CONSULTATION,): "missing_consultation",
    (Missing.CONVERSATION,): "missing_conversation",
    (Missing.CONSULTATION, Missing.CONVERSATION): "missing_consultation_and_conversation",
}
_SIGNALS_NOTICE_BLOCKS = 1


def state_text(state: CaseState) -> str:
    return label(state)


def case_modal(view: CaseOverview | StatusView) -> View:
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


def overview_modal(view: CaseOverview) -> View:
    blocks: list[Block] = [
        header(view.reference),
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
        age = label(view.age_band) if view.age_band else t("age_unknown")
        blocks += plain(slack_plain(t("pupil_line", name=view.pupil_name, group=view.pupil_group, age=age)))
    else:
        blocks.append(context(t("dossier_no_pupil")))
    if view.special_form:
        blocks.append(mrkdwn(t("special_form_banner")))
    blocks.append(_kindcheck(view))
    blocks += [DividerBlock(), *_now_blocks(view), *buttons(_step_buttons(view))]
    blocks += _recent_events(view)
    blocks += buttons(_section_buttons(view))
    if view.may_export:
        blocks += buttons([button(Action.EXPORT_CASE, "button_export", str(view.case_id))])
    blocks += _newest_signals(view, MAX_MODAL_BLOCKS - len(blocks))
    return modal(Callback.CASE, view.reference, blocks, metadata={"case": view.case_id})


def _kindcheck(view: CaseOverview) -> Block:
    """The kindcheck as the case knows it now: the other children at home and who cares for them."""
    check = view.kindcheck
    if check is None:
        return context(t("kindcheck_missing"))
    return mrkdwn(joined([t("kindcheck_now", date=show_date(check.recorded_at)), check.children, check.carers]))


def _state_line(view: CaseOverview) -> str:
    line = t("dossier_state", state=state_text(view.state))
    if view.state in STEP_NUMBER:
        line += " · " + t("dossier_step", step=STEP_NUMBER[view.state])
    if view.coordinator_id:
        line += "\n" + t("dossier_taken_by", user_id=view.coordinator_id)
    elif view.state is CaseState.NEW:
        line += "\n" + t("dossier_not_taken")
    upcoming = view.next_reminder
    if upcoming is not None:
        line += "\n" + t("dossier_next_reminder", kind=label(upcoming.kind), date=show_date(upcoming.at))
    return line


def _now_blocks(view: CaseOverview) -> list[Block]:
    """What the meldcode asks for now, in words, with the afwegingskader's buttons when it is their turn."""
    weighing = view.weighing
    state = view.state
    if state is CaseState.IN_PROGRESS:
        guidance = [context(named(AGE_GUIDANCE, view.age_band))] if view.age_band else []
        return [mrkdwn(t("now_in_progress")), *guidance, *_question_blocks(view)]
    if state is CaseState.REPORT_DUE and weighing is not None:
        norm = weighing.state.meldnorm
        return [mrkdwn(t("now_report_due", meldnorm=norm, norm=named(MELDNORMS, norm)))]
    if state is CaseState.HELP_RUNNING and view.help_plan is not None:
        plan = view.help_plan
        intro = mrkdwn(t("now_help_running", term=show_date(plan.term), casemanager_id=plan.casemanager_id))
        return [intro, *_question_blocks(view)]
    if state is CaseState.WEIGHING and CaseStep.CLOSE in view.steps:
        return [mrkdwn(t("now_weighing_handed_over")), *_question_blocks(view)]
    if state is CaseState.WEIGHING:
        return _question_blocks(view)
    if state is CaseState.REPORTED and view.report is not None:
        report = view.report
        key = "now_reported_feedback" if report.feedback_on else "now_reported"
        return [mrkdwn(t(key, date=show_date(report.reported_on), meldnorm=report.meldnorm))]
    if state is CaseState.CLOSED and view.closing is not None:
        return [mrkdwn(t("now_closed", reason=label(view.closing.reason), date=show_date(view.closing.closed_at)))]
    return [mrkdwn(named(NOW, state))]


def _question_blocks(view: CaseOverview) -> list[Block]:
    """The question asked now, with its answer buttons for those who may answer it."""
    due = view.question
    if due is None:
        return []
    hints = [named(QUESTION_HINTS, due.number), *hint_lines(due.consequences)]
    if due.number == 2 and view.disclosed:
        hints.append(t("question_2_disclosure"))
    blocks: list[Block] = [
        mrkdwn(joined([t("weighing_question_head", round=due.round, number=due.number), named(QUESTIONS, due.number)])),
        context(joined(hints)),
    ]
    if due.with_veilig_thuis:
        blocks.append(context(t("with_veilig_thuis")))
    if due.number == 1 and view.missing:
        blocks.append(mrkdwn(t(MISSING_KEYS[view.missing])))
    given = view.weighing.answers if view.weighing is not None else ()
    if given:
        blocks.append(
            context(joined([t("answer_summary", number=a.question, answer=label(a.answer)) for a in given], " · "))
        )
    if CaseStep.ANSWER in view.steps:
        value = f"{view.case_id}:{due.number}"
        blocks += buttons([button(ANSWER_ACTIONS[a], label_key(a), value) for a in due.answers])
    return blocks


def _step_buttons(view: CaseOverview) -> list[ButtonElement]:
    value = str(view.case_id)
    # In the order of STEP_BUTTONS: what the framework asks for now comes first.
    return [
        button(action, label_key, value, primary=step in _PRIMARY)
        for step, actions in STEP_BUTTONS.items()
        if step in view.steps
        for action, label_key in actions
    ]


def _recent_events(view: CaseOverview) -> list[Block]:
    if not view.recent_events:
        return []
    lines = [timeline_line(e) for e in view.recent_events]
    return [DividerBlock(), mrkdwn(joined([t("recent_events"), *lines]))]


def _section_buttons(view: CaseOverview) -> list[ButtonElement]:
    # The weighings' button counts the answers given, which is what a coordinator looks for.
    counts = {**view.counts, DossierPart.WEIGHINGS: view.answers}
    return [
        button(show_action(part), SECTION_BUTTONS[part], f"{view.case_id}:{part.value}:0", count=count)
        for part, count in counts.items()
        if count
    ]


def _newest_signals(view: CaseOverview, room: int) -> list[Block]:
    """The newest signals that fit; when some do not, a line says where they are."""
    total = view.counts[DossierPart.SIGNALS]
    if not total:
        return []
    blocks: list[Block] = [
        DividerBlock(),
        header(t("dossier_signals", count=total)),
    ]
    shown = 0
    for number, signal in view.newest_signals:
        rendered = signal_blocks(number, signal)
        if len(blocks) + len(rendered) > room - _SIGNALS_NOTICE_BLOCKS:
            break
        blocks += rendered
        shown += 1
    if shown < total:
        blocks.append(context(t("dossier_more", count=total - shown)))
    return blocks


# --- the sections ----------------------------------------------------------------------------


# Rows read from the database for one page of a part; the modal shows as many as fit.
PAGE_ROWS = {DossierPart.TIMELINE: 25}
DEFAULT_PAGE_ROWS = 10


def page_rows(part: DossierPart) -> int:
    return PAGE_ROWS.get(part, DEFAULT_PAGE_ROWS)


def section_modal(page: DossierPage, *, from_end: bool = False) -> View:
    """The items of a page that fit in one modal, newest first: from its first item on, or (going
    back to newer items) up to its last. Its buttons carry where the next page starts or ends."""
    drawn = [_ITEM_BLOCKS[page.part](item) for item in page.items]
    budget, kept = MAX_MODAL_BLOCKS - 3, 0
    order = list(reversed(drawn)) if from_end else drawn
    used = 0
    for item in order:
        if kept and used + len(item) > budget:
            break
        used += len(item)
        kept += 1
    first = page.offset + (len(drawn) - kept if from_end else 0)
    shown = drawn[first - page.offset : first - page.offset + kept]
    reference, case_id, part = page.reference, page.case_id, page.part.value
    if shown:
        head = t("section_head", reference=reference, first=first + 1, last=first + kept, total=page.total)
    else:
        head = t("section_head_empty", reference=reference)
    blocks: list[Block] = [context(head), *(block for item in shown for block in item)]
    if not shown:
        blocks.append(context(t("home_none")))
    nav = []
    if first > 0:
        nav.append(button(Action.PAGE_NEWER, "button_page_newer", f"{case_id}:{part}:{first}"))
    if first + kept < page.total:
        nav.append(button(Action.PAGE_OLDER, "button_page_older", f"{case_id}:{part}:{first + kept}"))
    blocks += buttons(nav)
    return modal(Callback.SECTION, label(page.part), blocks, metadata={"case": case_id})


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


_ITEM_BLOCKS: dict[DossierPart, Callable[[Any], list[Block]]] = {
    DossierPart.SIGNALS: lambda numbered: signal_blocks(*numbered),
    DossierPart.CONSULTATIONS: lambda item: blocks_of(dossier_text.consultation(item)),
    DossierPart.CONVERSATIONS: lambda item: blocks_of(dossier_text.conversation(item)),
    DossierPart.WEIGHINGS: lambda item: blocks_of(dossier_text.weighing(item)),
    DossierPart.REPORTS: lambda item: blocks_of(dossier_text.report(item)),
    DossierPart.HELP_PLANS: lambda item: blocks_of(dossier_text.help_plan(item)),
    DossierPart.TIMELINE: lambda item: [context(timeline_line(item))],
    DossierPart.REMINDERS: lambda item: blocks_of(dossier_text.reminder(item)),
}
