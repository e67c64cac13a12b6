"""Step 3: the conversation with parents and/or pupil, or the recorded reason it was skipped."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from bot.flows.gate import CaseContext, act
from bot.flows.ports import local_today
from bot.flows.rules.access import Permission
from bot.flows.rules.process import CaseStep
from bot.flows.rules.validation import date_problems, raise_if, text_problems
from bot.flows.services import Services
from bot.flows.vocabulary import (
    AgeBand,
    AuditAction,
    Consent,
    ConversationWith,
    SignalCategory,
    SignalSource,
    SkipReason,
)
from storage.models import Conversation, Signal, purpose

log = logging.getLogger(__name__)

# Whom to talk with first, by age (DESIGN §3): under 12 the parents (the child if possible),
# 12 to 16 the pupil and/or the parents, from 16 the pupil.
ADVISED_PARTIES: dict[AgeBand, tuple[ConversationWith, ...]] = {
    AgeBand.UNDER_12: (ConversationWith.PARENTS, ConversationWith.BOTH),
    AgeBand.FROM_12_TO_16: (ConversationWith.PUPIL, ConversationWith.PARENTS, ConversationWith.BOTH),
    AgeBand.FROM_16: (ConversationWith.PUPIL,),
}
CONSENT_REFUSED = "consent_refused"  # Signal.origin of a refusal recorded from a conversation


@dataclass(frozen=True)
class ConversationForm:
    with_whom: ConversationWith
    held_on: date
    participants: str
    shared: str
    reaction: str
    agreements: str
    consent: Consent
    household: str = ""  # kindcheck: other children in the household and who cares for them


@dataclass(frozen=True)
class SkipForm:
    reason: SkipReason
    skip_note: str


@dataclass(frozen=True)
class ConversationRecorded:
    case_id: int
    reference: str
    consent_refused: bool


def validate_conversation(form: ConversationForm, today: date) -> None:
    problems = text_problems(form, ("participants", "shared", "reaction"), ("agreements", "household"))
    raise_if(problems | date_problems({"held_on": form.held_on}, today))


def record_conversation(
    services: Services, user_id: str, case_id: int, form: ConversationForm, submission_key: str
) -> ConversationRecorded:
    validate_conversation(form, local_today(services.clock).date())

    def work(ctx: CaseContext) -> ConversationRecorded:
        conversation, new = ctx.record_once(
            Conversation,
            submission_key,
            CaseStep.TALK,
            lambda: Conversation(
                case_id=ctx.case.id,
                submission_key=submission_key,
                with_whom=form.with_whom,
                held_on=form.held_on,
                participants=ctx.seal(Conversation, "participants", form.participants),
                shared=ctx.seal(Conversation, "shared", form.shared),
                reaction=ctx.seal(Conversation, "reaction", form.reaction),
                agreements=ctx.seal(Conversation, "agreements", form.agreements),
                consent=form.consent,
                household=ctx.seal(Conversation, "household", form.household),
                recorded_by=user_id,
                recorded_at=services.clock.now(),
            ),
        )
        if new:
            ctx.record(
                AuditAction.CONVERSATION_RECORDED,
                conversation_id=conversation.id,
                with_whom=str(form.with_whom),
                consent=str(form.consent),
            )
            if form.consent is Consent.REFUSED:
                _record_refusal_as_signal(ctx, conversation, submission_key)
            log.info("case %s: conversation %s recorded", ctx.case.reference, conversation.id)
        return ConversationRecorded(ctx.case.id, ctx.case.reference, conversation.consent == Consent.REFUSED)

    return act(services, user_id, case_id, Permission.CONTRIBUTE, work)


def _record_refusal_as_signal(ctx: CaseContext, conversation: Conversation, submission_key: str) -> None:
    """Parents refusing consent for external consultation is itself a signal (DESIGN §3)."""
    assert conversation.held_on is not None
    signal = Signal(
        case_id=ctx.case.id,
        reporter_id=ctx.user_id,
        submission_key=f"{submission_key}:consent",
        observed_on=conversation.held_on,
        # The dossier shows the catalogue's sentence for this origin; nothing typed is copied here.
        observed=ctx.services.cipher.seal("", purpose(Signal, "observed")),
        location=ctx.services.cipher.seal("", purpose(Signal, "location")),
        source=SignalSource.OWN_OBSERVATION,
        categories=[str(SignalCategory.PARENT)],
        origin=CONSENT_REFUSED,
        created_at=ctx.services.clock.now(),
    )
    ctx.session.add(signal)
    ctx.session.flush()
    ctx.record(AuditAction.CONSENT_REFUSED, conversation_id=conversation.id, signal_id=signal.id)


def validate_skip(form: SkipForm) -> None:
    raise_if(text_problems(form, ("skip_note",)))


def skip_conversation(
    services: Services, user_id: str, case_id: int, form: SkipForm, submission_key: str
) -> ConversationRecorded:
    """Skipping is allowed only on safety grounds or a real risk of losing contact, with a note."""
    validate_skip(form)

    def work(ctx: CaseContext) -> ConversationRecorded:
        skipped, new = ctx.record_once(
            Conversation,
            submission_key,
            CaseStep.TALK,
            lambda: Conversation(
                case_id=ctx.case.id,
                submission_key=submission_key,
                skip_reason=form.reason,
                skip_note=ctx.seal(Conversation, "skip_note", form.skip_note),
                recorded_by=user_id,
                recorded_at=services.clock.now(),
            ),
        )
        if new:
            ctx.record(AuditAction.CONVERSATION_SKIPPED, conversation_id=skipped.id, reason=str(form.reason))
        return ConversationRecorded(ctx.case.id, ctx.case.reference, False)

    return act(services, user_id, case_id, Permission.CONTRIBUTE, work)
