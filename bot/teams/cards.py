"""Cards as Teams shows them (Adaptive Cards 1.5, built with the Teams SDK's card models): a
notice's sentence and its buttons. Card texts carry a reference and a step only, as in Slack."""

from __future__ import annotations

import re
from typing import Literal

from markupsafe import Markup
from microsoft_teams.cards import Action, AdaptiveCard, ExecuteAction, OpenDialogData, SubmitAction, TextBlock
from microsoft_teams.cards.utilities.submit_data import SubmitData

from bot.catalogue import pieces
from bot.documents.notices import ACTS_IN_PLACE, Button, Notice
from bot.teams.names import name_of

# Characters Teams' Markdown would read as formatting.
_MARKDOWN = re.compile(r"([\\*_\[\]`#>~|])")


def teams_markdown(text: Markup | str) -> str:
    """A catalogue sentence as a TextBlock's Markdown: emphasis in double asterisks, everything
    else escaped (a plain `str`, what someone typed, is all text). A person shows by name where
    the bot knows it (bot.teams.names)."""
    out = []
    for piece in pieces(text):
        if piece.bold is not None:
            out.append("**")
        elif piece.person is not None:
            out.append(_MARKDOWN.sub(r"\\\1", name_of(piece.person)))
        else:
            out.append(_MARKDOWN.sub(r"\\\1", piece.text))
    return "".join(out)


# What a button inside a dialog submits: open what `dialog_id` names, in place of this dialog.
OPEN = "open"


def notice_card(notice: Notice) -> AdaptiveCard:
    """A notice as a card. A button whose click is the whole act is an Action.Execute (its answer
    changes the card in place); one that opens a form opens a dialog (task/fetch)."""
    return AdaptiveCard(
        body=[TextBlock(text=teams_markdown(notice.body), wrap=True)],
        actions=[button_action(button) for button in notice.buttons] or None,
    )


def button_action(button: Button, *, in_dialog: bool = False) -> Action:
    """A button as a card's action. In a message: a dialog opened (task/fetch), or an act in place.
    In a dialog: a submission (task/submit) whose answer is the dialog it opens."""
    title = teams_markdown(button.label)
    style: Literal["positive"] | None = "positive" if button.primary else None
    data = {"value": button.value, **({"answer": button.answer.value} if button.answer else {})}
    if in_dialog:
        return SubmitAction(title=title, style=style).with_data(SubmitData(OPEN, {"dialog_id": button.does, **data}))
    if button.does in ACTS_IN_PLACE:
        return ExecuteAction(title=title, verb=button.does, data=data, style=style)
    return SubmitAction(title=title, style=style).with_data(OpenDialogData(button.does, data))
