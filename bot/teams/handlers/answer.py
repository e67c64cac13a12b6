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


async def answer(services: Services, work: Work, user_id: str, data: Mapping[str, Any], handler: Handler,
                 redraw: Redraw | None = None, *, card: str | None = None,
                 chat: Chat | None = None) -> TaskModuleResponse:  # fmt: skip
    """Run `handler` for `user_id` and answer with the dialog it shows (or why it cannot). What it
    sets off in the `chat` (the clicked `card` rewritten, a file offered) follows the answer."""
    asked = Asked(user_id, data, instance_of(data), card)

    def failed(incident: str) -> Shown:
        return Shown(dialogs.info(t("error_title"), Says(t("error_generic", incident=incident))))

    def drawn(shown: Shown) -> TaskModuleResponse:
        if chat is not None and shown.rewrite is not None and asked.card:
            work.soon(chat.rewrite(asked.card, notice_card(shown.rewrite)), "rewriting a card after its dialog")
        if chat is not None and shown.offer is not None:
            work.soon(chat.send(offer_message(shown.offer)), "offering a file in Teams")
        return task(shown.dialog, asked.instance, shown.typed, shown.problems, shown.people)

    return await as_user(services, work, user_id, functools.partial(_shown, services, asked, handler, redraw),
                         failed, drawn)  # fmt: skip


async def as_user(services: Services, work: Work, user_id: str, run: Callable[[], R],
                  failed: Callable[[str], R], drawn: Callable[[R], A]) -> A:  # fmt: skip
    """`run` on the shared threads for `user_id`, after reading meldbot.yml again, and its outcome
    `drawn` in their language; a failure becomes the incident code `failed` shows them."""
    work.enter()
    reader = Reader(services, PLATFORM, user_id) if user_id else DEFAULT_LANGUAGE
    with speaking(reader):
        try:
            await work.before_ack(services.directory.refresh)
            outcome = await work.before_ack(run)
        except Exception as error:
            outcome = failed(log_incident(log, error, "handling a Teams request"))
        finally:
            work.leave()
        return drawn(outcome)


def _shown(services: Services, asked: Asked, handler: Handler,
           redraw: Redraw | None) -> Shown:  # fmt: skip
    shown = _handled(services, asked, handler, redraw)
    if any(i.kind in (Kind.PERSON, Kind.PEOPLE) for i in shown.dialog.inputs):
        return replace(shown, people=colleagues(services, asked.user_id))
    return shown


MAX_COLLEAGUES = 500  # a school's staff; a person field beyond it would not be read anyway


def colleagues(services: Services, user_id: str) -> tuple[Option, ...]:
    """Whom a person field offers: this user first, then the people the configuration names at
    their schools, and where a school lets all its staff report (`members: all`), everyone the
    app is installed for. Shown by id: the bot keeps no names (known gap, see the README)."""
    schools = services.directory.schools_of(user_id)
    named = [user_id]
    for school in schools:
        named += [*school.coordinators, *school.directors, *sorted(school.members or ())]
    if any(school.members is None for school in schools):
        with services.db.reading() as session:
            named += repo.reachable_users(session, PLATFORM, MAX_COLLEAGUES)
    return tuple(Option(user, user) for user in dict.fromkeys(named))


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
