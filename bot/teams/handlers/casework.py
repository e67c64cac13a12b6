"""The case and its steps in Teams: *Open casus* and every button of the case view open a dialog in
place of the last, and a step's submitted form answers with the case as it now stands
(bot.interactions.casework decides what each does)."""

from __future__ import annotations

from collections.abc import Mapping

from bot.documents.dialogs import Dialog, Form
from bot.documents.notices import Does
from bot.flows.errors import UnknownRequest
from bot.flows.rules.framework import Answer
from bot.flows.services import Services
from bot.forms import record_id, small_number
from bot.interactions import casework
from bot.teams.handlers.answer import Asked, Handler, Redraw, Shown


def _case_id(asked: Asked) -> int:
    """The case a button names first in its value ("case" or "case:question"); 0 when it is garbage."""
    return record_id(str(asked.data.get("value") or "").split(":")[0])


def open_case(services: Services, asked: Asked) -> Shown:
    return Shown(casework.case(services, asked.user_id, _case_id(asked)))


def _acting(does: Does) -> Handler:
    def act(services: Services, asked: Asked) -> Shown:
        return Shown(casework.act(services, asked.user_id, _case_id(asked), does))

    return act


def _opening_form(does: Does) -> Handler:
    def open_form(services: Services, asked: Asked) -> Shown:
        return Shown(casework.step_form(services, asked.user_id, _case_id(asked), does))

    return open_form


def answer_form(services: Services, asked: Asked) -> Shown:
    """Ja / Nee / Twijfel on a question (from the case view or a reminder): its rationale's form."""
    given = next((a for a in Answer if a.value == asked.data.get("answer")), None)
    if given is None:  # our buttons always name one
        raise UnknownRequest()
    question = small_number([*str(asked.data.get("value") or "").split(":"), ""][1], 5)
    return Shown(casework.answer_form(services, asked.user_id, _case_id(asked), question, given))


def _paging(newer: bool) -> Handler:
    def page(services: Services, asked: Asked) -> Shown:
        return Shown(casework.section(services, asked.user_id, str(asked.data.get("value") or ""), newer))

    return page


OPENS: Mapping[str, Handler] = {
    Does.OPEN_CASE: open_case,
    Does.ANSWER: answer_form,
    Does.SHOW_PART: _paging(newer=False),
    Does.PAGE_OLDER: _paging(newer=False),
    Does.PAGE_NEWER: _paging(newer=True),
    **{does: _acting(does) for does in casework.ACTS},
    **{does: _opening_form(does) for does in casework.FORMS},
}


def _recording(form: Form) -> Handler:
    def record(services: Services, asked: Asked) -> Shown:
        case_id = record_id(asked.meta.get("case"))
        shown = casework.RECORDS[form](services, asked.user_id, case_id, asked.values, asked.meta, asked.key(form))
        return Shown(shown or casework.case(services, asked.user_id, case_id))

    return record


def _again(form: Form) -> Redraw:
    def again(services: Services, asked: Asked) -> Dialog:
        return casework.step_form_again(services, asked.user_id, record_id(asked.meta.get("case")), form, asked.meta)

    return again


SUBMITS: Mapping[str, tuple[Handler, Redraw]] = {form: (_recording(form), _again(form)) for form in casework.RECORDS}
