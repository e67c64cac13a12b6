"""Admitting an HTTP request from Slack before Bolt sees it (bot.server checked its size): its
signature over the raw bytes, and a body that parses into a payload of the shape the listeners read
(bot.payloads).

A refused request gets its status (413, 401, 400) and one log line with the reason, never its
body: a proxy that alters bodies or a server clock that drifted would otherwise write every
teacher's submission into the log (Bolt's own check logs the whole body of a request it refuses).
"""

from __future__ import annotations

import hashlib
import hmac

from slack_bolt.request.async_request import AsyncBoltRequest

from bot.server import Headers, NotAdmitted
from bot.slack import payloads

# Slack signs the time of sending; an older (or future) stamp is a replay or a drifted clock.
MAX_CLOCK_SKEW_SECONDS = 5 * 60
# Slack's payloads nest about ten levels deep; this bounds the work a crafted one can cause.
MAX_DEPTH = 32


def verify_signature(secret: str, body: bytes, headers: Headers, now: float) -> None:
    """Slack's v0 signature: HMAC-SHA256 over `v0:<timestamp>:<raw body>`, with a fresh timestamp."""
    timestamp = _first(headers, "x-slack-request-timestamp")
    signature = _first(headers, "x-slack-signature")
    if not timestamp or not signature:
        raise NotAdmitted(401, "no Slack signature")
    try:
        skew = int(now) - int(timestamp)
    except ValueError:
        raise NotAdmitted(401, "the signature's timestamp is not a number") from None
    if abs(skew) > MAX_CLOCK_SKEW_SECONDS:
        raise NotAdmitted(
            401,
            f"the signature's timestamp is {skew:+d} s from this server's clock: a replay, or a clock that "
            "drifted (check the server's time)",
        )
    if not hmac.compare_digest(sign(secret, timestamp, body).encode(), signature.encode("utf-8", "replace")):
        raise NotAdmitted(401, "the signature does not match: check SLACK_SIGNING_SECRET, or a proxy altered the body")


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The signature Slack computes for a body sent at `timestamp` (also what the test driver sends)."""
    return "v0=" + hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()


def bolt_request(body: bytes, query: str, headers: Headers) -> AsyncBoltRequest:
    """The request as Bolt parses it, refused unless that gives a payload every listener can read."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise NotAdmitted(400, "the body is not valid UTF-8") from None
    try:
        request = AsyncBoltRequest(body=text, query=query, headers=dict(headers))
    except (ValueError, RecursionError, TypeError, AttributeError, KeyError, IndexError):
        raise NotAdmitted(400, "the body is not a Slack payload (JSON or a form)") from None
    check_payload(request.body)
    wrong = payloads.problem(request.body)
    if wrong is not None:
        raise NotAdmitted(400, f"a malformed {payloads.kind(request.body)} payload: {wrong}")
    return request


def check_payload(payload: object) -> None:
    """An object (not a list or a string), nested within MAX_DEPTH, whose texts are all valid Unicode."""
    if not isinstance(payload, dict) or not payload:
        raise NotAdmitted(400, "the body holds no payload object")
    pending: list[tuple[object, int]] = [(payload, 1)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise NotAdmitted(400, f"the payload nests deeper than {MAX_DEPTH} levels")
        if isinstance(value, dict):
            pending += [(key, depth) for key in value]
            pending += [(item, depth + 1) for item in value.values()]
        elif isinstance(value, list):
            pending += [(item, depth + 1) for item in value]
        elif isinstance(value, str) and not _encodable(value):
            raise NotAdmitted(400, "the payload holds text that is not valid Unicode (a lone surrogate)")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _first(headers: Headers, name: str) -> str:
    values = headers.get(name)
    return values[0] if values else ""
