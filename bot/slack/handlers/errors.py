"""The one error handler: a log line with an incident code and no personal data, and a word to the user.

Every listener runs inside `guarded`, so an error after `ack()` reaches this handler instead of
Bolt's runner, which would take the acknowledgement back (Slack then shows "operation_timeout"
after three seconds). An error before the ack is acknowledged here, so Slack never waits.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.error import BoltUnhandledRequestError
from slack_bolt.kwargs_injection.async_args import AsyncArgs
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.catalogue import DEFAULT_LANGUAGE, speaking, t
from bot.flows.incidents import log_incident
from bot.flows.steps.language import Reader
from bot.slack import payloads
from bot.slack.handlers.forms import first_input
from bot.slack.ids import PLATFORM
from bot.slack.views.common import error_view, slack_mrkdwn, slack_plain

log = logging.getLogger("bot.errors")


def _acting_user(body: dict[str, Any]) -> str | None:
    user = body.get("user")
    if isinstance(user, dict):
        return user.get("id")
    return body.get("user_id") or (body.get("event") or {}).get("user")


async def report(error: BaseException, body: dict[str, Any], client: AsyncWebClient) -> str:
    """Log the error with a new incident code (the payload's kind, never its content) and tell the user."""
    incident = log_incident(log, error, "handling a %s request", payloads.kind(body))
    user_id = _acting_user(body)
    if user_id:
        try:
            await client.chat_postMessage(channel=user_id, text=slack_mrkdwn(t("error_generic", incident=incident)))
        except Exception:  # the error may be that Slack is unreachable; the log line stands
            log.warning("incident %s: could not tell the user", incident)
    return incident


async def handle_error(error: Exception, body: dict[str, Any], client: AsyncWebClient) -> BoltResponse | None:
    """Bolt's global error handler: errors in middleware, and requests no listener takes."""
    if isinstance(error, BoltUnhandledRequestError):
        log.warning("no listener takes this %s request", payloads.kind(body))
        return BoltResponse(status=404, body="")
    await report(error, body, client)
    return None


def guarded(handler: Callable[..., Awaitable[None]]) -> Callable[[AsyncArgs], Awaitable[None]]:
    """The listener Bolt runs for `handler`: the same arguments, and no exception ever leaves it.
    While it runs it is counted (bot.handlers.work), so that a test can wait for it to end."""
    names = list(inspect.signature(handler).parameters)

    async def listener(args: AsyncArgs) -> None:
        work = args.context["work"]
        work.enter()
        user_id = _acting_user(args.body)
        reader = Reader(args.context["services"], PLATFORM, user_id) if user_id else DEFAULT_LANGUAGE
        # Whatever this listener says, a refusal and an error too, it says in its user's language.
        with speaking(reader):
            try:
                await handler(**{name: _argument(args, name) for name in names})
            except Exception as error:
                incident = await report(error, args.body, args.client)
                if args.ack.response is None:
                    await _ack_failure(args, incident)
            finally:
                work.leave()

    listener.__name__ = listener.__qualname__ = handler.__name__
    return listener


def _argument(args: AsyncArgs, name: str) -> Any:
    """What Bolt would inject for `name`: one of its own arguments, or a value the middleware put in the context."""
    return getattr(args, name) if hasattr(args, name) else args.context.get(name)


async def _ack_failure(args: AsyncArgs, incident: str) -> None:
    """Acknowledge a request whose listener failed before it did: a form keeps every typed word
    and shows the incident under its first field; anything else is simply acknowledged."""
    view = args.body.get("view") if args.body.get("type") == "view_submission" else None
    block = first_input(view) if isinstance(view, dict) else None
    if block is not None:
        await args.ack(
            response_action="errors", errors={block: slack_plain(t("error_generic_field", incident=incident))}
        )
    elif view is not None:
        await args.ack(response_action="update", view=error_view(t("error_generic", incident=incident)))
    else:
        await args.ack()


def register(app: AsyncApp) -> None:
    app.error(handle_error)
