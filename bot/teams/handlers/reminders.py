"""Acting on a reminder in Teams. "Nog niet", "the family started" and "going well" are the card's
Action.Execute buttons: the answer is the card as it now reads, in place of the one clicked.
"Herinner me op …" and "new worries" open a dialog (bot.interactions.reminders decides each); the
card they were clicked on is rewritten once the dialog said what was decided."""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup
from microsoft_teams.api.models.adaptive_card import (
    AdaptiveCardActionCardResponse,
    AdaptiveCardActionMessageResponse,
)
from microsoft_teams.api.models.invoke_response import AdaptiveCardInvokeResponse

from bot.catalogue import t
from bot.documents import dialogs
from bot.documents.dialogs import Dialog, Form, Says
from bot.documents.notices import Does, Notice
from bot.flows.errors import MeldcodeError, UnknownRequest
from bot.flows.services import Services
from bot.forms import record_id
from bot.interactions import reminders
from bot.teams.cards import notice_card
from bot.teams.dialogs import teams_plain
from bot.teams.handlers.answer import Asked, Handler, Redraw, Sender, Serving, Shown, as_user
from bot.work import caught

log = logging.getLogger(__name__)


def _acted(services: Services, user_id: str, verb: str, data: Mapping[str, Any]) -> Notice | Markup:
    """What the reminder's card says now, or why the click changed nothing."""
    does = next((d for d in reminders.IN_PLACE if d.value == verb), None)
    if does is None or not user_id:  # an old card, or a crafted request: said, not guessed
        log.warning("Teams: a card action this bot does not have was asked for")
        return dialogs.refusal_text(UnknownRequest())
    done = caught(reminders.act)(services, user_id, record_id(data.get("value")), does)
    return dialogs.refusal_text(done) if isinstance(done, MeldcodeError) else done


async def card_action(serving: Serving, sender: Sender, verb: str,
                      data: Mapping[str, Any]) -> AdaptiveCardInvokeResponse:  # fmt: skip
    def failed(incident: str) -> Notice | Markup:
        return t("error_generic", incident=incident)

    def drawn(outcome: Notice | Markup) -> AdaptiveCardInvokeResponse:
        if isinstance(outcome, Notice):
            return AdaptiveCardActionCardResponse(value=notice_card(outcome))
        return AdaptiveCardActionMessageResponse(value=teams_plain(outcome))  # the card stays as it was

    acted = functools.partial(_acted, serving.services, sender.user_id, verb, data)
    return await as_user(serving, sender, acted, failed, drawn)


def _card(asked: Asked) -> dict[str, str]:
    """The clicked card, carried in the dialog's metadata to be rewritten after its submission."""
    return {"card": asked.card} if asked.card else {}


def postpone(services: Services, asked: Asked) -> Shown:
    reminder = record_id(asked.data.get("value"))
    return Shown(reminders.postpone_dialog(services, asked.user_id, reminder, _card(asked)))


def new_signal(services: Services, asked: Asked) -> Shown:
    """Nazorg found new worries: the signal form for the same pupil; the card says so at once."""
    said, form = reminders.new_signal(services, asked.user_id, record_id(asked.data.get("value")))
    return Shown(form, rewrite=said)


def postponed(services: Services, asked: Asked) -> Shown:
    said = reminders.after_postpone(services, asked.user_id, asked.values, asked.meta, asked.key("postpone"))
    return Shown(dialogs.info(t("postpone_title"), Says(said.body)), rewrite=said)


def postpone_again(services: Services, asked: Asked) -> Dialog:
    reminder = record_id(asked.meta.get("reminder"))
    return reminders.postpone_dialog(services, asked.user_id, reminder, _card(asked))


OPENS: Mapping[str, Handler] = {Does.POSTPONE: postpone, Does.FOLLOW_UP_SIGNAL: new_signal}
SUBMITS: Mapping[str, tuple[Handler, Redraw]] = {Form.POSTPONE: (postponed, postpone_again)}
