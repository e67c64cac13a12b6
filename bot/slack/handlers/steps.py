"""Steps 2 to 5 from the case view: a button opens the step's form, the submitted form records it.

A button first asks the flow whether this user may take the step now, so nobody fills in a form
that would be refused. The submission stores before it acks, like registration: the modal closes
only once the record is safe, and the case view underneath is redrawn with the step now due.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.flows.errors import MeldcodeError, StepNotAllowed
from bot.flows.ports import local_today
from bot.flows.rules.framework import Answer
from bot.flows.rules.process import CaseStep
from bot.flows.services import Services
from bot.flows.steps.brief import CaseBrief, prepare
from bot.flows.steps.closing import close_case
from bot.flows.steps.consultation import ConsultationRecorded, record_consultation, set_team
from bot.flows.steps.conversation import record_conversation, skip_conversation
from bot.flows.steps.help_plan import record_help_plan
from bot.flows.steps.kindcheck import record_kindcheck
from bot.flows.steps.reporting import record_feedback, record_report
from bot.flows.steps.weighing import AnswerForm, answer_question
from bot.forms import (
    FormReader,
    close_form,
    consultation_form,
    conversation_form,
    feedback_form,
    help_plan_form,
    kindcheck_form,
    report_form,
    skip_form,
    small_number,
)
from bot.slack.handlers import forms
from bot.slack.handlers.errors import guarded
from bot.slack.handlers.respond import ack_refusal, refresh_case, show, shown
from bot.slack.ids import Action, Block, Callback
from bot.slack.views import casework as views
from bot.slack.views.case import ANSWER_OF_ACTION
from bot.work import Work, caught


@dataclass(frozen=True)
class StepForm:
    step: CaseStep
    render: Callable[[CaseBrief, date, str], View]  # (the case, today, the user opening the form)


def _today(services: Services) -> date:
    return local_today(services.clock).date()


FORMS: dict[Action, StepForm] = {
    Action.RECORD_CONSULTATION: StepForm(CaseStep.CONSULT, lambda b, today, u: views.consultation_modal(b, today)),
    Action.SET_TEAM: StepForm(CaseStep.SET_TEAM, lambda b, today, u: views.team_modal(b)),
    Action.RECORD_CONVERSATION: StepForm(CaseStep.TALK, lambda b, today, u: views.conversation_modal(b, today)),
    Action.SKIP_CONVERSATION: StepForm(CaseStep.TALK, lambda b, today, u: views.skip_conversation_modal(b)),
    Action.RECORD_REPORT: StepForm(CaseStep.REPORT, lambda b, today, u: views.report_modal(b, u, today)),
    Action.RECORD_FEEDBACK: StepForm(CaseStep.FEEDBACK, lambda b, today, u: views.feedback_modal(b, today)),
    Action.RECORD_HELP_PLAN: StepForm(CaseStep.HELP_PLAN, lambda b, today, u: views.help_plan_modal(b, today)),
    Action.CLOSE_CASE: StepForm(CaseStep.CLOSE, lambda b, today, u: views.close_modal(b, today)),
    Action.RECORD_KINDCHECK: StepForm(CaseStep.KINDCHECK, lambda b, today, u: views.kindcheck_modal(b)),
}


@shown
def _step_form(services: Services, user_id: str, case_id: int, form: StepForm) -> View:
    return form.render(prepare(services, user_id, case_id, form.step), _today(services), user_id)


async def handle_open_step(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    await ack()
    form = FORMS[Action(body["actions"][0]["action_id"])]
    await show(
        client, body, await work.after_ack(_step_form, services, body["user"]["id"], forms.button_id(body), form)
    )


@shown
def _answer_form(services: Services, user_id: str, case_id: int, question: int, answer: Answer) -> View:
    brief = prepare(services, user_id, case_id, CaseStep.ANSWER, question, answer)
    return views.answer_modal(brief, question, answer, _today(services))


async def handle_answer_button(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, services: Services, work: Work
) -> None:
    """Ja / Nee / Twijfel on a question: the rationale modal, unless someone answered first."""
    await ack()
    answer = ANSWER_OF_ACTION[Action(body["actions"][0]["action_id"])]
    question = small_number([*forms.button_parts(body), ""][1], 5)
    view = await work.after_ack(_answer_form, services, body["user"]["id"], forms.button_id(body), question, answer)
    await show(client, body, view)


# --- submissions -----------------------------------------------------------------------------

Record = Callable[[Services, str, int, dict[str, Any], str], View | None]


@caught
def _recorded(record: Record, services: Services, user_id: str, case_id: int, view: dict[str, Any]) -> View | None:
    """What `record` answers: a modal to show instead, or None."""
    return record(services, user_id, case_id, view, f"{view['id']}:{view.get('callback_id')}")


def _submission(record: Record) -> Callable[..., Awaitable[None]]:
    """A view_submission listener around `record`, which returns a modal to show instead, or None."""

    async def handle(
        ack: AsyncAck,
        body: dict[str, Any],
        view: dict[str, Any],
        client: AsyncWebClient,
        services: Services,
        work: Work,
    ) -> None:
        user_id, case_id = body["user"]["id"], forms.case_id(view)
        outcome = await work.before_ack(_recorded, record, services, user_id, case_id, view)
        if isinstance(outcome, MeldcodeError):
            await ack_refusal(ack, view, outcome)
            return
        if outcome is None:
            await ack()
        else:
            await ack(response_action="update", view=outcome)
        await refresh_case(client, work, services, user_id, case_id, view.get("previous_view_id"))

    return handle


def _consultation(services: Services, user_id: str, case_id: int, view: dict[str, Any], key: str) -> View | None:
    result: ConsultationRecorded = record_consultation(
        services, user_id, case_id, consultation_form(forms.ModalValues(view), _today(services)), key
    )
    return views.special_form_modal(result.reference) if result.special_form else None


def _team(services: Services, user_id: str, case_id: int, view: dict[str, Any], key: str) -> None:
    set_team(services, user_id, case_id, FormReader(forms.ModalValues(view)).users(Block.TEAM))


def _conversation(services: Services, user_id: str, case_id: int, view: dict[str, Any], key: str) -> None:
    record_conversation(services, user_id, case_id, conversation_form(forms.ModalValues(view), _today(services)), key)


def _skip(services: Services, user_id: str, case_id: int, view: dict[str, Any], key: str) -> None:
    skip_conversation(services, user_id, case_id, skip_form(forms.ModalValues(view)), key)


def _answer(services: Services, user_id: str, case_id: int, view: dict[str, Any], key: str) -> None:
    meta = forms.metadata(view)
    question, answer = (
        small_number(meta.get("question"), 5),
        next((a for a in Answer if a.value == meta.get("answer")), None),
    )
    if answer is None:
        raise StepNotAllowed()
    reader = FormReader(forms.ModalValues(view))
    form = AnswerForm(
        question,
        answer,
        reader.text(Block.RATIONALE),
        reader.text(Block.MONITORING),
        early_confirmed=reader.ticked(Block.EARLY_CONFIRMATION),
        follow_up=reader.optional_date(Block.FOLLOW_UP),
    )
    answer_question(services, user_id, case_id, form, key)


def _report(services: Services, user_id: str, case_id: int, view: dict[str, Any], key: str) -> None:
    record_report(services, user_id, case_id, report_form(forms.ModalValues(view)), key)


def _feedback(services: Services, user_id: str, case_id: int, view: dict[str, Any], key: str) -> None:
    record_feedback(services, user_id, case_id, feedback_form(forms.ModalValues(view), _today(services)))


def _help_plan(services: Services, user_id: str, case_id: int, view: dict[str, Any], key: str) -> None:
    record_help_plan(services, user_id, case_id, help_plan_form(forms.ModalValues(view), _today(services)), key)


def _kindcheck(services: Services, user_id: str, case_id: int, view: dict[str, Any], key: str) -> None:
    record_kindcheck(services, user_id, case_id, kindcheck_form(forms.ModalValues(view)), key)


def _close(services: Services, user_id: str, case_id: int, view: dict[str, Any], key: str) -> None:
    close_case(services, user_id, case_id, close_form(forms.ModalValues(view), _today(services)))


SUBMISSIONS: dict[Callback, Record] = {
    Callback.CONSULTATION: _consultation,
    Callback.TEAM: _team,
    Callback.CONVERSATION: _conversation,
    Callback.SKIP_CONVERSATION: _skip,
    Callback.ANSWER: _answer,
    Callback.REPORT: _report,
    Callback.FEEDBACK: _feedback,
    Callback.HELP_PLAN: _help_plan,
    Callback.CLOSE_CASE: _close,
    Callback.KINDCHECK: _kindcheck,
}


def register(app: AsyncApp) -> None:
    for action in FORMS:
        app.action(action)(guarded(handle_open_step))
    for action in ANSWER_OF_ACTION:
        app.action(action)(guarded(handle_answer_button))
    for callback, record in SUBMISSIONS.items():
        app.view_submission(callback)(guarded(_submission(record)))
