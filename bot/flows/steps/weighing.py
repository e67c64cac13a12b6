"""Steps 4 and 5: answering the afwegingskader, one question at a time, each with its rationale."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from bot.flows import notices
from bot.flows.errors import AlreadyAnswered, StepNotAllowed
from bot.flows.gate import CaseContext, act, answer_permission
from bot.flows.jobs import reminders
from bot.flows.ports import local_today
from bot.flows.rules import framework
from bot.flows.rules.access import Permission
from bot.flows.rules.framework import Answer, OutcomeKind, WeighingState
from bot.flows.rules.process import CaseStep
from bot.flows.rules.validation import raise_if, text_problems
from bot.flows.services import Services
from bot.flows.steps.closing import close, follow_up_problems
from bot.flows.steps.weighing_rows import framework_of, save_state, state_of
from bot.flows.vocabulary import AuditAction, CaseState, CloseReason, NoticeKind, ReminderKind
from storage import repositories as repo
from storage.models import Case, Weighing, WeighingAnswer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AnswerForm:
    question: int
    answer: Answer
    rationale: str
    monitoring: str = ""  # question 5 yes: how the child's safety stays monitored after the help
    early_confirmed: bool = False  # question 5 yes before the term: the agreed results are reached already
    follow_up: date | None = None  # closing: the nazorg date (with question 5 yes; question 1 no if worries remain)


@dataclass(frozen=True)
class Answered:
    case_id: int
    reference: str
    question: int
    answer: Answer
    outcome: OutcomeKind
    meldnorm: int | None
    state: CaseState


def validate_answer(form: AnswerForm, today: date) -> None:
    problems = text_problems(form, ("rationale",), ("monitoring",))
    question = framework.CURRENT.questions.get(form.question)
    closes_help = (
        question is not None
        and form.answer in question.answers
        and question.outcome(form.answer).kind is OutcomeKind.CLOSE_HELP
    )
    if closes_help and not form.monitoring.strip():
        problems["monitoring"] = "error_monitoring_required"
    raise_if(problems | follow_up_problems(form.follow_up, today, required=closes_help))


def answer_question(services: Services, user_id: str, case_id: int, form: AnswerForm, submission_key: str) -> Answered:
    validate_answer(form, local_today(services.clock).date())

    def work(ctx: CaseContext) -> Answered:
        earlier = ctx.earlier(WeighingAnswer, submission_key)
        if earlier is not None:
            return _answered(ctx.session, ctx.case, earlier)
        weighing = repo.current_weighing(ctx.session, ctx.case.id)
        before = check_answerable(ctx, weighing, form.question)
        if weighing is None:
            weighing = _start(ctx, 1)
        after, outcome = framework.answer(framework_of(weighing), before, form.question, form.answer)
        early = outcome.kind is OutcomeKind.CLOSE_HELP and help_term_ahead(ctx) is not None
        if early and not form.early_confirmed:
            raise_if({"early_confirmation": "error_confirm_early"})
        answer = WeighingAnswer(
            weighing_id=weighing.id,
            submission_key=submission_key,
            question=form.question,
            answer=form.answer,
            rationale=ctx.seal(WeighingAnswer, "rationale", form.rationale),
            framework_version=weighing.framework_version,
            with_veilig_thuis=before.with_veilig_thuis,
            answered_by=user_id,
            answered_at=services.clock.now(),
        )
        ctx.session.add(answer)
        ctx.session.flush()
        ctx.record(
            AuditAction.QUESTION_ANSWERED,
            round=weighing.round,
            question=form.question,
            answer=str(form.answer),
            with_veilig_thuis=before.with_veilig_thuis,
            framework_version=weighing.framework_version,
            **({"before_term": True} if early else {}),
        )
        save_state(ctx, weighing, after)
        if outcome.informs_director:
            _inform_directors(ctx, weighing)
        if form.question == 5:  # the help is evaluated: its term and referral need no reminder now
            reminders.end(ctx.session, services.clock, ctx.case.id, [ReminderKind.EVALUATION, ReminderKind.REFERRAL])
        if after.finished and after.outcome is OutcomeKind.CLOSE:
            close(ctx, CloseReason.NO_SUSPICION, follow_up=form.follow_up)
        elif after.finished and after.outcome is OutcomeKind.CLOSE_HELP:
            close(ctx, CloseReason.HELP_SUCCEEDED, monitoring=form.monitoring, follow_up=form.follow_up)
        elif before.stage is framework.Stage.ASK and after.stage is not framework.Stage.ASK:
            _tell_reporter_weighed(ctx, weighing)
        log.info("case %s: question %s answered (round %s)", ctx.case.reference, form.question, weighing.round)
        return _answered(ctx.session, ctx.case, answer)

    return act(services, user_id, case_id, answer_permission(form.question), work)


def check_answerable(
    ctx: CaseContext, weighing: Weighing | None, question: int, given: Answer | None = None
) -> WeighingState:
    """The weighing's state if `question` may be answered now (with `given`, if named); else name who
    answered it first, or refuse the step, the question out of turn, or an answer it does not take."""
    if weighing is not None:
        taken = repo.answer_to(ctx.session, weighing.id, question)
        if taken is not None:
            raise AlreadyAnswered(question=question, answer=Answer(taken.answer), user_id=taken.answered_by)
    ctx.require(CaseStep.ANSWER, question)
    state = state_of(weighing) if weighing is not None else framework.START
    framework.expect_question(state, question)
    table = framework_of(weighing) if weighing is not None else framework.CURRENT
    if given is not None and given not in table.question(question).answers:
        raise StepNotAllowed()  # "twijfel" is an answer to question 2 only
    return state


def help_term_ahead(ctx: CaseContext) -> date | None:
    """The term of the help that runs, while it still lies ahead: question 5 comes early then."""
    if ctx.state is not CaseState.HELP_RUNNING:
        return None
    plans = repo.help_plans_of(ctx.session, ctx.case.id)
    today = local_today(ctx.services.clock).date()
    return plans[-1].term if plans and plans[-1].term > today else None


def start_new_weighing(services: Services, user_id: str, case_id: int) -> int:
    """A new signal after a weighing: weigh again. The earlier answers stay in the record."""

    def work(ctx: CaseContext) -> int:
        current = repo.current_weighing(ctx.session, ctx.case.id)
        if current is not None and not current.answers and ctx.state is CaseState.WEIGHING:
            return current.round  # a double click: the new weighing already waits for its first answer
        ctx.require(CaseStep.NEW_WEIGHING)
        weighing = _start(ctx, (current.round if current else 0) + 1)
        ctx.case.state = CaseState.WEIGHING
        ctx.touch()
        return weighing.round

    return act(services, user_id, case_id, Permission.DECIDE, work)


def _start(ctx: CaseContext, round_number: int) -> Weighing:
    start = framework.START
    weighing = Weighing(
        case_id=ctx.case.id,
        round=round_number,
        framework_version=framework.CURRENT.version,
        stage=start.stage,
        question=start.question,
        started_by=ctx.user_id,
        started_at=ctx.services.clock.now(),
        last_signal_id=repo.latest_signal_id(ctx.session, ctx.case.id),
    )
    ctx.session.add(weighing)
    ctx.session.flush()
    ctx.record(AuditAction.WEIGHING_STARTED, round=round_number, framework_version=weighing.framework_version)
    return weighing


def _inform_directors(ctx: CaseContext, weighing: Weighing) -> None:
    """Question 1 yes: the director (final responsibility) is informed: reference and "afweging loopt"."""
    directors = ctx.school.directors
    ctx.record(AuditAction.DIRECTOR_INFORMED, round=weighing.round, directors=list(directors))
    notices.enqueue(
        ctx.session,
        ctx.services.clock.now(),
        NoticeKind.DIRECTOR_INFORMED,
        directors,
        cause=f"weighing-{weighing.id}",
        case=ctx.case,
    )


def _tell_reporter_weighed(ctx: CaseContext, weighing: Weighing) -> None:
    """The reporter hears that the weighing has an outcome, not which: once per round."""
    reporter = ctx.case.reporter_id
    if reporter != ctx.user_id:
        notices.enqueue(
            ctx.session,
            ctx.services.clock.now(),
            NoticeKind.CASE_WEIGHED,
            [reporter],
            cause=f"weighed-{weighing.id}",
            case=ctx.case,
        )


def _answered(session: Session, case: Case, answer: WeighingAnswer) -> Answered:
    weighing = session.get(Weighing, answer.weighing_id)
    assert weighing is not None
    return Answered(
        case.id,
        case.reference,
        answer.question,
        Answer(answer.answer),
        framework_of(weighing).question(answer.question).outcome(Answer(answer.answer)).kind,
        weighing.meldnorm,
        CaseState(case.state),
    )
