"""How every Teams handler answers: as its user, in their language, with the blocking work on the
shared threads (bot.work) and any failure turned into an incident code the user is shown.

A dialog's handlers are plain functions run on those threads: given the user and what the card or
dialog sent, they return what to show (`Shown`), or raise the flow's refusal, drawn as the dialog
that says why.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from markupsafe import Markup
from microsoft_teams.api.models.task_module import TaskModuleResponse

from bot.catalogue import DEFAULT_LANGUAGE, speaking, t
from bot.documents import dialogs
from bot.documents.dialogs import Dialog, Kind, Option, Says
from bot.documents.notices import Notice
from bot.flows.errors import InvalidInput, MeldcodeError, UnknownRequest
from bot.flows.incidents import log_incident
from bot.flows.services import Services
from bot.flows.steps.language import Reader
from bot.teams.cards import notice_card
from bot.teams.chat import Chat
from bot.teams.dialogs import DialogValues, instance_of, metadata, task
from bot.teams.files import Offer, offer_message
from bot.teams.ids import PLATFORM
from bot.teams.names import TeamsNames, naming
from bot.work import Work
from storage import repositories as repo

log = logging.getLogger(__name__)

R = TypeVar("R")  # what a request's work gives
A = TypeVar("A")  # the answer Teams gets


@dataclass(frozen=True)
class Asked:
    """What a click or a submission asks, as a handler reads it."""

    user_id: str
    data: Mapping[str, Any]  # the card's data and, from a dialog, its inputs by field
    instance: str  # the dialog (chain) it belongs to: the key of a submission's idempotency
    card: str | None = None  # the message whose card the dialog was opened from, in the person's chat

    @property
    def meta(self) -> dict[str, Any]:
        return metadata(self.data)

    @property
    def values(self) -> DialogValues:
        return DialogValues(self.data)

    def key(self, step: str) -> str:
        """The submission key of this dialog's `step`: a repeated submission finds its stored result."""
        return f"{PLATFORM}:{self.instance}:{step}"


@dataclass(frozen=True)
class Shown:
    dialog: Dialog
    typed: Mapping[str, Any] | None = None
    problems: Mapping[str, Markup] = field(default_factory=dict)
    people: tuple[Option, ...] = ()  # whom its person fields offer
    rewrite: Notice | None = None  # what the card the dialog was opened from says now
    offer: Offer | None = None  # a file to offer in the person's chat


Handler = Callable[[Services, Asked], Shown]
Redraw = Callable[[Services, Asked], Dialog]  # a form as it was opened, to show a refusal's problems in


@dataclass(frozen=True)
class Serving:
    """What every answer uses: the flows' services, the shared threads, the names the bot knows."""

    services: Services
    work: Work
    names: TeamsNames
    local: bool = False  # the local test mode: files go to the fake connector on this machine


@dataclass(frozen=True)
class Sender:
    """Who asks, as Teams says (their Entra object id and display name), and from where: the card
    clicked, and their chat with the bot, where what the request sets off after its answer goes."""

    user_id: str
    name: str | None = None
    card: str | None = None
    chat: Chat | None = None


async def answer(serving: Serving, sender: Sender, data: Mapping[str, Any], handler: Handler,
                 redraw: Redraw | None = None) -> TaskModuleResponse:  # fmt: skip
    """Run `handler` for the sender and answer with the dialog it shows (or why it cannot). What it
    sets off in their chat (the clicked card rewritten, a file offered) follows the answer."""
    asked = Asked(sender.user_id, data, instance_of(data), sender.card)
    work, chat = serving.work, sender.chat

    def failed(incident: str) -> Shown:
        return Shown(dialogs.info(t("error_title"), Says(t("error_generic", incident=incident))))

    def drawn(shown: Shown) -> TaskModuleResponse:
        if chat is not None and shown.rewrite is not None and asked.card:
            work.soon(chat.rewrite(asked.card, notice_card(shown.rewrite)), "rewriting a card after its dialog")
        if chat is not None and shown.offer is not None:
            work.soon(chat.send(offer_message(shown.offer)), "offering a file in Teams")
        return task(shown.dialog, asked.instance, shown.typed, shown.problems, shown.people)

    return await as_user(serving, sender, functools.partial(_shown, serving, asked, handler, redraw), failed, drawn)


async def as_user(serving: Serving, sender: Sender, run: Callable[[], R],
                  failed: Callable[[str], R], drawn: Callable[[R], A]) -> A:  # fmt: skip
    """`run` on the shared threads for the sender, after reading meldbot.yml again, and its outcome
    `drawn` in their language, with people by name; a failure becomes the incident code `failed`
    shows them."""
    services, work = serving.services, serving.work
    work.enter()
    reader = Reader(services, PLATFORM, sender.user_id) if sender.user_id else DEFAULT_LANGUAGE
    names = serving.names.known()
    with speaking(reader):
        try:
            names = await work.before_ack(_prepared, serving, sender)
            outcome = await work.before_ack(run)
        except Exception as error:
            incident = log_incident(log, error, "handling a Teams request")
            if callable(reader):  # its language read on a thread (its fallback when storage is down)
                await work.before_ack(reader)
            outcome = failed(incident)
        finally:
            work.leave()
        with naming(names):
            return drawn(outcome)


def _prepared(serving: Serving, sender: Sender) -> Mapping[str, str]:
    """Before a request: meldbot.yml as it is now, the sender's name as Teams gave it, and the names known."""
    serving.services.directory.refresh()
    serving.names.note(sender.user_id, sender.name)
    return serving.names.fresh()


def _shown(serving: Serving, asked: Asked, handler: Handler,
           redraw: Redraw | None) -> Shown:  # fmt: skip
    shown = _handled(serving.services, asked, handler, redraw)
    if any(i.kind in (Kind.PERSON, Kind.PEOPLE) for i in shown.dialog.inputs):
        return replace(shown, people=colleagues(serving.services, asked.user_id, serving.names.fresh()))
    return shown


MAX_COLLEAGUES = 500  # a school's staff; a person field beyond it would not be read anyway


def colleagues(services: Services, user_id: str, names: Mapping[str, str]) -> tuple[Option, ...]:
    """Whom a person field offers: this user first, then the people the configuration names at
    their schools, and where a school lets all its staff report (`members: all`), everyone the
    app is installed for; each by name where the bot knows it, in the order of their names."""
    schools = services.directory.schools_of(user_id)
    named = [user_id]
    for school in schools:
        named += [*school.coordinators, *school.directors, *sorted(school.members or ())]
    if any(school.members is None for school in schools):
        with services.db.reading() as session:
            named += repo.reachable_users(session, PLATFORM, MAX_COLLEAGUES)
    others = sorted(dict.fromkeys(named[1:]).keys() - {user_id}, key=lambda user: names.get(user, user).casefold())
    return tuple(Option(user, names.get(user, user)) for user in (user_id, *others))


def _handled(services: Services, asked: Asked, handler: Handler,
             redraw: Redraw | None) -> Shown:  # fmt: skip
    if not asked.user_id:  # Teams always names its user; anything else is not a person we know
        return Shown(dialogs.refusal(UnknownRequest()))
    try:
        return handler(services, asked)
    except InvalidInput as error:
        if redraw is None:
            return Shown(dialogs.refusal(error))
        problems = {f: dialogs.problem_text(k, f, asked.values.text(f)) for f, k in error.problems.items()}
        try:
            return Shown(redraw(services, asked), asked.data, problems)
        except MeldcodeError as refused:
            return Shown(dialogs.refusal(refused))
    except MeldcodeError as error:
        return Shown(dialogs.refusal(error))
