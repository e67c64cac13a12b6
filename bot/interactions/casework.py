"""The case and its steps on every platform: what a button of the case view opens or does, and what
a step's submitted form records. Each returns the dialog to show; a refusal is raised.

Every click re-reads the case and decides access anew; button values carry ids only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.documents import step_forms
from bot.documents.case_view import case_dialog, page_rows, section_dialog
from bot.documents.dialogs import Dialog, Form
from bot.documents.notices import Does
from bot.flows.errors import StepNotAllowed
from bot.flows.ports import local_today
from bot.flows.rules.framework import Answer
from bot.flows.rules.process import CaseStep
from bot.flows.services import Services
from bot.flows.steps.brief import CaseBrief, prepare
from bot.flows.steps.closing import close_case
from bot.flows.steps.consultation import record_consultation, set_team
from bot.flows.steps.conversation import record_conversation, skip_conversation
from bot.flows.steps.dossier import open_case, open_part
from bot.flows.steps.help_plan import record_help_plan
from bot.flows.steps.kindcheck import record_kindcheck
from bot.flows.steps.reporting import record_feedback, record_report
from bot.flows.steps.taking import take_case
from bot.flows.steps.weighing import AnswerForm, answer_question, start_new_weighing
from bot.flows.vocabulary import DossierPart
from bot.forms import (
    MAX_ID,
    Field,
    FormReader,
    Values,
    close_form,
    consultation_form,
    conversation_form,
    feedback_form,
    help_plan_form,
    kindcheck_form,
    record_id,
    report_form,
    skip_form,
    small_number,
)


def _today(services: Services) -> date:
    return local_today(services.clock).date()


def case(services: Services, user_id: str, case_id: int) -> Dialog:
    """The case as this user may see it: the dossier, its status only, or (raised) why not."""
    return case_dialog(open_case(services, user_id, case_id))


# Buttons whose click is the step itself; the case is shown as it then stands.
ACTS: Mapping[Does, Callable[[Services, str, int], object]] = {
    Does.TAKE_CASE: take_case,
    Does.NEW_WEIGHING: start_new_weighing,
}


def act(services: Services, user_id: str, case_id: int, does: Does) -> Dialog:
    ACTS[does](services, user_id, case_id)
    return case(services, user_id, case_id)


def section(services: Services, user_id: str, value: str, newer: bool) -> Dialog:
    """A page of one part of the dossier (`value`: "case:part:mark"): from `mark` on, or (going back
    to newer items) up to it."""
    parts = [*value.split(":"), "", ""]
    part = next((p for p in DossierPart if p.value == parts[1]), None)
    # A garbled part names no case: the flow refuses it, on record, like any crafted id.
    case_id = record_id(parts[0]) if part is not None else 0
    part = part or DossierPart.SIGNALS
    mark = small_number(parts[2], MAX_ID)
    rows = page_rows(part)
    offset, limit = (max(0, mark - rows), min(rows, mark)) if newer else (mark, rows)
    return section_dialog(open_part(services, user_id, case_id, part, offset, limit), from_end=newer)


@dataclass(frozen=True)
class StepForm:
    form: Form
    step: CaseStep
    draw: Callable[[CaseBrief, date, str], Dialog]  # (the case, today, the user opening the form)


FORMS: Mapping[Does, StepForm] = {
    Does.RECORD_CONSULTATION: StepForm(
        Form.CONSULTATION, CaseStep.CONSULT, lambda b, today, u: step_forms.consultation(b, today)
    ),
    Does.SET_TEAM: StepForm(Form.TEAM, CaseStep.SET_TEAM, lambda b, today, u: step_forms.team(b)),
    Does.RECORD_CONVERSATION: StepForm(
        Form.CONVERSATION, CaseStep.TALK, lambda b, today, u: step_forms.conversation(b, today)
    ),
    Does.SKIP_CONVERSATION: StepForm(
        Form.SKIP_CONVERSATION, CaseStep.TALK, lambda b, today, u: step_forms.skip_conversation(b)
    ),
    Does.RECORD_REPORT: StepForm(Form.REPORT, CaseStep.REPORT, lambda b, today, u: step_forms.report(b, u, today)),
    Does.RECORD_FEEDBACK: StepForm(Form.FEEDBACK, CaseStep.FEEDBACK, lambda b, today, u: step_forms.feedback(b, today)),
    Does.RECORD_HELP_PLAN: StepForm(
        Form.HELP_PLAN, CaseStep.HELP_PLAN, lambda b, today, u: step_forms.help_plan(b, today)
    ),
    Does.CLOSE_CASE: StepForm(Form.CLOSE_CASE, CaseStep.CLOSE, lambda b, today, u: step_forms.close(b, today)),
    Does.RECORD_KINDCHECK: StepForm(Form.KINDCHECK, CaseStep.KINDCHECK, lambda b, today, u: step_forms.kindcheck(b)),
}


def step_form(services: Services, user_id: str, case_id: int, does: Does) -> Dialog:
    """A step's form, once the flow has said this user may take the step now (nobody fills in a
    form that would be refused)."""
    form = FORMS[does]
    return form.draw(prepare(services, user_id, case_id, form.step), _today(services), user_id)


def answer_form(services: Services, user_id: str, case_id: int, question: int, given: Answer) -> Dialog:
    """Ja / Nee / Twijfel on a question: the rationale's form, unless someone answered first."""
    brief = prepare(services, user_id, case_id, CaseStep.ANSWER, question, given)
    return step_forms.answer(brief, question, given, _today(services))


# --- submissions -----------------------------------------------------------------------------

# Records a submitted step: (services, user, case, values, metadata, key) → a dialog to show
# instead of the case, or None.
Record = Callable[[Services, str, int, Values, Mapping[str, Any], str], Dialog | None]


def _consultation(services: Services, user_id: str, case_id: int, values: Values, meta: Mapping[str, Any],
                  key: str) -> Dialog | None:  # fmt: skip
    result = record_consultation(services, user_id, case_id, consultation_form(values, _today(services)), key)
    return step_forms.special_form(result.reference) if result.special_form else None


def _team(services: Services, user_id: str, case_id: int, values: Values, meta: Mapping[str, Any], key: str) -> None:
    set_team(services, user_id, case_id, FormReader(values).users(Field.TEAM))


def _conversation(services: Services, user_id: str, case_id: int, values: Values, meta: Mapping[str, Any],
                  key: str) -> None:  # fmt: skip
    record_conversation(services, user_id, case_id, conversation_form(values, _today(services)), key)


def _skip(services: Services, user_id: str, case_id: int, values: Values, meta: Mapping[str, Any], key: str) -> None:
    skip_conversation(services, user_id, case_id, skip_form(values), key)


def _answer(services: Services, user_id: str, case_id: int, values: Values, meta: Mapping[str, Any],
            key: str) -> None:  # fmt: skip
    question = small_number(meta.get("question"), 5)
    given = next((a for a in Answer if a.value == meta.get("answer")), None)
    if given is None:
        raise StepNotAllowed()
    reader = FormReader(values)
    form = AnswerForm(
        question,
        given,
        reader.text(Field.RATIONALE),
        reader.text(Field.MONITORING),
        early_confirmed=reader.ticked(Field.EARLY_CONFIRMATION),
        follow_up=reader.optional_date(Field.FOLLOW_UP),
    )
    answer_question(services, user_id, case_id, form, key)


def _report(services: Services, user_id: str, case_id: int, values: Values, meta: Mapping[str, Any], key: str) -> None:
    record_report(services, user_id, case_id, report_form(values), key)


def _feedback(services: Services, user_id: str, case_id: int, values: Values, meta: Mapping[str, Any],
              key: str) -> None:  # fmt: skip
    record_feedback(services, user_id, case_id, feedback_form(values, _today(services)))


def _help_plan(services: Services, user_id: str, case_id: int, values: Values, meta: Mapping[str, Any],
               key: str) -> None:  # fmt: skip
    record_help_plan(services, user_id, case_id, help_plan_form(values, _today(services)), key)


def _kindcheck(services: Services, user_id: str, case_id: int, values: Values, meta: Mapping[str, Any],
               key: str) -> None:  # fmt: skip
    record_kindcheck(services, user_id, case_id, kindcheck_form(values), key)


def _close(services: Services, user_id: str, case_id: int, values: Values, meta: Mapping[str, Any], key: str) -> None:
    close_case(services, user_id, case_id, close_form(values, _today(services)))


RECORDS: Mapping[Form, Record] = {
    Form.CONSULTATION: _consultation,
    Form.TEAM: _team,
    Form.CONVERSATION: _conversation,
    Form.SKIP_CONVERSATION: _skip,
    Form.ANSWER: _answer,
    Form.REPORT: _report,
    Form.FEEDBACK: _feedback,
    Form.HELP_PLAN: _help_plan,
    Form.CLOSE_CASE: _close,
    Form.KINDCHECK: _kindcheck,
}


def step_form_again(services: Services, user_id: str, case_id: int, form: Form, meta: Mapping[str, Any]) -> Dialog:
    """A step's form as it was opened, to show a refused submission's problems in."""
    if form is Form.ANSWER:
        given = next((a for a in Answer if a.value == meta.get("answer")), None)
        if given is None:
            raise StepNotAllowed()
        return answer_form(services, user_id, case_id, small_number(meta.get("question"), 5), given)
    return step_form(services, user_id, case_id, next(does for does, f in FORMS.items() if f.form is form))
