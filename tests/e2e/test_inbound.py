"""What reaches POST /slack/events before a listener runs: refused by size, signature and shape with
a status (never 500), one log line without the body, and the bot serving the next request."""

from __future__ import annotations

import json
import logging
import socket
import time
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.devtools.fake_slack import trigger_for
from bot.devtools.local import SIGNING_SECRET, LocalSlack
from bot.documents.dialogs import Form
from bot.server import MAX_BODY_BYTES
from bot.slack.ids import Action
from bot.slack.inbound import sign
from storage.models import Case, Signal
from tests.conftest import TEACHER
from tests.e2e.steps import COUNTER_FACTS, LOCATION, OBSERVED, PUPIL_NAME, signal_values, start_intake
from tests.e2e.test_registration import count, submission

FORM = "application/x-www-form-urlencoded"
MARKERS = (PUPIL_NAME, OBSERVED, LOCATION, COUNTER_FACTS, "Testkind", "Blauwe plekken")


def _submission_body(slack: LocalSlack) -> str:
    """The signal form as the teacher submits it, URL-encoded as Slack posts it."""
    start_intake(slack.driver, TEACHER)
    payload = submission(slack, TEACHER, signal_values())
    assert payload["view"]["callback_id"] == Form.SIGNAL
    return urlencode({"payload": json.dumps(payload)})


def _log_text(records: list[logging.LogRecord]) -> str:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return "\n".join(formatter.format(r) for r in records)


def test_no_submission_text_reaches_any_log_when_signature_checks_fail_at_debug(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    body = _submission_body(slack)
    caplog.clear()
    caplog.set_level(logging.DEBUG)  # the root logger at DEBUG: libraries must stay quiet anyway
    now = int(time.time())
    right = sign(SIGNING_SECRET, str(now), body.encode())

    answers = [
        slack.driver.post(body, FORM, signature=sign("a-mistyped-secret", str(now), body.encode())),
        slack.driver.post(
            body, FORM, timestamp=now - 6 * 60, signature=sign(SIGNING_SECRET, str(now - 360), body.encode())
        ),
        slack.driver.post(
            body.replace("groep+5", "groep+6"), FORM, timestamp=now, signature=right
        ),  # a proxy altered it
        slack.driver.post(body, FORM, signed=False),
    ]

    assert [a.status for a in answers] == [401, 401, 401, 401]
    log_text = _log_text(caplog.records)
    assert [m for m in MARKERS if m in log_text or m.replace(" ", "+") in log_text] == []
    refusals = [r for r in caplog.records if "refused a request" in r.getMessage()]
    assert len(refusals) == 4 and all(r.levelno == logging.WARNING and r.exc_info is None for r in refusals)
    assert "clock" in refusals[1].getMessage()  # the drifted clock is named, so an operator can mend it
    assert count(slack, Signal) == 0
    # The real submission, signed, still goes through.
    assert slack.driver.post(body, FORM).status == 200
    assert count(slack, Case) == 1


def _raw_post(slack: LocalSlack, head: str, body_parts: list[bytes]) -> int:
    """Send a request by hand and read the status line: a client that keeps sending after the
    server answered would only see its connection closed."""
    host, port = slack.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(f"POST /slack/events HTTP/1.1\r\nHost: {host}\r\n{head}\r\n".encode())
        try:
            for part in body_parts:
                connection.sendall(part)
        except OSError:
            pass  # the server answered and closed before the body was all sent
        status_line = connection.makefile("rb").readline().decode()
    return int(status_line.split()[1])


def test_body_over_the_limit_is_refused_unread_and_adds_one_line_to_the_log(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    chunk = b"A" * 65536
    over = MAX_BODY_BYTES // len(chunk) + 2

    declared = _raw_post(
        slack, f"Content-Type: {FORM}\r\nContent-Length: {10 * MAX_BODY_BYTES}\r\n", [b"payload=" + chunk]
    )
    chunked = _raw_post(
        slack,
        f"Content-Type: {FORM}\r\nTransfer-Encoding: chunked\r\n",
        [b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(over)] + [b"0\r\n\r\n"],
    )

    assert (declared, chunked) == (413, 413)
    refusals = [r.getMessage() for r in caplog.records if "refused a request" in r.getMessage()]
    assert len(refusals) == 2 and sum(len(r.getMessage()) for r in caplog.records) < 2000
    assert slack.driver.command(TEACHER).status == 200


def test_a_lone_surrogate_typed_into_the_signal_form_is_refused_before_anything_is_stored(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    body = _submission_body(slack).replace("Gymzaal", "Gymzaal%5Cud800")  # "\ud800" inside the JSON

    response = slack.driver.post(body, FORM)

    assert response.status == 400
    assert count(slack, Signal) == 0 and count(slack, Case) == 0
    assert [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR] == []


def test_a_click_in_the_fullest_modal_slack_allows_is_admitted(slack: LocalSlack) -> None:
    # 100 blocks of 3,000 characters, none of them ASCII: the largest view a click can carry along.
    blocks = [{"type": "section", "text": {"type": "plain_text", "text": "😀" * 3000}} for _ in range(100)]
    view = {"id": "VFULL", "type": "modal", "callback_id": "case", "blocks": blocks}
    click = {
        "type": "block_actions",
        "user": {"id": TEACHER},
        "trigger_id": trigger_for(TEACHER),
        "actions": [{"action_id": "open_case", "value": "1"}],
        "view": view,
    }
    body = urlencode({"payload": json.dumps(click, ensure_ascii=False)}).encode()

    assert len(body) > 3_500_000
    assert slack.driver.post(body, FORM).status == 200


_DM = {"type": "message", "channel_type": "im", "channel": f"D{TEACHER}", "user": TEACHER}
BAD_BODIES: list[tuple[str, bytes, str]] = [
    ("binary garbage", bytes(range(256)) * 4, FORM),
    ("invalid UTF-8", b"payload=%7B%7D\xff\xfe", FORM),
    ("payload that is not JSON", b"payload=not-json-at-all", FORM),
    ("payload that is a JSON list", b"payload=" + urlencode({"": json.dumps([1, 2])}).encode()[1:], FORM),
    ("a JSON list", b"[1, 2, 3]", "application/json"),
    ("a JSON string", b'"hello"', "application/json"),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000, "application/json"),
    (
        "deep nesting in a payload",
        b'{"type": "event_callback", "event_id": "Ev1", "event": {"type": "app_home_opened", "x": '
        + b"[" * 40
        + b"]" * 40
        + b"}}",
        "application/json",
    ),
    (
        "a lone surrogate",
        json.dumps({"type": "event_callback", "event_id": "Ev2", "event": {**_DM, "text": "zag \ud800"}}).encode(),
        "application/json",
    ),
    (
        "a button click without a user",
        json.dumps({"type": "block_actions", "actions": []}).encode(),
        "application/json",
    ),
    (
        "a submission whose view is a string",
        urlencode({"payload": json.dumps({"type": "view_submission", "user": {"id": TEACHER}, "view": "x"})}).encode(),
        FORM,
    ),
    (
        "an event that is a list",
        json.dumps({"type": "event_callback", "event_id": "Ev1", "event": []}).encode(),
        "application/json",
    ),
    ("an empty body", b"", FORM),
    (
        "an event id longer than any of Slack's",
        json.dumps({"type": "event_callback", "event_id": "E" * 100, "event": {"type": "app_home_opened"}}).encode(),
        "application/json",
    ),
    (
        "a view id longer than any of Slack's",
        urlencode(
            {"payload": json.dumps({"type": "view_submission", "user": {"id": TEACHER}, "view": {"id": "V" * 200}})}
        ).encode(),
        FORM,
    ),
]


@pytest.mark.parametrize(("what", "body", "content_type"), BAD_BODIES, ids=[b[0] for b in BAD_BODIES])
def test_malformed_signed_body_gets_400_without_a_traceback(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture, what: str, body: bytes, content_type: str
) -> None:
    caplog.set_level(logging.DEBUG)

    response = slack.driver.post(body, content_type)

    assert response.status == 400, what
    assert [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR] == []
    assert sum("refused a request" in r.getMessage() for r in caplog.records) == 1
    assert slack.driver.command(TEACHER).status == 200  # and the next request is served


# --- fuzzing -----------------------------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
_text = st.text(max_size=10)
_action_ids = st.sampled_from([a.value for a in Action])
# Button values and ids as a crafted request might carry them: huge, negative, not numbers, nested.
_values = st.one_of(
    st.integers().map(str),
    st.just(str(10**30)),
    st.lists(st.one_of(st.integers().map(str), _text), max_size=3).map(":".join),
    _text,
)
_field = st.sampled_from(["type", "user", "actions", "view", "event", "event_id", "trigger_id", "command", "user_id"])
_payloads = st.dictionaries(_field, _json_values, max_size=6) | st.fixed_dictionaries(
    {
        "type": st.sampled_from(["block_actions", "view_submission", "view_closed", "shortcut", "event_callback"]),
        "user": st.one_of(
            st.fixed_dictionaries({"id": st.sampled_from([TEACHER, "UCOORD001"])}),
            st.fixed_dictionaries({"id": st.text(max_size=12)}),
            _json_values,
        ),
        "trigger_id": st.one_of(st.text(max_size=12), _json_values),
        "actions": st.lists(
            st.fixed_dictionaries({"action_id": _action_ids, "value": _values}) | st.dictionaries(_text, _json_values),
            max_size=2,
        ),
        "view": st.one_of(
            st.fixed_dictionaries(
                {
                    "id": st.text(max_size=8),
                    "type": st.just("modal"),
                    "callback_id": st.sampled_from([c.value for c in Form]),
                    "private_metadata": st.one_of(st.builds(json.dumps, _json_values), st.text(max_size=20)),
                    "state": st.fixed_dictionaries({"values": st.dictionaries(_text, _json_values, max_size=3)}),
                }
            ),
            _json_values,
        ),
        "event": st.one_of(
            st.fixed_dictionaries({"type": st.sampled_from(["message", "app_home_opened"])}), _json_values
        ),
        "event_id": st.one_of(st.from_regex(r"\AEv[0-9A-Z]{8}\Z"), _json_values),
    }
)


def _encoded(payload: Any, how: str) -> tuple[bytes, str]:
    text = json.dumps(payload)
    if how == "json":
        return text.encode(), "application/json"
    if how == "form-payload":
        return urlencode({"payload": text}).encode(), FORM
    return urlencode({k: json.dumps(v) for k, v in payload.items()} if isinstance(payload, dict) else {}).encode(), FORM


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    payload=_payloads,
    how=st.sampled_from(["json", "form-payload", "form-fields"]),
    signed=st.booleans(),
    raw=st.one_of(st.none(), st.binary(max_size=200)),
    extra_headers=st.dictionaries(
        st.sampled_from(["X-Slack-Retry-Num", "X-Slack-Request-Timestamp", "X-Slack-Signature"]),
        st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=20),
        max_size=2,
    ),
)
def test_no_body_or_header_gets_a_500_or_a_traceback_and_the_bot_serves_on(
    slack: LocalSlack,
    caplog: pytest.LogCaptureFixture,
    payload: Any,
    how: str,
    signed: bool,
    raw: bytes | None,
    extra_headers: dict[str, str],
) -> None:
    caplog.clear()
    body, content_type = (raw, FORM) if raw is not None else _encoded(payload, how)

    response = slack.driver.post(body, content_type, signed=signed, headers=extra_headers)

    assert response.status < 500
    assert [r.getMessage() for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR] == []
    assert slack.driver.open_home(TEACHER).status == 200
