"""The catalogues (bot/catalogue/*.ftl): every language complete and alike, every key the code
names present, none unused, and none built at run time."""

from __future__ import annotations

import ast
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

import pytest
from fluent.syntax import ast as ftl
from fluent.syntax import parse
from fluent.syntax.serializer import serialize_expression
from fluent.syntax.visitor import Visitor

from bot.catalogue import plain, source, speaking, t
from bot.documents import labels
from bot.flows.rules.framework import Answer
from bot.flows.vocabulary import Informed, Language

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = tuple(Language)
KEY_SHAPE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")

# --- the catalogues, read as Fluent syntax ---------------------------------------------------


@cache
def entries(language: Language) -> tuple[ftl.EntryType, ...]:
    return tuple(parse(source(language)).body)


@cache
def messages(language: Language) -> dict[str, ftl.Message]:
    return {e.id.name: e for e in entries(language) if isinstance(e, ftl.Message)}


@cache
def terms(language: Language) -> frozenset[str]:
    return frozenset(e.id.name for e in entries(language) if isinstance(e, ftl.Term))


KEYS = frozenset(messages(Language.NL))
PREFIXES = frozenset(key.split("_")[0] for key in KEYS)


@dataclass(frozen=True)
class Shape:
    """What a translation must keep: the values it is given, the calls and terms, the emoji."""

    variables: frozenset[str]
    calls: frozenset[str]  # PERSON($user_id), as written
    terms: frozenset[str]
    emoji: frozenset[str]
    selectors: frozenset[str]  # variables a plural (or other select) picks its form by


class _Reader(Visitor):
    def __init__(self) -> None:
        self.variables: set[str] = set()
        self.calls: set[str] = set()
        self.terms: set[str] = set()
        self.emoji: set[str] = set()
        self.selectors: set[str] = set()

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:
        self.variables.add(node.id.name)

    def visit_SelectExpression(self, node: ftl.SelectExpression) -> None:
        if isinstance(node.selector, ftl.VariableReference):
            self.selectors.add(node.selector.id.name)
        self.generic_visit(node)

    def visit_FunctionReference(self, node: ftl.FunctionReference) -> None:
        self.calls.add(serialize_expression(node))
        self.generic_visit(node)

    def visit_TermReference(self, node: ftl.TermReference) -> None:
        self.terms.add(node.id.name)
        self.generic_visit(node)

    def visit_TextElement(self, node: ftl.TextElement) -> None:
        self.emoji |= {c for c in node.value if unicodedata.category(c) == "So"}


@cache
def shape(language: Language, key: str) -> Shape:
    reader = _Reader()
    reader.visit(messages(language)[key])
    return Shape(
        frozenset(reader.variables),
        frozenset(reader.calls),
        frozenset(reader.terms),
        frozenset(reader.emoji),
        frozenset(reader.selectors),
    )


def dummies(key: str, number: int, text: str = "x") -> dict[str, object]:
    """A value for every placeholder of `key` in any language: a number where a form is chosen by it."""
    shapes = [shape(language, key) for language in LANGUAGES if key in messages(language)]
    variables = frozenset().union(*(s.variables for s in shapes))
    selectors = frozenset().union(*(s.selectors for s in shapes))
    return {name: number if name in selectors else text for name in variables}


@cache
def rendered(language: Language, key: str, number: int) -> str:
    with speaking(language):
        return str(t(key, **dummies(key, number)))


SAMPLES = (1, 2)  # the singular and a plural


# --- the code, read as Python ----------------------------------------------------------------


@cache
def modules() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(ROOT)): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "bot").rglob("*.py"))
    }


def _is_enum(node: ast.ClassDef) -> bool:
    return any(ast.unparse(base).endswith("Enum") for base in node.bases)


def literals(*, enum_values: bool = True) -> Iterator[tuple[str, int, str]]:
    """(module, line, text) of every string constant under bot/, docstrings left out; with
    `enum_values=False` also the values of enum members (action and block ids, stored values)."""
    for module, tree in modules().items():
        skipped: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                skipped.add(id(node.value))  # a docstring
            elif isinstance(node, ast.ClassDef) and _is_enum(node) and not enum_values:
                skipped |= {id(s.value) for s in node.body if isinstance(s, ast.Assign)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
                yield module, node.lineno, node.value


def calls_of_t() -> Iterator[tuple[str, str, ast.Call]]:
    """(module, enclosing function, call) for every call of the catalogue's `t`."""

    def walk(module: str, node: ast.AST, function: str) -> Iterator[tuple[str, str, ast.Call]]:
        for child in ast.iter_child_nodes(node):
            inside = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else function
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Name) and child.func.id == "t":
                yield module, inside, child
            yield from walk(module, child, inside)

    for module, tree in modules().items():
        yield from walk(module, tree, "<module>")


# --- both languages alike --------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_parses_without_junk(language: Language) -> None:
    junk = [(e.content or "").splitlines()[0] for e in entries(language) if isinstance(e, ftl.Junk)]
    assert junk == []


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_same_keys_and_terms(language: Language) -> None:
    assert sorted(set(messages(language)) ^ KEYS) == []
    assert terms(language) == terms(Language.NL)


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_same_placeholders_calls_and_emoji(language: Language) -> None:
    """A translation is given the same values, names the same people, keeps the phone number and the emoji."""
    differences = {}
    for key in sorted(KEYS & set(messages(language))):
        dutch, other = shape(Language.NL, key), shape(language, key)
        for aspect in ("variables", "calls", "terms", "emoji"):
            if getattr(dutch, aspect) != getattr(other, aspect):
                differences[f"{key} {aspect}"] = (sorted(getattr(dutch, aspect)), sorted(getattr(other, aspect)))
    assert differences == {}


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_same_emphasis(language: Language) -> None:
    """As many <b> and </b> in every form a sentence takes (one and more), each opened one closed."""
    differences = {}
    for key in sorted(KEYS & set(messages(language))):
        for number in SAMPLES:
            dutch, other = rendered(Language.NL, key, number), rendered(language, key, number)
            counts = [(text.count("<b>"), text.count("</b>")) for text in (dutch, other)]
            if counts[0] != counts[1] or any(opened != closed for opened, closed in counts):
                differences[f"{key} ({number})"] = counts
    assert differences == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_renders(language: Language) -> None:
    failures = {}
    for key in sorted(messages(language)):
        for number in SAMPLES:
            try:
                rendered(language, key, number)
            except Exception as error:  # every kind of failure is reported, key by key
                failures[f"{key} ({number})"] = repr(error)
    assert failures == {}


def test_plurals_choose_their_form() -> None:
    """A count picks the noun's form ("1 older signal", "3 older signals") in every language."""
    for language in LANGUAGES:
        with speaking(language):
            one, more = str(t("dossier_more", count=1)), str(t("dossier_more", count=3))
        assert one.replace("1", "3") != more, language


# Slack's limits, the shortest any platform sets: a modal's title and its buttons, a button, an option.
TITLE_LIMIT, BUTTON_LIMIT = 24, 75
TITLES = {"postpone_title", "choice_title", "guidance_title", "error_title", "registered_title"}
# Options of a radio or checkbox input that are not labels of the vocabulary (labels.LABELS).
OPTIONS = {"yes", "no", "early_confirmation_yes", "board_alert_director", "board_alert_board", "export_choice_dossier"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_short_texts_fit(language: Language) -> None:
    titles = {k for k in KEYS if k.startswith("modal_")} | TITLES  # modal_save and the like: its buttons
    buttons = {k for k in KEYS if k.startswith(("button_", "section_button_"))} | OPTIONS | set(labels.LABELS.values())
    too_long = {}
    with speaking(language):
        for keys, limit in ((titles, TITLE_LIMIT), (buttons, BUTTON_LIMIT)):
            for key in sorted(keys):
                # A reference (MC-2026-0042) or a date is about twelve characters; a count has three digits.
                shown = plain(t(key, **dummies(key, 100, text="MC-2026-0042")))
                if len(shown) > limit:
                    too_long[key] = f"{len(shown)} > {limit}: {shown}"
    assert too_long == {}


# --- the tables of labels --------------------------------------------------------------------


def test_every_table_key_is_in_the_catalogue() -> None:
    assert sorted({key for table in labels.TABLES for key in table.values()} - KEYS) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_value_has_its_own_label(language: Language) -> None:
    """A value is named by its type and value together: Answer.YES and Informed.YES are equal strings."""
    assert len(labels._LABELLED) == len(labels.LABELS)  # no two entries for one (type, value)
    assert len(set(labels.LABELS.values())) == len(labels.LABELS)  # no two values with one key
    assert labels.label_key(Answer.YES) != labels.label_key(Informed.YES)
    with speaking(language):
        for (kind, member), key in labels.LABELS.items():
            assert type(member) is kind and isinstance(member, StrEnum)
            values = dummies(key, 2)
            assert labels.label(member, **values) == t(key, **values), (kind.__name__, member)


# --- the code and the catalogue --------------------------------------------------------------

# First words of keys that the code also uses for other names (fields, payload keys), so that a
# literal starting with one of them is not taken for a key. Keys with these first words are still
# held to the catalogue when passed to t() or found in a table of labels.
SHARED_PREFIXES = {
    "age": "age_band (a signal's field)",
    "board": "board_alert (the staff route's field)",
    "channel": "channel_id, channel_type (Slack payloads)",
    "close": "close_note (the closing form's field)",
    "consent": "consent_interests and the like (the report form's fields)",
    "early": "early_confirmation (the answer form's field)",
    "feedback": "feedback_on (the feedback form's field)",
    "no": "no_such_case, no_such_draft (what a refusal is about)",
    "postpone": "postpone_reason (the postpone form's field)",
    "pupil": "pupil_name, pupil_group (a signal's fields)",
    "skip": "skip_note (the skip form's field)",
    "source": "source_detail (a signal's field)",
    "team": "team_id (Slack payloads)",
    "with": "with_whom (a conversation's field)",
    "without": "without_consent (a report's field)",
}
# Literals shaped like a key, with a key's first word, that are something else.
NOT_KEYS = {
    "reminder_id": "a reminder's id in an outbox payload (documents/notices.py)",
    "help_started": "a measure of the anonymous counts (flows/steps/statistics.py)",
    "due_at": "a reminder's column (devtools/seed.py)",
}
# The demo's narration names keys whose sentences are still to come (issue 13, part 6); they are held
# to the catalogue as soon as the first of them is in it.
PENDING = "demo_"


def _pending(key: str) -> bool:
    return key.startswith(PENDING) and not any(k.startswith(PENDING) for k in KEYS)


def test_shared_prefixes_are_prefixes_of_keys() -> None:
    """The list above names only first words that keys have (a stale entry would hide nothing, but mislead)."""
    assert sorted(set(SHARED_PREFIXES) - PREFIXES) == []
    assert sorted(key for key in NOT_KEYS if key in KEYS or key.split("_")[0] not in PREFIXES) == []


def test_keys_in_code_exist() -> None:
    """A literal shaped like a key, starting with a key's first word, is a key (values of enum
    members are left out: they are ids and stored values, named through labels.LABELS)."""
    checked = PREFIXES - set(SHARED_PREFIXES)
    missing = sorted(
        f"{module}:{line} {text}"
        for module, line, text in literals(enum_values=False)
        if KEY_SHAPE.match(text) and text.split("_")[0] in checked and text not in KEYS and text not in NOT_KEYS
    )
    assert missing == []


def test_keys_given_to_t_exist() -> None:
    given = [
        (f"{module}:{call.lineno}", call.args[0].value)
        for module, _, call in calls_of_t()
        if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
    ]
    assert sorted(f"{where} {key}" for where, key in given if key not in KEYS and not _pending(key)) == []


def test_no_key_is_unused() -> None:
    used = {text for _, _, text in literals()}
    assert sorted(KEYS - used) == []


# Functions that are given a key (a parameter, an error's `text_key`, a table's entry) and pass it to
# t(); anywhere else the key is written out in the call.
KEY_PASSERS = {
    "bot/commands/export.py:export",  # error.text_key
    "bot/demo.py:who",  # PEOPLE[user_id]
    "bot/demo.py:say",  # key
    "bot/demo.py:typed",  # key
    "bot/documents/dossier_text.py:labelled",  # label_key
    "bot/documents/dossier_text.py:answer",  # key, one of two
    "bot/documents/labels.py:named",  # table[value]
    "bot/documents/labels.py:label",  # label_key(value)
    "bot/documents/pdf.py:_section",  # title_key
    "bot/documents/pdf.py:_signature_table",  # key, from a tuple of keys
    "bot/documents/guide.py:steps",  # key, from STEP_KEYS
    "bot/documents/pdf.py:_access_report",  # key, from a tuple of keys (the table's header)
    "bot/documents/dialogs.py:refusal_text",  # error.text_key
    "bot/documents/dialogs.py:problem_text",  # key, from InvalidInput.problems
    "bot/documents/dialogs.py:_options",  # key, from a table of labels
    "bot/teams/dialogs.py:dialog_card",  # submit_key
    "bot/teams/dialogs.py:_input",  # label_key
    "bot/documents/case_view.py:_now",  # key, one of two
    "bot/documents/case_view.py:_question",  # MISSING_KEYS[…]
    "bot/documents/case_view.py:_step_buttons",  # key, from STEP_BUTTONS
    "bot/documents/case_view.py:_section_buttons",  # SECTION_BUTTONS[…]
    "bot/documents/my_cases.py:_language",  # key, from the languages' labels
    "bot/documents/step_forms.py:_form",  # title_key
    "bot/teams/dialogs.py:_drawn",  # hint_key
    "bot/slack/views/common.py:option",  # label_key
    "bot/slack/views/common.py:modal",  # submit_key, close_key
    "bot/slack/views/common.py:button",  # label_key
    "bot/slack/views/common.py:input_block",  # label_key, hint_key
    "bot/documents/notices.py:notice_of",  # key, one of two
    "bot/documents/notices.py:_offered",  # text_key, from a table of the offers
    "bot/documents/notices.py:followed_up",  # key, one of two
    "bot/documents/dialogs.py:board_route",  # outcome[…]
    "bot/documents/dialogs.py:registered",  # key, one of two
}


def test_t_is_given_a_key_never_a_built_one() -> None:
    """t()'s first argument is a literal key, or, in a function that is given one, a name, an
    attribute, a table's entry or a lookup: never an f-string, a sum or a .format()."""
    passers, built = set(), []
    for module, function, call in calls_of_t():
        key = call.args[0] if call.args else None
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            continue
        passers.add(f"{module}:{function}")
        lookup = isinstance(key, ast.Call) and isinstance(key.func, ast.Name)
        if not (isinstance(key, ast.Name | ast.Attribute | ast.Subscript) or lookup):
            built.append(f"{module}:{call.lineno} {ast.unparse(call)}")
    assert built == []
    assert sorted(passers - KEY_PASSERS) == []
    assert sorted(KEY_PASSERS - passers) == [], "no longer passes a key: take it off the list"


def test_no_key_is_built_anywhere() -> None:
    """No f-string, sum, % or .format() starts with a key's first word and an underscore."""
    built = []
    for module, tree in modules().items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.expr):
                continue
            lead = None
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                lead = node.values[0].value
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
                lead = node.left.value if isinstance(node.left, ast.Constant) else None
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
                lead = node.func.value.value if isinstance(node.func.value, ast.Constant) else None
            first = re.match(r"([a-z][a-z0-9]*)_", lead) if isinstance(lead, str) else None
            if first and first.group(1) in PREFIXES:
                built.append(f"{module}:{node.lineno} {ast.unparse(node)}")
    assert built == []
