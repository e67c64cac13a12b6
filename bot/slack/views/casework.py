"""The forms of steps 2 to 5, opened from the case view: each records one thing, in the school's words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from slack_sdk.models.blocks import Block, StaticSelectElement
from slack_sdk.models.views import View

from bot.catalogue import t
from bot.documents.consequences import consequence_text
from bot.documents.contacts import contact_line
from bot.documents.dates import show_date
from bot.documents.dialogs import YES_NO_KEYS
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
from bot.slack.ids import INPUT, Callback
from bot.slack.ids import Block as B
from bot.slack.views.common import (
    MAX_SELECT_OPTIONS,
    checkboxes,
    context,
    date_input,
    input_block,
    modal,
    mrkdwn,
    named_option,
    radio,
    text_input,
    user_input,
    users_input,
)
from bot.slack.views.contacts import contact_sections

# A help plan's term is often six weeks out; the coordinator changes it as agreed.
DEFAULT_TERM = timedelta(weeks=6)
# Nazorg: look back on a closed case after about three months, unless the coordinator chooses otherwise.
DEFAULT_FOLLOW_UP = timedelta(weeks=13)
EARLY_CONFIRMATION_KEYS = {"yes": "early_confirmation_yes"}


def _form(callback: Callback, title_key: str, brief: CaseBrief, blocks: list[Block], **metadata: object) -> View:
    head = context(t("form_case", reference=brief.reference))
    return modal(
        callback,
        t(title_key),
        [head, *blocks],
        submit_key="modal_save",
        close_key="modal_cancel",
        metadata={"case": brief.case_id, **metadata},
    )


def consultation_modal(brief: CaseBrief, today: date) -> View:
    blocks: list[Block] = [
        context(t("consultation_intro")),
        *contact_sections(brief.contacts, t("contacts_consultation")),
        radio(B.KIND, "label_consultation_kind", keys(ConsultationKind), initial=ConsultationKind.COLLEAGUE),
        user_input(B.COLLEAGUE_ID, "label_colleague", optional=True),
        text_input(B.OTHER_ROLE, "label_other_role", optional=True, hint_key="hint_other_role"),
        date_input(B.HELD_ON, "label_held_on", today),
        text_input(B.OUTCOME, "label_outcome", multiline=True),
        radio(B.SPECIAL_FORM, "label_special_form", YES_NO_KEYS, initial="no"),
    ]
    return _form(Callback.CONSULTATION, "modal_consultation_title", brief, blocks)


def special_form_modal(reference: str) -> View:
    return modal(Callback.INFO, t("modal_special_form_title"), [mrkdwn(t("special_form_advice", reference=reference))])


def team_modal(brief: CaseBrief) -> View:
    blocks: list[Block] = [
        context(t("team_intro")),
        users_input(B.TEAM, "label_team", initial=brief.team, hint_key="hint_team"),
    ]
    return _form(Callback.TEAM, "modal_team_title", brief, blocks)


def conversation_modal(brief: CaseBrief, today: date) -> View:
    advised = ADVISED_PARTIES[brief.age_band or AgeBand.UNDER_12]
    guidance = [context(named(AGE_GUIDANCE, brief.age_band))] if brief.age_band else []
    blocks: list[Block] = [
        context(t("conversation_tips")),
        *guidance,
        radio(B.WITH_WHOM, "label_with_whom", keys(ConversationWith), initial=advised[0]),
        date_input(B.HELD_ON, "label_held_on", today),
        text_input(B.PARTICIPANTS, "label_participants", hint_key="hint_participants"),
        text_input(B.SHARED, "label_shared", multiline=True),
        text_input(B.REACTION, "label_reaction", multiline=True),
        text_input(B.AGREEMENTS, "label_agreements", multiline=True, optional=True),
        radio(B.CONSENT, "label_consent", keys(Consent)),
        text_input(B.HOUSEHOLD, "label_household", multiline=True, optional=True, hint_key="hint_household"),
    ]
    return _form(Callback.CONVERSATION, "modal_conversation_title", brief, blocks)


def skip_conversation_modal(brief: CaseBrief) -> View:
    blocks: list[Block] = [
        context(t("skip_intro")),
        radio(B.SKIP_REASON, "label_skip_reason", keys(SkipReason)),
        text_input(B.SKIP_NOTE, "label_skip_note", multiline=True),
    ]
    return _form(Callback.SKIP_CONVERSATION, "modal_skip_title", brief, blocks)


def answer_modal(brief: CaseBrief, question: int, answer: Answer, today: date) -> View:
    """The rationale for one answer, with what the answer will set in motion."""
    consequence = brief.consequence
    assert consequence is not None, "prepare says what an answer sets in motion"
    blocks: list[Block] = [
        mrkdwn(t("answer_modal_question", number=question) + "\n" + named(QUESTIONS, question)),
        mrkdwn(t("answer_modal_given", answer=label(answer))),
        context(consequence_text(consequence)),
    ]
    if brief.with_veilig_thuis:
        blocks.append(context(t("with_veilig_thuis")))
    if consequence.after.outcome is OutcomeKind.CLOSE and question == 1:  # no suspicion, but worries may remain
        blocks.append(context(t("grey_zone")))
    blocks.append(text_input(B.RATIONALE, "label_rationale", multiline=True, hint_key="hint_rationale"))
    if consequence.after.outcome is OutcomeKind.CLOSE_HELP:
        if brief.before_term is not None:  # question 5 "ja" before the help's term: say so explicitly
            blocks.append(context(t("early_confirmation_intro", term=show_date(brief.before_term))))
            blocks.append(checkboxes(B.EARLY_CONFIRMATION, "label_early_confirmation", EARLY_CONFIRMATION_KEYS))
        blocks.append(text_input(B.MONITORING, "label_monitoring", multiline=True))
        blocks.append(_follow_up(today))
    elif consequence.after.outcome is OutcomeKind.CLOSE and question == 1:  # only if worries remain
        blocks.append(date_input(B.FOLLOW_UP, "label_follow_up_optional", hint_key="hint_follow_up", optional=True))
    return _form(Callback.ANSWER, "modal_answer_title", brief, blocks, question=question, answer=answer.value)


def _follow_up(today: date) -> Block:
    """Nazorg: when the coordinator is asked how the child is doing, asked with every closing that
    has monitoring agreements."""
    return date_input(B.FOLLOW_UP, "label_follow_up", today + DEFAULT_FOLLOW_UP, hint_key="hint_follow_up")


def report_modal(brief: CaseBrief, user_id: str, today: date) -> View:
    meldnorm = brief.weighing.meldnorm if brief.weighing else None
    pupil_options = [Informed.YES, Informed.NO]
    if brief.age_band is AgeBand.UNDER_12:
        pupil_options.append(Informed.NOT_APPLICABLE)
    blocks: list[Block] = [
        mrkdwn(t("report_intro", meldnorm=meldnorm, norm=named(MELDNORMS, meldnorm))),
        date_input(B.REPORTED_ON, "label_reported_on", today),
        user_input(B.REPORTED_BY, "label_reported_by", initial=user_id),
        radio(B.CHANNEL, "label_channel", keys(ReportChannel)),
        text_input(B.VT_REFERENCE, "label_vt_reference", optional=True),
        text_input(B.OWN_FACTS, "label_own_facts", multiline=True, hint_key="hint_own_facts"),
        text_input(B.THIRD_PARTY_FACTS, "label_third_party_facts", multiline=True, optional=True),
        radio(B.PARENTS_INFORMED, "label_parents_informed", keys([Informed.YES, Informed.NO])),
        radio(B.PUPIL_INFORMED, "label_pupil_informed", keys(pupil_options)),
        mrkdwn(t("without_consent_intro")),
        radio(B.NO_CONSENT_REASON, "label_no_consent_reason", keys(NoConsentReason), optional=True),
        *(
            text_input(block, CONSENT_QUESTIONS[number], multiline=True, optional=True)
            for number, block in enumerate(
                (B.CONSENT_INTERESTS, B.CONSENT_ALTERNATIVE, B.CONSENT_WHY_NOT, B.CONSENT_BALANCE, B.CONSENT_WHO_KNOWS),
                start=1,
            )
        ),
        text_input(B.OBJECTIONS, "label_objections", multiline=True, optional=True),
        radio(B.REFERENCE_INDEX, "label_reference_index", keys(ReferenceIndex)),
        text_input(B.REFERENCE_INDEX_REASON, "label_reference_index_reason", multiline=True),
    ]
    return _form(Callback.REPORT, "modal_report_title", brief, blocks)


def feedback_modal(brief: CaseBrief, today: date) -> View:
    blocks: list[Block] = [
        context(t("feedback_intro")),
        date_input(B.FEEDBACK_ON, "label_feedback_on", today),
        text_input(B.FEEDBACK, "label_feedback", multiline=True),
    ]
    return _form(Callback.FEEDBACK, "modal_feedback_title", brief, blocks)


def help_plan_modal(brief: CaseBrief, today: date) -> View:
    blocks: list[Block] = [
        context(t("help_plan_intro")),
        date_input(B.TERM, "label_term", today + DEFAULT_TERM, hint_key="hint_term"),
        user_input(B.CASEMANAGER_ID, "label_casemanager"),
        text_input(B.TASKS, "label_tasks", multiline=True, hint_key="hint_tasks"),
        *_referral_picker(brief.contacts),
        text_input(B.REFERRAL, "label_referral", optional=True, hint_key="hint_referral"),
        text_input(B.AGREEMENTS, "label_parent_agreements", multiline=True),
    ]
    return _form(Callback.HELP_PLAN, "modal_help_plan_title", brief, blocks)


def _referral_picker(contacts: Sequence[Contact]) -> list[Block]:
    """The school's sociale kaart as the organisations to refer to; what is typed below goes first."""
    if not contacts:
        return []
    options = [named_option(contact_line(contact), contact.organisation) for contact in contacts]
    picker = StaticSelectElement(action_id=INPUT, options=options[:MAX_SELECT_OPTIONS])
    return [input_block(B.REFERRAL_CONTACT, "label_referral_contact", picker, optional=True)]


def kindcheck_modal(brief: CaseBrief) -> View:
    blocks: list[Block] = [
        context(t("kindcheck_intro")),
        text_input(B.CHILDREN, "label_kindcheck_children", multiline=True),
        text_input(B.CARERS, "label_kindcheck_carers", multiline=True),
    ]
    return _form(Callback.KINDCHECK, "modal_kindcheck_title", brief, blocks)


def close_modal(brief: CaseBrief, today: date) -> View:
    blocks: list[Block] = [
        context(t("close_intro")),
        text_input(B.CLOSE_NOTE, "label_close_note", multiline=True),
        text_input(B.MONITORING, "label_monitoring", multiline=True),
        _follow_up(today),
    ]
    return _form(Callback.CLOSE_CASE, "modal_close_title", brief, blocks)
