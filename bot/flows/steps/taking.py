"""Taking a case: one coordinator becomes its owner; the others see who, the reporter hears it is handled."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.flows import notices
from bot.flows.errors import AlreadyTaken
from bot.flows.gate import CaseContext, act
from bot.flows.jobs import reminders
from bot.flows.rules.access import Permission
from bot.flows.rules.process import CaseStep
from bot.flows.services import Services
from bot.flows.vocabulary import AuditAction, CaseState, NoticeKind, ReminderKind

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Taken:
    case_id: int
    reference: str


def take_case(services: Services, user_id: str, case_id: int) -> Taken:
    """Become the case's coordinator. A second click by the same person is a no-op."""

    def work(ctx: CaseContext) -> Taken:
        case = ctx.case
        if case.coordinator_id == user_id:
            return Taken(case.id, case.reference)
        if case.coordinator_id is not None:
            raise AlreadyTaken(user_id=case.coordinator_id)
        ctx.require(CaseStep.TAKE)
        now = services.clock.now()
        case.coordinator_id, case.taken_at, case.state = user_id, now, CaseState.IN_PROGRESS
        ctx.touch()
        ctx.record(AuditAction.CASE_TAKEN)
        reminders.end(ctx.session, services.clock, case.id, [ReminderKind.NOT_TAKEN])
        notices.rewrite(ctx.session, now, case, NoticeKind.CASE_REGISTERED, cause="taken", taken_by=user_id)
        if case.reporter_id != user_id:
            notices.enqueue(ctx.session, now, NoticeKind.CASE_TAKEN, [case.reporter_id], cause="taken", case=case)
        log.info("case %s taken", case.reference)
        return Taken(case.id, case.reference)

    return act(services, user_id, case_id, Permission.TAKE, work)
