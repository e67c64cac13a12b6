"""What a catalogue sentence looks like where a test reads it, so that tests assert on meaning
(which sentence, with which values) and a translator's edit breaks none of them.

In the language being spoken (Dutch unless a test says `speaking(...)`).
"""

from __future__ import annotations

from bot.catalogue import plain, t
from bot.slack.views.common import slack_mrkdwn, slack_plain


def in_mrkdwn(key: str, /, **values: object) -> str:
    """As Slack's mrkdwn: a section or context text, a message's text (`*bold*`, `<@U…>`)."""
    return slack_mrkdwn(t(key, **values))


def in_plain(key: str, /, **values: object) -> str:
    """As Slack's plain text: a title, a button, an option, a field error (`@U…` for a person)."""
    return slack_plain(t(key, **values))


def in_print(key: str, /, **values: object) -> str:
    """As a PDF or a terminal shows it: no emphasis, a person by id (the PDF names them, when known)."""
    return plain(t(key, **values))
