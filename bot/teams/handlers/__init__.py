"""The Teams adapter's handlers, registered on the SDK's App: the personal chat, and every dialog
opened by a card's button (task/fetch) or submitted (task/submit), dispatched by what it is."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from microsoft_teams.api.activities import ConversationUpdateActivity
from microsoft_teams.api.activities.install_update import InstalledActivity
from microsoft_teams.api.activities.invoke.adaptive_card import AdaptiveCardInvokeActivity
from microsoft_teams.api.activities.invoke.file_consent import FileConsentInvokeActivity
from microsoft_teams.api.activities.invoke.task import TaskFetchInvokeActivity, TaskSubmitInvokeActivity
from microsoft_teams.api.activities.message import MessageActivity
from microsoft_teams.api.models.file import FILE_DOWNLOAD_INFO_CONTENT_TYPE
from microsoft_teams.api.models.invoke_response import AdaptiveCardInvokeResponse
from microsoft_teams.api.models.task_module import TaskModuleResponse
from microsoft_teams.apps import ActivityContext, App

from bot.documents.dialogs import Form
from bot.documents.notices import Does
from bot.flows.errors import UnknownRequest
from bot.flows.services import Services
from bot.teams.cards import OPEN
from bot.teams.chat import Chat
from bot.teams.dialogs import metadata
from bot.teams.handlers import casework, export, home, registration, reminders
from bot.teams.handlers.answer import Asked, Handler, Redraw, Sender, Serving, Shown, answer
from bot.teams.handlers.chat import remember
from bot.teams.transport import TeamsTransport

log = logging.getLogger(__name__)

# What a card's button opens, by what it does.
OPENS: Mapping[str, Handler] = {
    Does.START_REGISTRATION: registration.start,
    Does.FINISH_DRAFT: registration.finish_draft,
    Does.MY_CASES: home.overview,
    Does.CHOOSE_LANGUAGE: home.choose,
    Does.OPEN_EVALUATION: home.evaluation,
    Does.FILTER_DESK: home.filtered,
    Does.EXPORT_CASE: export.choose,
    **casework.OPENS,
    **reminders.OPENS,
}

# What a dialog's submission does, by its form; and, where a refusal of its input shows the
# problems under its fields, how to draw it again.
SUBMITS: Mapping[str, tuple[Handler, Redraw | None]] = {
    Form.INTAKE: (registration.intake, registration.intake_again),
    Form.SIGNAL: (registration.signal, registration.signal_again),
    Form.BOARD_CHOICE: (registration.board_choice, None),
    Form.OPEN_CASE_CHOICE: (registration.open_case_choice, None),
    Form.EXPORT: (export.chosen, None),
    **casework.SUBMITS,
    **reminders.SUBMITS,
}


def _unknown(services: Services, asked: Asked) -> Shown:
    """A button or form this bot does not have (an old card, a crafted request): said, not guessed.
    Logged by kind only: what it named came from the client."""
    log.warning("Teams: a dialog this bot does not have was asked for")
    raise UnknownRequest()


def _opening(does: str) -> Handler:
    return OPENS.get(does, _unknown)


def register_all(app: App, serving: Serving, transport: TeamsTransport) -> None:
    services, names = serving.services, serving.names

    def sender(ctx: ActivityContext[Any], data: Mapping[str, Any] | None = None) -> Sender:
        """Who asks, and from where (`data`: a dialog's, which may name the card it was opened from)."""
        activity = ctx.activity
        chat = Chat(app, transport, str(activity.service_url), str(activity.conversation.id))
        card = _card(ctx, data) if data is not None else None
        return Sender(str(activity.from_.aad_object_id or ""), activity.from_.name, card, chat)

    @app.on_install_add
    async def installed(ctx: ActivityContext[InstalledActivity]) -> None:
        await remember(services, names, ctx.activity, greet=True)

    @app.on_conversation_update
    async def conversation_updated(ctx: ActivityContext[ConversationUpdateActivity]) -> None:
        await remember(services, names, ctx.activity, greet=False)

    @app.on_message
    async def message(ctx: ActivityContext[MessageActivity]) -> None:
        # Free text is never taken as a signal, nor stored: the answer is the start button. A file
        # (the manifest allows files, for the PDF) is not taken either, and the answer says so.
        attachments = ctx.activity.attachments or []
        file = any(a.content_type == FILE_DOWNLOAD_INFO_CONTENT_TYPE for a in attachments)
        await remember(services, names, ctx.activity, greet=True, file=file)

    @app.on_card_action_execute
    async def card_action(ctx: ActivityContext[AdaptiveCardInvokeActivity]) -> AdaptiveCardInvokeResponse:
        action = ctx.activity.value.action
        return await reminders.card_action(serving, sender(ctx), str(action.verb), action.data or {})

    @app.on_file_consent
    async def file_consent(ctx: ActivityContext[FileConsentInvokeActivity]) -> None:
        await export.consented(serving, sender(ctx), ctx.activity.value)

    @app.on_dialog_open
    async def dialog_open(ctx: ActivityContext[TaskFetchInvokeActivity]) -> TaskModuleResponse:
        data = _data(ctx.activity.value)
        return await answer(serving, sender(ctx, data), data, _opening(str(data.get("dialog_id"))))

    @app.on_dialog_submit
    async def dialog_submit(ctx: ActivityContext[TaskSubmitInvokeActivity]) -> TaskModuleResponse:
        data = _data(ctx.activity.value)
        if data.get("action") == OPEN:  # a button in a dialog: what it opens comes in its place
            return await answer(serving, sender(ctx, data), data, _opening(str(data.get("dialog_id"))))
        handler, redraw = SUBMITS.get(str(data.get("action")), (_unknown, None))
        return await answer(serving, sender(ctx, data), data, handler, redraw)


# A message id as Teams makes them: nothing that could leave the chat's path in a URL ("/", "..").
_MESSAGE_ID = re.compile(r"[A-Za-z0-9:_-]{1,200}")


def _card(ctx: ActivityContext[Any], data: Mapping[str, Any]) -> str | None:
    """The card message a dialog was opened from: named by Teams on the click, and carried on in
    the metadata of a dialog that will change it (which passes through the client: only an id of
    a message's shape is taken, so a rewrite stays in the chat the request came from)."""
    kept = metadata(data).get("card")
    card = kept if isinstance(kept, str) and kept else ctx.activity.reply_to_id
    return card if card is not None and _MESSAGE_ID.fullmatch(card) else None


def _data(value: Any) -> Mapping[str, Any]:
    data = getattr(value, "data", None)
    return data if isinstance(data, dict) else {}
