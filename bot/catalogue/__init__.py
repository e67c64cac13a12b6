"""Every sentence a person sees, in Dutch and English, from Fluent files (`nl.ftl`, `en.ftl`).

A sentence is neutral markup (`Markup`), which each platform renders its own way:
- `<b>…</b>` is emphasis;
- `<person>ID</person>` names a person, written `{ PERSON($user_id) }` in the catalogue;
- text is escaped (`&amp;`, `&lt;`, `&gt;`), so that a school's name or a label can hold any
  character without becoming markup.

Values put into a sentence are escaped unless they are catalogue sentences themselves. Whole
numbers are numbers to Fluent (a plural picks its form by them) and are shown without grouping.

The language is the one being spoken where `t` is called (`speaking`): the person a listener
answers, the recipient of a message, the user who exports a PDF. Keys are literal strings in the
code; a test holds both catalogues to the same keys and placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

from babel.lists import format_list
from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number
from markupsafe import Markup, escape

from bot.flows.vocabulary import Language

HERE = Path(__file__).parent
DEFAULT_LANGUAGE = Language.NL

# A language, or how to find it out when the first sentence needs it (a person's, read from storage).
Speaking = Language | Callable[[], Language]
_speaking: ContextVar[Speaking] = ContextVar("language", default=DEFAULT_LANGUAGE)


class CatalogueError(Exception):
    """A sentence that cannot be made: a missing placeholder, or a broken catalogue."""


def person(user_id: object) -> str:
    """The catalogue's PERSON(): a person by id, for the platform to name."""
    return f"<person>{escape(str(user_id))}</person>"


@cache
def bundle(language: Language) -> FluentBundle:
    # A function may return text (the runtime takes a str); its stubs only name Fluent's own types.
    loaded = FluentBundle([language.value], use_isolating=False, functions={"PERSON": cast(Any, person)})
    loaded.add_resource(FluentResource(source(language)))
    return loaded


def source(language: Language) -> str:
    return (HERE / f"{language.value}.ftl").read_text(encoding="utf-8")


def current_language() -> Language:
    spoken = _speaking.get()
    return spoken if isinstance(spoken, Language) else spoken()


@contextmanager
def speaking(language: Speaking) -> Iterator[None]:
    """Everything `t` makes inside the block is in `language` (or in what it says when first asked)."""
    token = _speaking.set(language)
    try:
        yield
    finally:
        _speaking.reset(token)


def t(key: str, /, **values: object) -> Markup:
    """The sentence for `key` in the language being spoken, its placeholders filled in."""
    chosen = bundle(current_language())
    message = chosen.get_message(key)
    if message.value is None:
        raise CatalogueError(f"{key} has no text")
    text, errors = chosen.format_pattern(message.value, {name: _value(v) for name, v in values.items()})
    if errors:
        raise CatalogueError(f"{key}: {errors[0]}")
    return Markup(text)


def joined(items: Sequence[Markup | str], separator: str = "\n") -> Markup:
    """Sentences one after another (on lines of their own, by default); a `str` among them is text.
    (A plain `str.join` would make markup text, which every renderer then shows as typed.)"""
    return Markup(separator).join(items)


def listing(items: Sequence[Markup]) -> Markup:
    """Items as a list in the language being spoken ("a, b en c", "a, b and c")."""
    return Markup(format_list([str(item) for item in items], locale=current_language().value))


def _value(value: object) -> Any:
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return fluent_number(value, useGrouping=False)
    return str(escape(str(value)))


# --- reading the markup (what each platform's renderer walks) --------------------------------

_TOKEN = re.compile(r"<b>|</b>|<person>(?P<person>[^<]*)</person>|(?P<text>[^<]+)|(?P<other><)")


@dataclass(frozen=True)
class Piece:
    """One piece of a sentence: text (unescaped), a person's id, or the start or end of emphasis."""

    text: str = ""
    person: str | None = None
    bold: bool | None = None  # True: emphasis starts here; False: it ends


def pieces(markup: Markup | str) -> Iterator[Piece]:
    """The sentence as pieces. A plain `str` (what a user typed) is all text."""
    if not isinstance(markup, Markup):
        yield Piece(text=markup)
        return
    for match in _TOKEN.finditer(str(markup)):
        token = match.group(0)
        if token == "<b>":
            yield Piece(bold=True)
        elif token == "</b>":
            yield Piece(bold=False)
        elif match.group("person") is not None:
            yield Piece(person=Markup(match.group("person")).unescape())
        else:
            yield Piece(text=Markup(token).unescape())


def plain(markup: Markup | str, name: Callable[[str], str] = str) -> str:
    """A sentence as plain text: emphasis dropped, each person as `name` gives them."""
    return "".join(p.text if p.person is None else name(p.person) for p in pieces(markup) if p.bold is None)
