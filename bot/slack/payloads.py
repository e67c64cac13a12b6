"""The shape of the Slack payloads the listeners read, checked before any listener runs.

Slack always sends these fields with these types; a payload that does not (a crafted request,
or a proxy that mangled one) is answered with 400 and one log line naming what is wrong, never
with a traceback from deep inside a listener. The models name only what Bolt's matchers and
our listeners read; everything else passes through untouched. bot.inbound checks every HTTP
request here; in Socket Mode, Slack itself is on the other end.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

# Fields that Bolt or a listener reads as an object whenever the key is there.
_OBJECTS = frozenset({"user", "view", "state", "actions", "event"})


class _Loose(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)

    @model_validator(mode="before")
    @classmethod
    def _present_objects_are_not_null(cls, data: Any) -> Any:
        if isinstance(data, dict) and any(data[name] is None for name in _OBJECTS & data.keys()):
            raise ValueError("an object field is null")
        return data


# Ids the bot stores (a user, a view in a submission key, an event receipt) are bounded to Slack's
# shape and to what the bot's columns hold: a longer one is no id of Slack's.
_UserId = Annotated[str, Field(pattern=r"^[A-Z0-9]{2,32}$")]
_ViewId = Annotated[str, Field(pattern=r"^[A-Z0-9]{1,32}$")]
_EventId = Annotated[str, Field(pattern=r"^[A-Za-z0-9]{1,64}$")]


class _User(_Loose):
    id: _UserId


class _Option(_Loose):
    value: str


class _Input(_Loose):
    """One input element's state, as Slack reports it for each element type we use."""

    value: str | None = None
    selected_option: _Option | None = None
    selected_options: list[_Option] | None = None
    selected_date: str | None = None
    selected_user: _UserId | None = None
    selected_users: list[_UserId] | None = None


class _State(_Loose):
    values: dict[str, dict[str, _Input]]


class _View(_Loose):
    id: _ViewId
    type: str | None = None
    callback_id: str | None = None
    private_metadata: str | None = None
    previous_view_id: str | None = None
    state: _State | None = None
    blocks: list[dict[str, Any]] | None = None


class _Action(_Loose):
    action_id: str
    block_id: str | None = None
    value: str | None = None


class _Channel(_Loose):
    id: str


class _Message(_Loose):
    ts: str


class _BlockActions(_Loose):
    type: Literal["block_actions"]
    user: _User
    trigger_id: str
    actions: Annotated[list[_Action], Field(min_length=1)]
    view: _View | None = None
    channel: _Channel | None = None
    message: _Message | None = None
    container: dict[str, Any] | None = None


class _ViewSubmission(_Loose):
    type: Literal["view_submission", "view_closed"]
    user: _User
    view: _View


class _BlockSuggestion(_Loose):
    """What was typed in a select that searches (its block says which list)."""

    type: Literal["block_suggestion"]
    user: _User
    block_id: str
    value: str
    view: _View | None = None


class _Shortcut(_Loose):
    type: Literal["shortcut", "message_action"]
    user: _User
    trigger_id: str
    callback_id: str


class _Event(_Loose):
    type: str


class _EventCallback(_Loose):
    type: Literal["event_callback"]
    event_id: _EventId
    event: _Event


class _MessageEvent(_Loose):
    """A message in the bot's DM: the bot answers in that channel."""

    type: Literal["message"]
    channel: str
    user: _UserId | None = None  # a bot's own message has none
    subtype: str | None = None
    bot_id: str | None = None


class _HomeEvent(_Loose):
    """The App Home opened: the bot publishes it for that user."""

    type: Literal["app_home_opened"]
    user: _UserId
    tab: str | None = None


class _UrlVerification(_Loose):
    type: Literal["url_verification"]
    challenge: str


class _Command(_Loose):
    command: str
    user_id: _UserId
    trigger_id: str


_IdOrObject = dict[str, Any] | str | None


class _Parties(_Loose):
    """Who and where, as Bolt reads them from every payload to build its context: an id or an object."""

    user: _IdOrObject = None
    channel: _IdOrObject = None
    team: _IdOrObject = None
    enterprise: _IdOrObject = None


class _Envelope(_Parties):
    """What Bolt reads from any payload, of any type, before a listener is chosen."""

    event: _Parties | None = None
    view: dict[str, Any] | None = None
    authorizations: list[_Parties] | None = None
    response_urls: list[Any] | None = None
    actions: list[dict[str, Any]] | None = None


# The payload types the bot handles; others pass untouched (Bolt answers them as unhandled).
_MODELS: dict[str, type[_Loose]] = {
    "block_actions": _BlockActions,
    "block_suggestion": _BlockSuggestion,
    "view_submission": _ViewSubmission,
    "view_closed": _ViewSubmission,
    "shortcut": _Shortcut,
    "event_callback": _EventCallback,
    "url_verification": _UrlVerification,
}
# The events the bot listens to, by type; others pass (Bolt answers them as unhandled).
_EVENTS: dict[str, type[_Loose]] = {"message": _MessageEvent, "app_home_opened": _HomeEvent}
_MODELS_OF_FIELDS: tuple[type[_Loose], ...] = (
    *_MODELS.values(),
    _Envelope,
    _Command,
    _MessageEvent,
    _HomeEvent,
    _View,
    _State,
    _User,
    _Option,
    _Input,
    _Action,
)
# Field names are ours to log; dictionary keys inside a payload (block ids, for instance) are not.
_FIELD_NAMES = frozenset(name for model in _MODELS_OF_FIELDS for name in model.model_fields)


def kind(body: dict[str, Any]) -> str:
    """The payload's type for a log line: one the bot knows, "command", or "other"; never the raw value."""
    value = body.get("type")
    if value is None and "command" in body:
        return "command"
    return value if isinstance(value, str) and value in _MODELS else "other"


def problem(body: dict[str, Any]) -> str | None:
    """What makes this payload unreadable for the listeners, in words without its content; None if nothing."""
    try:
        _Envelope.model_validate(body)
        payload_kind = kind(body)
        if payload_kind == "command":
            _Command.model_validate(body)
        elif payload_kind in _MODELS:
            _MODELS[payload_kind].model_validate(body)
            event = body.get("event")
            if payload_kind == "event_callback" and isinstance(event, dict) and event.get("type") in _EVENTS:
                _EVENTS[event["type"]].model_validate(event)
    except ValidationError as error:
        first = error.errors(include_input=False, include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"] if isinstance(part, int) or part in _FIELD_NAMES)
        return f"{first['type']} at {where or 'the top'} ({error.error_count()} problem(s))"
    return None
