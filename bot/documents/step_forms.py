"""The forms of steps 2 to 5, opened from the case view: each records one thing, in the school's words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from markupsafe import Markup

from bot.catalogue import t
from bot.documents.consequences import consequence_text
from bot.documents.contacts import contact_line
from bot.documents.dates import show_date
from bot.documents.dialogs import (
    YES_NO_KEYS,
    Dialog,
    Form,
    Input,
    Kind,
    Option,
    Part,
    Says,
    contact_paragraphs,
    info,
    many_of,
    on_date,
    one_of,
    people,
    person,
    text,
)
from bot.documents.labels import AGE_GUIDANCE, CONSENT_QUESTIONS, MELDNORMS, QUESTIONS, keys, label, named
from bot.flows.rules.framework import Answer, OutcomeKind
from bot.flows.rules.social_map import Contact
from bot.flows.steps.brief import CaseBrief
from bot.flows.steps.conversation import ADVISED_PARTIES
from bot.flows.vocabulary import (
    AgeBand,
    Consent,
    ConsultationKind,
    ConversationWith,
    Informed,
    NoConsentReason,
    ReferenceIndex,
    ReportChannel,
    SkipReason,
)
from bot.forms import Field

# A help plan's term is often six weeks out; the coordinator changes it as agreed.
DEFAULT_TERM = timedelta(weeks=6)
# Nazorg: look back on a closed case after about three months, unless the coordinator chooses otherwise.
DEFAULT_FOLLOW_UP = timedelta(weeks=13)
EARLY_CONFIRMATION_KEYS = {"yes": "early_confirmation_yes"}
# The most organisations a referral's choice offers (a Slack select shows 100).
MAX_REFERRAL_OPTIONS = 100


def _form(form: Form, title_key: str, brief: CaseBrief, parts: Sequence[Part], **metadata: object) -> Dialog:
    return Dialog(
        form,
        t(title_key),
        (Says(t("form_case", reference=brief.reference), aside=True), *parts),
        submit_key="modal_save",
        close_key="modal_cancel",
        metadata={"case": brief.case_id, **metadata},
    )


def consultation(brief: CaseBrief, today: date) -> Dialog:
    parts: list[Part] = [
        Says(t("consultation_intro"), aside=True),
        *contact_paragraphs(brief.contacts, t("contacts_consultation")),
        one_of(Field.KIND, "label_consultation_kind", keys(ConsultationKind), initial=ConsultationKind.COLLEAGUE),
        person(Field.COLLEAGUE_ID, "label_colleague", optional=True),
        text(Field.OTHER_ROLE, "label_other_role", optional=True, hint_key="hint_other_role"),
        on_date(Field.HELD_ON, "label_held_on", today),
        text(Field.OUTCOME, "label_outcome", long=True),
        one_of(Field.SPECIAL_FORM, "label_special_form", YES_NO_KEYS, initial="no"),
    ]
    return _form(Form.CONSULTATION, "modal_consultation_title", brief, parts)


def special_form(reference: str) -> Dialog:
    return info(t("modal_special_form_title"), Says(t("special_form_advice", reference=reference)))


def team(brief: CaseBrief) -> Dialog:
    parts: list[Part] = [
        Says(t("team_intro"), aside=True),
        people(Field.TEAM, "label_team", brief.team, hint_key="hint_team"),
    ]
    return _form(Form.TEAM, "modal_team_title", brief, parts)


def conversation(brief: CaseBrief, today: date) -> Dialog:
    advised = ADVISED_PARTIES[brief.age_band or AgeBand.UNDER_12]
    guidance = [Says(named(AGE_GUIDANCE, brief.age_band), aside=True)] if brief.age_band else []
    parts: list[Part] = [
        Says(t("conversation_tips"), aside=True),
        *guidance,
        one_of(Field.WITH_WHOM, "label_with_whom", keys(ConversationWith), initial=advised[0]),
        on_date(Field.HELD_ON, "label_held_on", today),
        text(Field.PARTICIPANTS, "label_participants", hint_key="hint_participants"),
        text(Field.SHARED, "label_shared", long=True),
        text(Field.REACTION, "label_reaction", long=True),
        text(Field.AGREEMENTS, "label_agreements", long=True, optional=True),
        one_of(Field.CONSENT, "label_consent", keys(Consent)),
        text(Field.HOUSEHOLD, "label_household", long=True, optional=True, hint_key="hint_household"),
    ]
    return _form(Form.CONVERSATION, "modal_conversation_title", brief, parts)


def skip_conversation(brief: CaseBrief) -> Dialog:
    parts: list[Part] = [
        Says(t("skip_intro"), aside=True),
        one_of(Field.SKIP_REASON, "label_skip_reason", keys(SkipReason)),
        text(Field.SKIP_NOTE, "label_skip_note", long=True),
    ]
    return _form(Form.SKIP_CONVERSATION, "modal_skip_title", brief, parts)


def answer(brief: CaseBrief, question: int, given: Answer, today: date) -> Dialog:
    """The rationale for one answer, with what the answer will set in motion."""
    consequence = brief.consequence
    assert consequence is not None, "prepare says what an answer sets in motion"
    parts: list[Part] = [
        Says(t("answer_modal_question", number=question) + Markup("\n") + named(QUESTIONS, question)),
        Says(t("answer_modal_given", answer=label(given))),
        Says(consequence_text(consequence), aside=True),
    ]
    if brief.with_veilig_thuis:
        parts.append(Says(t("with_veilig_thuis"), aside=True))
    if consequence.after.outcome is OutcomeKind.CLOSE and question == 1:  # no suspicion, but worries may remain
        parts.append(Says(t("grey_zone"), aside=True))
    parts.append(text(Field.RATIONALE, "label_rationale", long=True, hint_key="hint_rationale"))
    if consequence.after.outcome is OutcomeKind.CLOSE_HELP:
        if brief.before_term is not None:  # question 5 "ja" before the help's term: say so explicitly
            parts.append(Says(t("early_confirmation_intro", term=show_date(brief.before_term)), aside=True))
            parts.append(many_of(Field.EARLY_CONFIRMATION, "label_early_confirmation", EARLY_CONFIRMATION_KEYS))
        parts.append(text(Field.MONITORING, "label_monitoring", long=True))
        parts.append(_follow_up(today))
    elif consequence.after.outcome is OutcomeKind.CLOSE and question == 1:  # only if worries remain
        parts.append(on_date(Field.FOLLOW_UP, "label_follow_up_optional", hint_key="hint_follow_up", optional=True))
    return _form(Form.ANSWER, "modal_answer_title", brief, parts, question=question, answer=given.value)


def _follow_up(today: date) -> Input:
    """Nazorg: when the coordinator is asked how the child is doing, asked with every closing that
    has monitoring agreements."""
    return on_date(Field.FOLLOW_UP, "label_follow_up", today + DEFAULT_FOLLOW_UP, hint_key="hint_follow_up")


def report(brief: CaseBrief, user_id: str, today: date) -> Dialog:
    meldnorm = brief.weighing.meldnorm if brief.weighing else None
    pupil_options = [Informed.YES, Informed.NO]
    if brief.age_band is AgeBand.UNDER_12:
        pupil_options.append(Informed.NOT_APPLICABLE)
    consent_fields = (
        Field.CONSENT_INTERESTS,
        Field.CONSENT_ALTERNATIVE,
        Field.CONSENT_WHY_NOT,
        Field.CONSENT_BALANCE,
        Field.CONSENT_WHO_KNOWS,
    )
    parts: list[Part] = [
        Says(t("report_intro", meldnorm=meldnorm, norm=named(MELDNORMS, meldnorm))),
        on_date(Field.REPORTED_ON, "label_reported_on", today),
        person(Field.REPORTED_BY, "label_reported_by", initial=user_id),
        one_of(Field.CHANNEL, "label_channel", keys(ReportChannel)),
        text(Field.VT_REFERENCE, "label_vt_reference", optional=True),
        text(Field.OWN_FACTS, "label_own_facts", long=True, hint_key="hint_own_facts"),
        text(Field.THIRD_PARTY_FACTS, "label_third_party_facts", long=True, optional=True),
        one_of(Field.PARENTS_INFORMED, "label_parents_informed", keys([Informed.YES, Informed.NO])),
        one_of(Field.PUPIL_INFORMED, "label_pupil_informed", keys(pupil_options)),
        Says(t("without_consent_intro")),
        one_of(Field.NO_CONSENT_REASON, "label_no_consent_reason", keys(NoConsentReason), optional=True),
        *(
            text(field, CONSENT_QUESTIONS[number], long=True, optional=True)
            for number, field in enumerate(consent_fields, start=1)
        ),
        text(Field.OBJECTIONS, "label_objections", long=True, optional=True),
        one_of(Field.REFERENCE_INDEX, "label_reference_index", keys(ReferenceIndex)),
        text(Field.REFERENCE_INDEX_REASON, "label_reference_index_reason", long=True),
    ]
    return _form(Form.REPORT, "modal_report_title", brief, parts)


def feedback(brief: CaseBrief, today: date) -> Dialog:
    parts: list[Part] = [
        Says(t("feedback_intro"), aside=True),
        on_date(Field.FEEDBACK_ON, "label_feedback_on", today),
        text(Field.FEEDBACK, "label_feedback", long=True),
    ]
    return _form(Form.FEEDBACK, "modal_feedback_title", brief, parts)


def help_plan(brief: CaseBrief, today: date) -> Dialog:
    parts: list[Part] = [
        Says(t("help_plan_intro"), aside=True),
        on_date(Field.TERM, "label_term", today + DEFAULT_TERM, hint_key="hint_term"),
        person(Field.CASEMANAGER_ID, "label_casemanager"),
        text(Field.TASKS, "label_tasks", long=True, hint_key="hint_tasks"),
        *_referral_choice(brief.contacts),
        text(Field.REFERRAL, "label_referral", optional=True, hint_key="hint_referral"),
        text(Field.AGREEMENTS, "label_parent_agreements", long=True),
    ]
    return _form(Form.HELP_PLAN, "modal_help_plan_title", brief, parts)


def _referral_choice(contacts: Sequence[Contact]) -> list[Input]:
    """The school's sociale kaart as the organisations to refer to; what is typed below goes first."""
    if not contacts:
        return []
    options = tuple(Option(c.organisation, contact_line(c)) for c in contacts[:MAX_REFERRAL_OPTIONS])
    return [Input(Field.REFERRAL_CONTACT, "label_referral_contact", Kind.ONE_OF, optional=True, options=options)]


def kindcheck(brief: CaseBrief) -> Dialog:
    parts: list[Part] = [
        Says(t("kindcheck_intro"), aside=True),
        text(Field.CHILDREN, "label_kindcheck_children", long=True),
        text(Field.CARERS, "label_kindcheck_carers", long=True),
    ]
    return _form(Form.KINDCHECK, "modal_kindcheck_title", brief, parts)


def close(brief: CaseBrief, today: date) -> Dialog:
    parts: list[Part] = [
        Says(t("close_intro"), aside=True),
        text(Field.CLOSE_NOTE, "label_close_note", long=True),
        text(Field.MONITORING, "label_monitoring", long=True),
        _follow_up(today),
    ]
    return _form(Form.CLOSE_CASE, "modal_close_title", brief, parts)
