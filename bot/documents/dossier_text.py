"""The dossier's items as text parts, for every output: Slack modals and the PDF export.

Each item (a signal, a consultation, an answer, …) becomes a list of parts. A part says what
kind of text it is, not how it looks: the Slack view draws a heading as mrkdwn and a user's
text as plain blocks kept whole; the PDF draws the same parts as paragraphs. So the two can
never disagree about what the dossier says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from markupsafe import Markup

from bot.catalogue import listing, t
from bot.documents.dates import show_date
from bot.documents.labels import CONSENT_QUESTIONS, QUESTIONS, SIGNAL_ORIGINS, WEIGHING_RESULTS, label, named
from bot.flows.rules.framework import Stage
from bot.flows.steps.dossier import (
    AnswerView,
    ConsultationView,
    ConversationView,
    HelpPlanView,
    KindcheckView,
    ReminderView,
    ReportView,
    SignalView,
    WeighingView,
)
from bot.flows.vocabulary import ConsultationKind, Informed, SignalSource


class Kind(Enum):
    HEAD = "head"  # the item's first line (catalogue text, mrkdwn)
    LINE = "line"  # a statement from the catalogue (mrkdwn)
    NOTE = "note"  # a caption or who-and-when (catalogue text, small)
    TEXT = "text"  # what a user wrote: shown whole and never read as markup


@dataclass(frozen=True)
class Part:
    kind: Kind
    text: Markup | str  # a catalogue sentence, or (TEXT) what a user wrote


Item = list[Part]


def head(text: Markup) -> Part:
    return Part(Kind.HEAD, text)


def line(text: Markup) -> Part:
    return Part(Kind.LINE, text)


def note(text: Markup) -> Part:
    return Part(Kind.NOTE, text)


def text(value: str) -> list[Part]:
    return [Part(Kind.TEXT, value)] if value else []


def labelled(label_key: str, value: str) -> list[Part]:
    """A caption from the catalogue over a user's text; nothing when the text is empty."""
    return [note(t(label_key)), *text(value)] if value else []


def recorded(by: str, at: datetime) -> Part:
    return note(t("recorded_by", user_id=by, date=show_date(at)))


def signal(number: int, item: SignalView) -> Item:
    categories = listing([label(c) for c in item.categories])
    first = head(t("dossier_signal_head", number=number, date=show_date(item.observed_on), categories=categories))
    meta = note(t("dossier_signal_meta", reporter_id=item.reporter_id, recorded=show_date(item.recorded_at)))
    if item.origin:
        return [first, line(named(SIGNAL_ORIGINS, item.origin)), meta]
    parts = [first, *text(item.observed)]
    if item.location:  # the user's words inside a catalogue sentence: escaped there, never markup
        parts.append(line(t("dossier_location", location=item.location)))
    if item.source is SignalSource.TOLD_BY_OTHER:
        parts += text(t("dossier_source_told", who=item.source_detail))
    else:
        parts.append(note(t("dossier_source_own")))
    if item.counter_facts:
        parts += [note(t("dossier_counter_facts")), *text(item.counter_facts)]
    return [*parts, meta]


def consultation(item: ConsultationView) -> Item:
    kind, held_on = label(item.kind), show_date(item.held_on)
    if item.kind is ConsultationKind.COLLEAGUE and item.colleague_id:
        first = t("consultation_head_colleague", kind=kind, date=held_on, colleague_id=item.colleague_id)
    else:
        first = t("consultation_head", kind=kind, date=held_on)
    parts = [
        head(first),
        *text(item.other_role),
        *labelled("caption_outcome", item.outcome),
    ]
    if item.special_form:
        parts.append(line(t("special_form_banner")))
    return [*parts, recorded(item.recorded_by, item.recorded_at)]


def conversation(item: ConversationView) -> Item:
    if item.skip_reason is not None:
        return [
            head(t("conversation_skipped_head", reason=label(item.skip_reason))),
            *text(item.skip_note),
            recorded(item.recorded_by, item.recorded_at),
        ]
    assert item.with_whom is not None and item.held_on is not None and item.consent is not None
    return [
        head(t("conversation_head", with_whom=label(item.with_whom), date=show_date(item.held_on))),
        *labelled("caption_participants", item.participants),
        *labelled("caption_shared", item.shared),
        *labelled("caption_reaction", item.reaction),
        *labelled("caption_agreements", item.agreements),
        line(t("conversation_consent", consent=label(item.consent))),
        *labelled("caption_household", item.household),
        recorded(item.recorded_by, item.recorded_at),
    ]


def kindcheck(item: KindcheckView) -> Item:
    return [
        head(t("kindcheck_head", date=show_date(item.recorded_at))),
        *labelled("caption_kindcheck_children", item.children),
        *labelled("caption_kindcheck_carers", item.carers),
        recorded(item.recorded_by, item.recorded_at),
    ]


def weighing(item: WeighingView) -> Item:
    parts = [
        head(t("weighing_head", round=item.round, version=item.framework_version, date=show_date(item.started_at)))
    ]
    for given in item.answers:
        parts += answer(given)
    return [*parts, line(weighing_result(item))]


def answer(item: AnswerView) -> Item:
    key = "answer_head_together" if item.with_veilig_thuis else "answer_head"
    return [
        line(t(key, number=item.question, answer=label(item.answer))),
        note(named(QUESTIONS, item.question)),
        *labelled("caption_rationale", item.rationale),
        recorded(item.answered_by, item.answered_at),
    ]


def weighing_result(item: WeighingView) -> Markup:
    state = item.state
    if state.stage is Stage.FINISHED and state.outcome is not None:
        return named(WEIGHING_RESULTS, state.outcome, meldnorm=state.meldnorm)
    return t("weighing_result_open", state=label(state.stage))


def report(item: ReportView) -> Item:
    informed = t("report_informed", parents=label(item.parents_informed), pupil=label(item.pupil_informed))
    first = t(
        "report_head",
        meldnorm=item.meldnorm,
        date=show_date(item.reported_on),
        user_id=item.reported_by,
        channel=label(item.channel),
    )
    parts = [
        head(first),
        *labelled("caption_vt_reference", item.vt_reference),
        *labelled("caption_own_facts", item.own_facts),
        *labelled("caption_third_party_facts", item.third_party_facts),
        line(informed),
    ]
    if Informed.NO in (item.parents_informed, item.pupil_informed) and item.no_consent_reason is not None:
        parts.append(line(t("report_no_consent", reason=label(item.no_consent_reason))))
        for number, given in enumerate(item.without_consent, start=1):
            parts += labelled(CONSENT_QUESTIONS[number], given)
    parts += labelled("caption_objections", item.objections)
    if item.reference_index is not None:
        parts += [
            line(t("report_reference_index", choice=label(item.reference_index))),
            *text(item.reference_index_reason),
        ]
    if item.feedback_on:
        parts += [line(t("report_feedback_head", date=show_date(item.feedback_on))), *text(item.feedback)]
    return [*parts, recorded(item.recorded_by, item.recorded_at)]


def help_plan(item: HelpPlanView) -> Item:
    confirmed = []
    if item.referral_confirmed_by and item.referral_confirmed_at:
        when = show_date(item.referral_confirmed_at)
        confirmed = [note(t("referral_confirmed", user_id=item.referral_confirmed_by, date=when))]
    return [
        head(t("help_plan_head", term=show_date(item.term), casemanager_id=item.casemanager_id)),
        *labelled("caption_tasks", item.tasks),
        *labelled("caption_referral", item.referral),
        *confirmed,
        *labelled("caption_agreements", item.agreements),
        recorded(item.recorded_by, item.recorded_at),
    ]


def reminder(item: ReminderView) -> Item:
    moment = item.next_at or item.due_at
    state = label(item.state, date=show_date(moment), count=item.sent_count)
    parts = [head(t("reminder_item", kind=label(item.kind), state=state))]
    if item.level:
        parts.append(note(t("reminder_escalated")))
    for postponed in item.postponements:
        moved = t(
            "reminder_postponed",
            user_id=postponed.postponed_by,
            until=show_date(postponed.until),
            date=show_date(postponed.postponed_at),
        )
        parts += [note(moved), *text(postponed.reason)]
    return parts
