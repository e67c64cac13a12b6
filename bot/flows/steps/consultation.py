"""Step 2: consultations with colleagues and experts, and the zorgteam of one case."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from bot.flows import notices
from bot.flows.gate import CaseContext, act
from bot.flows.ports import local_today
from bot.flows.rules.access import Permission
from bot.flows.rules.process import CaseStep
from bot.flows.rules.validation import date_problems, raise_if, text_problems
from bot.flows.services import Services
from bot.flows.vocabulary import AuditAction, ConsultationKind, NoticeKind, Role
from storage import repositories as repo
from storage.models import Consultation, TeamMember

log = logging.getLogger(__name__)

MAX_TEAM = 20


@dataclass(frozen=True)
class ConsultationForm:
    kind: ConsultationKind
    held_on: date
    outcome: str
    colleague_id: str = ""  # for a colleague: the Slack user consulted
    other_role: str = ""  # for "other": which role
    special_form: bool = False  # honour-related violence, forced marriage or female genital mutilation


@dataclass(frozen=True)
class ConsultationRecorded:
    case_id: int
    reference: str
    special_form: bool  # the bot then says to contact Veilig Thuis directly


@dataclass(frozen=True)
class TeamChanged:
    case_id: int
    reference: str
    added: tuple[str, ...]
    removed: tuple[str, ...]


def validate_consultation(form: ConsultationForm, today: date) -> None:
    problems = text_problems(form, ("outcome",), ("other_role",))
    problems |= date_problems({"held_on": form.held_on}, today)
    if form.kind is ConsultationKind.COLLEAGUE and not form.colleague_id:
        problems["colleague_id"] = "error_colleague_required"
    if form.kind is ConsultationKind.OTHER and not form.other_role.strip():
        problems["other_role"] = "error_required"
    raise_if(problems)


def record_consultation(
    services: Services, user_id: str, case_id: int, form: ConsultationForm, submission_key: str
) -> ConsultationRecorded:
    validate_consultation(form, local_today(services.clock).date())

    def work(ctx: CaseContext) -> ConsultationRecorded:
        consultation, new = ctx.record_once(
            Consultation,
            submission_key,
            CaseStep.CONSULT,
            lambda: Consultation(
                case_id=ctx.case.id,
                submission_key=submission_key,
                kind=form.kind,
                colleague_id=form.colleague_id or None,
                other_role=ctx.seal(Consultation, "other_role", form.other_role),
                held_on=form.held_on,
                outcome=ctx.seal(Consultation, "outcome", form.outcome),
                special_form=form.special_form,
                recorded_by=user_id,
                recorded_at=services.clock.now(),
            ),
        )
        if new:
            ctx.record(
                AuditAction.CONSULTATION_RECORDED,
                consultation_id=consultation.id,
                kind=str(form.kind),
                special_form=form.special_form,
            )
            log.info("case %s: consultation %s recorded", ctx.case.reference, consultation.id)
        return ConsultationRecorded(ctx.case.id, ctx.case.reference, consultation.special_form)

    return act(services, user_id, case_id, Permission.CONTRIBUTE, work)


def set_team(services: Services, user_id: str, case_id: int, members: Collection[str]) -> TeamChanged:
    """Make the case's zorgteam exactly `members`: each new member gets access and a DM saying so."""
    wanted = {m for m in members if m}
    if len(wanted) > MAX_TEAM:
        raise_if({"team": "error_team_too_large"})

    def work(ctx: CaseContext) -> TeamChanged:
        ctx.require(CaseStep.SET_TEAM)
        now = services.clock.now()
        team = {m.user_id: m for m in repo.team_of(ctx.session, ctx.case.id)}
        current = {u for u, m in team.items() if m.role == Role.TEAM_MEMBER}
        added = sorted(wanted - set(team))
        removed = sorted(current - wanted)
        for member in added:
            ctx.session.add(
                TeamMember(case_id=ctx.case.id, user_id=member, role=Role.TEAM_MEMBER, added_by=user_id, added_at=now)
            )
            ctx.record(AuditAction.TEAM_MEMBER_ADDED, member_id=member, role=str(Role.TEAM_MEMBER))
        for member in removed:
            ctx.session.delete(team[member])
            ctx.record(AuditAction.TEAM_MEMBER_REMOVED, member_id=member, role=str(Role.TEAM_MEMBER))
        if added or removed:
            ctx.touch()
        notices.enqueue(
            ctx.session,
            now,
            NoticeKind.TEAM_ADDED,
            added,
            cause=f"team-{uuid.uuid4().hex}",  # the diff above already makes a repeat submit add no one
            case=ctx.case,
            role=str(Role.TEAM_MEMBER),
        )
        return TeamChanged(ctx.case.id, ctx.case.reference, tuple(added), tuple(removed))

    return act(services, user_id, case_id, Permission.DECIDE, work)
