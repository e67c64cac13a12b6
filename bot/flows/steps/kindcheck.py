"""The kindcheck as a record of the case (Besluit verplichte meldcode, art. 2): which other children
live in the household, and who cares for them. Recorded again whenever more is known; the newest
is what the case shows, every one stays in the dossier."""

from __future__ import annotations

from dataclasses import dataclass

from bot.flows.gate import CaseContext, act
from bot.flows.rules.access import Permission
from bot.flows.rules.process import CaseStep
from bot.flows.rules.validation import raise_if, text_problems
from bot.flows.services import Services
from bot.flows.vocabulary import AuditAction
from storage.models import Kindcheck


@dataclass(frozen=True)
class KindcheckForm:
    children: str  # the other children in the household (or that there are none)
    carers: str  # who cares for them, and whether that is safe enough


@dataclass(frozen=True)
class KindcheckRecorded:
    case_id: int
    reference: str


def validate_kindcheck(form: KindcheckForm) -> None:
    raise_if(text_problems(form, ("children", "carers")))


def record_kindcheck(
    services: Services, user_id: str, case_id: int, form: KindcheckForm, submission_key: str
) -> KindcheckRecorded:
    validate_kindcheck(form)

    def work(ctx: CaseContext) -> KindcheckRecorded:
        if ctx.earlier(Kindcheck, submission_key) is None:
            ctx.require(CaseStep.KINDCHECK)
            ctx.session.add(
                Kindcheck(
                    case_id=ctx.case.id,
                    submission_key=submission_key,
                    children=ctx.seal(Kindcheck, "children", form.children),
                    carers=ctx.seal(Kindcheck, "carers", form.carers),
                    recorded_by=user_id,
                    recorded_at=services.clock.now(),
                )
            )
            ctx.touch()
            ctx.record(AuditAction.KINDCHECK_RECORDED)
        return KindcheckRecorded(ctx.case.id, ctx.case.reference)

    return act(services, user_id, case_id, Permission.CONTRIBUTE, work)
