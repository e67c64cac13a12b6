"""The case as dialogs: an overview with the step now due, and each part of the dossier page by page.

The overview stays small whatever the case holds (a Slack modal holds 100 blocks): the newest
signals fill the room that is left, everything else opens per part, paged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from bot.catalogue import joined, plain, t
from bot.documents import dossier_text
from bot.documents.consequences import hint_lines
from bot.documents.dates import show_date
from bot.documents.dialogs import MAX_PARTS, Dialog, Divider, Form, Heading, Part, Says, Written, buttons, info, size
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
from bot.documents.notices import Button, Does
from bot.documents.timeline import timeline_line
from bot.flows.rules.process import STEP_NUMBER, CaseStep, Missing
from bot.flows.steps.dossier import CaseOverview, DossierPage, SignalView, StatusView
from bot.flows.vocabulary import CaseState, DossierPart

# The buttons for each step the viewer may take now; ANSWER is drawn with the question itself.
STEP_BUTTONS: dict[CaseStep, tuple[tuple[Does, str], ...]] = {
    CaseStep.TAKE: ((Does.TAKE_CASE, "button_take"),),
    CaseStep.REPORT: ((Does.RECORD_REPORT, "button_record_report"),),
    CaseStep.HELP_PLAN: ((Does.RECORD_HELP_PLAN, "button_record_help_plan"),),
    CaseStep.NEW_WEIGHING: ((Does.NEW_WEIGHING, "button_new_weighing"),),
    CaseStep.FEEDBACK: ((Does.RECORD_FEEDBACK, "button_record_feedback"),),
    CaseStep.CLOSE: ((Does.CLOSE_CASE, "button_close_case"),),
    CaseStep.CONSULT: ((Does.RECORD_CONSULTATION, "button_record_consultation"),),
    CaseStep.TALK: (
        (Does.RECORD_CONVERSATION, "button_record_conversation"),
        (Does.SKIP_CONVERSATION, "button_skip_conversation"),
    ),
    CaseStep.SET_TEAM: ((Does.SET_TEAM, "button_set_team"),),
    CaseStep.KINDCHECK: ((Does.RECORD_KINDCHECK, "button_record_kindcheck"),),
}
# The step the framework asks for now is the primary button.
_PRIMARY = {CaseStep.TAKE, CaseStep.REPORT, CaseStep.HELP_PLAN, CaseStep.NEW_WEIGHING}
# What question 1 still waits for, in one sentence per combination.
MISSING_KEYS = {
    (Missing.CONSULTATION,): "missing_consultation",
    (Missing.CONVERSATION,): "missing_conversation",
    (Missing.CONSULTATION, Missing.CONVERSATION): "missing_consultation_and_conversation",
}
_SIGNALS_NOTICE_PARTS = 1


def case_dialog(view: CaseOverview | StatusView) -> Dialog:
    if isinstance(view, StatusView):
        return status_dialog(view)
    return overview_dialog(view)


def status_dialog(view: StatusView) -> Dialog:
    return info(
        view.reference,
        Says(t("status_text", reference=view.reference, state=label(view.state), date=show_date(view.created_at))),
        Says(t("status_purged", date=show_date(view.purged_at)) if view.purged_at else t("status_private"), aside=True),
    )


# --- the overview --------------------------------------------------------------------------


def overview_dialog(view: CaseOverview) -> Dialog:
    meta = t(
        "dossier_meta",
        school=view.school_name,
        route=label(view.route),
        reporter_id=view.reporter_id,
        date=show_date(view.created_at),
    )
    parts: list[Part] = [Heading(view.reference), Says(meta, aside=True), Says(_state_line(view))]
    if view.acute:
        parts.append(Says(t("dossier_acute")))
    if view.pupil_name:
        age = label(view.age_band) if view.age_band else t("age_unknown")
        parts.append(Written(plain(t("pupil_line", name=view.pupil_name, group=view.pupil_group, age=age))))
    else:
        parts.append(Says(t("dossier_no_pupil"), aside=True))
    if view.special_form:
        parts.append(Says(t("special_form_banner")))
    parts.append(_kindcheck(view))
    parts += [Divider(), *_now(view), *buttons(*_step_buttons(view))]
    parts += _recent_events(view)
    parts += buttons(*_section_buttons(view))
    if view.may_export:
        parts += buttons(Button(Does.EXPORT_CASE, t("button_export"), str(view.case_id)))
    parts += _newest_signals(view, MAX_PARTS - sum(size(p) for p in parts))
    return Dialog(Form.CASE, view.reference, tuple(parts), metadata={"case": view.case_id})


def _kindcheck(view: CaseOverview) -> Part:
    """The kindcheck as the case knows it now: the other children at home and who cares for them."""
    check = view.kindcheck
    if check is None:
        return Says(t("kindcheck_missing"), aside=True)
    return Says(joined([t("kindcheck_now", date=show_date(check.recorded_at)), check.children, check.carers]))


def _state_line(view: CaseOverview) -> Any:
    line = t("dossier_state", state=label(view.state))
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


def _now(view: CaseOverview) -> list[Part]:
    """What the meldcode asks for now, in words, with the afwegingskader's buttons when it is their turn."""
    weighing = view.weighing
    state = view.state
    if state is CaseState.IN_PROGRESS:
        guidance = [Says(named(AGE_GUIDANCE, view.age_band), aside=True)] if view.age_band else []
        return [Says(t("now_in_progress")), *guidance, *_question(view)]
    if state is CaseState.REPORT_DUE and weighing is not None:
        norm = weighing.state.meldnorm
        return [Says(t("now_report_due", meldnorm=norm, norm=named(MELDNORMS, norm)))]
    if state is CaseState.HELP_RUNNING and view.help_plan is not None:
        plan = view.help_plan
        intro = Says(t("now_help_running", term=show_date(plan.term), casemanager_id=plan.casemanager_id))
        return [intro, *_question(view)]
    if state is CaseState.WEIGHING and CaseStep.CLOSE in view.steps:
        return [Says(t("now_weighing_handed_over")), *_question(view)]
    if state is CaseState.WEIGHING:
        return _question(view)
    if state is CaseState.REPORTED and view.report is not None:
        report = view.report
        key = "now_reported_feedback" if report.feedback_on else "now_reported"
        return [Says(t(key, date=show_date(report.reported_on), meldnorm=report.meldnorm))]
    if state is CaseState.CLOSED and view.closing is not None:
        return [Says(t("now_closed", reason=label(view.closing.reason), date=show_date(view.closing.closed_at)))]
    return [Says(named(NOW, state))]


def _question(view: CaseOverview) -> list[Part]:
    """The question asked now, with its answer buttons for those who may answer it."""
    due = view.question
    if due is None:
        return []
    hints = [named(QUESTION_HINTS, due.number), *hint_lines(due.consequences)]
    if due.number == 2 and view.disclosed:
        hints.append(t("question_2_disclosure"))
    parts: list[Part] = [
        Says(joined([t("weighing_question_head", round=due.round, number=due.number), named(QUESTIONS, due.number)])),
        Says(joined(hints), aside=True),
    ]
    if due.with_veilig_thuis:
        parts.append(Says(t("with_veilig_thuis"), aside=True))
    if due.number == 1 and view.missing:
        parts.append(Says(t(MISSING_KEYS[view.missing])))
    given = view.weighing.answers if view.weighing is not None else ()
    if given:
        summary = joined([t("answer_summary", number=a.question, answer=label(a.answer)) for a in given], " · ")
        parts.append(Says(summary, aside=True))
    if CaseStep.ANSWER in view.steps:
        value = f"{view.case_id}:{due.number}"
        parts += buttons(*(Button(Does.ANSWER, t(label_key(a)), value, answer=a) for a in due.answers))
    return parts


def _step_buttons(view: CaseOverview) -> list[Button]:
    value = str(view.case_id)
    # In the order of STEP_BUTTONS: what the framework asks for now comes first.
    return [
        Button(does, t(key), value, primary=step in _PRIMARY)
        for step, actions in STEP_BUTTONS.items()
        if step in view.steps
        for does, key in actions
    ]


def _recent_events(view: CaseOverview) -> list[Part]:
    if not view.recent_events:
        return []
    return [Divider(), Says(joined([t("recent_events"), *(timeline_line(e) for e in view.recent_events)]))]


def _section_buttons(view: CaseOverview) -> list[Button]:
    # The weighings' button counts the answers given, which is what a coordinator looks for.
    counts = {**view.counts, DossierPart.WEIGHINGS: view.answers}
    return [
        Button(Does.SHOW_PART, t(SECTION_BUTTONS[part], count=count), f"{view.case_id}:{part.value}:0", part=part)
        for part, count in counts.items()
        if count
    ]


def _newest_signals(view: CaseOverview, room: int) -> list[Part]:
    """The newest signals that fit; when some do not, a line says where they are."""
    total = view.counts[DossierPart.SIGNALS]
    if not total:
        return []
    parts: list[Part] = [Divider(), Heading(t("dossier_signals", count=total))]
    used, shown = 2, 0
    for number, signal in view.newest_signals:
        drawn = signal_parts(number, signal)
        if used + sum(size(p) for p in drawn) > room - _SIGNALS_NOTICE_PARTS:
            break
        parts += drawn
        used += sum(size(p) for p in drawn)
        shown += 1
    if shown < total:
        parts.append(Says(t("dossier_more", count=total - shown), aside=True))
    return parts


# --- the parts of the dossier ------------------------------------------------------------------


# Rows read from the database for one page of a part; the dialog shows as many as fit.
PAGE_ROWS = {DossierPart.TIMELINE: 25}
DEFAULT_PAGE_ROWS = 10


def page_rows(part: DossierPart) -> int:
    return PAGE_ROWS.get(part, DEFAULT_PAGE_ROWS)


def section_dialog(page: DossierPage, *, from_end: bool = False) -> Dialog:
    """The items of a page that fit in one dialog, newest first: from its first item on, or (going
    back to newer items) up to its last. Its buttons carry where the next page starts or ends."""
    drawn = [_ITEM_PARTS[page.part](item) for item in page.items]
    budget, kept, used = MAX_PARTS - 3, 0, 0
    for item in list(reversed(drawn)) if from_end else drawn:
        weight = sum(size(p) for p in item)
        if kept and used + weight > budget:
            break
        used += weight
        kept += 1
    first = page.offset + (len(drawn) - kept if from_end else 0)
    shown = drawn[first - page.offset : first - page.offset + kept]
    reference, case_id, part = page.reference, page.case_id, page.part.value
    if shown:
        head = t("section_head", reference=reference, first=first + 1, last=first + kept, total=page.total)
    else:
        head = t("section_head_empty", reference=reference)
    parts: list[Part] = [Says(head, aside=True), *(p for item in shown for p in item)]
    if not shown:
        parts.append(Says(t("home_none"), aside=True))
    nav = []
    if first > 0:
        nav.append(Button(Does.PAGE_NEWER, t("button_page_newer"), f"{case_id}:{part}:{first}"))
    if first + kept < page.total:
        nav.append(Button(Does.PAGE_OLDER, t("button_page_older"), f"{case_id}:{part}:{first + kept}"))
    parts += buttons(*nav)
    return Dialog(Form.SECTION, label(page.part), tuple(parts), metadata={"case": case_id})


def parts_of(item: dossier_text.Item) -> list[Part]:
    """One dossier item, after a divider: a user's text whole and plain, notes aside, the rest as said."""
    parts: list[Part] = [Divider()]
    for piece in item:
        if piece.kind is Kind.TEXT:
            parts += [Written(str(piece.text))] if piece.text else []
        elif piece.kind is Kind.NOTE:
            parts.append(Says(piece.text, aside=True))
        else:
            parts.append(Says(piece.text))
    return parts


def signal_parts(number: int, signal: SignalView) -> list[Part]:
    return parts_of(dossier_text.signal(number, signal))


_ITEM_PARTS: dict[DossierPart, Callable[[Any], Sequence[Part]]] = {
    DossierPart.SIGNALS: lambda numbered: signal_parts(*numbered),
    DossierPart.CONSULTATIONS: lambda item: parts_of(dossier_text.consultation(item)),
    DossierPart.CONVERSATIONS: lambda item: parts_of(dossier_text.conversation(item)),
    DossierPart.WEIGHINGS: lambda item: parts_of(dossier_text.weighing(item)),
    DossierPart.REPORTS: lambda item: parts_of(dossier_text.report(item)),
    DossierPart.HELP_PLANS: lambda item: parts_of(dossier_text.help_plan(item)),
    DossierPart.TIMELINE: lambda item: [Says(timeline_line(item), aside=True)],
    DossierPart.REMINDERS: lambda item: parts_of(dossier_text.reminder(item)),
}
