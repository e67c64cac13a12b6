"""A dialog (bot.documents.dialogs) as Teams shows it: an Adaptive Card in a dialog (task module).

Each field is an input whose id is its field; the submit button carries which form it is and the
dialog's metadata back. A submission the flow refused is drawn again as typed, with each problem
under its field, since Teams has no answer that marks a field of an open dialog.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup
from microsoft_teams.api.models.attachment.card_attachment import AdaptiveCardAttachment, card_attachment
from microsoft_teams.api.models.task_module import (
    CardTaskModuleTaskInfo,
    TaskModuleContinueResponse,
    TaskModuleResponse,
)
from microsoft_teams.cards import (
    Action,
    ActionSet,
    AdaptiveCard,
    CardElement,
    Choice,
    ChoiceSetInput,
    DateInput,
    SubmitAction,
    TextBlock,
    TextInput,
)
from microsoft_teams.cards.utilities.submit_data import SubmitData

from bot.catalogue import plain, t
from bot.documents.dialogs import Buttons, Dialog, Divider, Heading, Input, Kind, Option, Part, Says, Written
from bot.teams.cards import button_action, teams_markdown
from bot.teams.names import name_of

METADATA = "meta"  # the key under which a submission carries its dialog's metadata
INSTANCE = "instance"  # in the metadata: one opened dialog and those that follow it (a submission's key)


def teams_plain(text: Markup | str) -> str:
    """A catalogue sentence where Teams shows plain text (titles, labels, buttons, choices)."""
    return plain(text, name_of)


def dialog_card(
    dialog: Dialog,
    instance: str,
    typed: Mapping[str, Any] | None = None,
    problems: Mapping[str, Markup] | None = None,
    people: Sequence[Option] = (),
) -> AdaptiveCard:
    """The dialog's card; `typed` and `problems` when it is drawn again after a refused submission.
    A problem about a field this dialog does not show goes under its first field. A person field
    offers `people` (Adaptive Cards 1.5 has no people picker)."""
    typed, problems = typed or {}, dict(problems or {})
    inputs = [part.field.value for part in dialog.inputs]
    for field in [f for f in problems if f not in inputs and inputs]:
        moved = problems.pop(field)
        problems[inputs[0]] = Markup(" ").join([problems[inputs[0]], moved]) if inputs[0] in problems else moved
    body: list[CardElement] = []
    separated = False
    for part in dialog.parts:
        if isinstance(part, Divider):
            separated = True
            continue
        drawn = _drawn(part, typed, problems, people)
        if separated and drawn:
            drawn[0], separated = drawn[0].model_copy(update={"separator": True}), False
        body += drawn
    actions: list[Action] | None = None
    if dialog.submit_key:
        data = SubmitData(dialog.form.value, {METADATA: {**(dialog.metadata or {}), INSTANCE: instance}})
        actions = [SubmitAction(title=teams_plain(t(dialog.submit_key)), style="positive").with_data(data)]
    return AdaptiveCard(body=body, actions=actions)


def _drawn(part: Part, typed: Mapping[str, Any], problems: Mapping[str, Markup],
           people: Sequence[Option]) -> list[CardElement]:  # fmt: skip
    if isinstance(part, Says):
        return [_paragraph(part)]
    if isinstance(part, Heading):
        return [TextBlock(text=teams_markdown(part.text), wrap=True, size="Large", weight="Bolder")]
    if isinstance(part, Written):
        return [TextBlock(text=teams_markdown(part.text), wrap=True)]
    if isinstance(part, Buttons):
        actions = [button_action(b, in_dialog=True) for b in part.buttons]
        return [ActionSet(actions=actions[i : i + MAX_ACTIONS]) for i in range(0, len(actions), MAX_ACTIONS)]
    assert not isinstance(part, Divider), "a divider separates the part after it"
    drawn: list[CardElement] = [_input(part, typed.get(part.field.value), people)]
    if part.hint_key:
        drawn.append(TextBlock(text=teams_markdown(t(part.hint_key)), wrap=True, is_subtle=True, size="Small"))
    if part.field.value in problems:
        drawn.append(TextBlock(text=teams_markdown(problems[part.field.value]), wrap=True, color="Attention"))
    return drawn


def _paragraph(says: Says) -> TextBlock:
    if says.aside:
        return TextBlock(text=teams_markdown(says.text), wrap=True, is_subtle=True, size="Small")
    return TextBlock(text=teams_markdown(says.text), wrap=True)


def _input(part: Input, typed: object, people: Sequence[Option]) -> CardElement:
    value = typed if isinstance(typed, str) else part.initial
    label = teams_plain(t(part.label_key))
    required = not part.optional
    # What Teams says under a required field left empty, before anything is sent.
    error = teams_plain(t("error_required")) if required else None
    if part.kind in (Kind.TEXT, Kind.LONG_TEXT):
        return TextInput(id=part.field.value, label=label, is_required=required, error_message=error,
                         max_length=part.limit, is_multiline=part.kind is Kind.LONG_TEXT,
                         value=value[: part.limit] or None)  # fmt: skip
    if part.kind is Kind.DATE:
        return DateInput(id=part.field.value, label=label, is_required=required, error_message=error,
                         value=value or None)  # fmt: skip
    options = _people(people, part.initial) if part.kind in (Kind.PERSON, Kind.PEOPLE) else part.options
    return ChoiceSetInput(
        id=part.field.value,
        label=label,
        is_required=required,
        error_message=error,
        style="expanded" if len(options) <= EXPANDED_CHOICES else "compact",
        is_multi_select=part.kind in (Kind.MANY_OF, Kind.PEOPLE) or None,
        choices=[Choice(title=teams_plain(o.label), value=o.value) for o in options],
        value=value or None,
        wrap=True,
    )


def _people(people: Sequence[Option], initial: str) -> tuple[Option, ...]:
    """Whom a person field offers: the school's people, and whoever it names already."""
    known = {o.value for o in people}
    return (*people, *(Option(user, name_of(user)) for user in initial.split(",") if user and user not in known))


EXPANDED_CHOICES = 10  # more than this many are a drop-down, as a Slack select
MAX_ACTIONS = 5  # a row of buttons holds at most this many (Adaptive Cards' host default); more wrap


def task(dialog: Dialog, instance: str, typed: Mapping[str, Any] | None = None,
         problems: Mapping[str, Markup] | None = None,
         people: Sequence[Option] = ()) -> TaskModuleResponse:  # fmt: skip
    """The answer to a task/fetch or a task/submit that shows `dialog` (opened, or in place of the last)."""
    card = card_attachment(AdaptiveCardAttachment(content=dialog_card(dialog, instance, typed, problems, people)))
    info = CardTaskModuleTaskInfo(title=teams_plain(dialog.title), card=card, width="large", height="large")
    return TaskModuleResponse(task=TaskModuleContinueResponse(value=info))


def instance_of(data: Mapping[str, Any]) -> str:
    """The dialog chain a submission continues, or a new one (a value that cannot be ours starts afresh)."""
    known = metadata(data).get(INSTANCE)
    if isinstance(known, str) and 8 <= len(known) <= 32 and known.isalnum():
        return known
    return secrets.token_hex(8)


def metadata(data: Mapping[str, Any]) -> dict[str, Any]:
    """The metadata a submission carries back ({} when it is anything but an object)."""
    meta = data.get(METADATA)
    return meta if isinstance(meta, dict) else {}


class DialogValues:
    """A submitted dialog's values, as bot.forms reads them. Teams sends every input as a string
    (a multi-select's values joined by commas); anything else is treated as left empty."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = data

    def _raw(self, field: str) -> str:
        value = self._data.get(field)
        return value if isinstance(value, str) else ""

    def text(self, field: str) -> str:
        return self._raw(field)

    def choice(self, field: str) -> str:
        return self._raw(field)

    def choices(self, field: str) -> list[str]:
        return [value for value in self._raw(field).split(",") if value]

    def date(self, field: str) -> str:
        return self._raw(field)

    def user(self, field: str) -> str:
        return self._raw(field)

    def users(self, field: str) -> list[str]:
        return self.choices(field)
