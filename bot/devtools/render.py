"""Block Kit and Adaptive Cards as readable text for a terminal: what a person would see on their screen."""

from __future__ import annotations

import re
from typing import Any

from bot.catalogue import plain, t

_MRKDWN = re.compile(r"[*_~]")


def _text(obj: dict[str, Any] | None) -> str:
    if not obj:
        return ""
    text = str(obj.get("text", ""))
    text = re.sub(r"<@(\w+)>", r"@\1", text)
    if obj.get("type") != "mrkdwn":
        return text
    return _MRKDWN.sub("", text.replace(":rotating_light:", "🚨"))


def _element(element: dict[str, Any]) -> str:
    kind = element.get("type")
    if kind == "button":
        return f"[ {_text(element['text'])} ]"
    if kind in ("radio_buttons", "checkboxes", "static_select"):
        mark = "( )" if kind == "radio_buttons" else "[ ]"
        return "  ".join(f"{mark} {_text(o['text'])}" for o in element.get("options", []))
    if kind == "datepicker":
        return f"[ {element.get('initial_date') or plain(t('demo_no_date'))} ]"
    if kind == "plain_text_input":
        return (
            "[ ....................... ]"
            if not element.get("multiline")
            else f"[ ....... {plain(t('demo_multiline'))} ]"
        )
    return f"<{kind}>"


def block_lines(blocks: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            lines.append(f"== {_text(block['text'])} ==")
        elif kind == "section":
            lines += _text(block["text"]).splitlines()
            if block.get("accessory"):
                lines[-1] += "   " + _element(block["accessory"])
        elif kind == "context":
            lines.append("  " + " ".join(_text(e) for e in block.get("elements", [])))
        elif kind == "divider":
            lines.append("-" * 40)
        elif kind == "actions":
            lines.append("  ".join(_element(e) for e in block.get("elements", [])))
        elif kind == "input":
            optional = f" {plain(t('demo_optional'))}" if block.get("optional") else ""
            lines.append(f"{_text(block['label'])}{optional}:")
            lines.append("    " + _element(block["element"]))
    return lines


def view_lines(view: dict[str, Any]) -> list[str]:
    title = _text(view.get("title"))
    buttons = " ".join(f"[ {_text(view[k])} ]" for k in ("close", "submit") if view.get(k))
    return [
        f"┌─ {title} " + "─" * max(0, 40 - len(title)),
        *(f"│ {line}" for line in block_lines(view["blocks"])),
        f"└─ {buttons}",
    ]


def message_lines(message: dict[str, Any]) -> list[str]:
    return ["💬 " + line for line in block_lines(message.get("blocks") or [])] or ["💬 " + str(message.get("text"))]


def error_lines(view: dict[str, Any], errors: dict[str, str]) -> list[str]:
    """The messages Slack shows under the fields of a refused submission."""
    labels = {b.get("block_id"): _text(b.get("label")) for b in view.get("blocks", []) if b.get("type") == "input"}
    return [f"⚠ {labels.get(block_id, block_id)}: {message}" for block_id, message in errors.items()]


# --- Adaptive Cards (Teams) ------------------------------------------------------------------------

_MARKDOWN_ESCAPE = re.compile(r"\\(.)")


def _card_text(text: str) -> str:
    """A TextBlock's Markdown as read: emphasis dropped, escapes undone."""
    return _MARKDOWN_ESCAPE.sub(r"\1", text.replace("**", ""))


def _card_input(element: dict[str, Any]) -> list[str]:
    optional = "" if element.get("isRequired") else f" {plain(t('demo_optional'))}"
    head = f"{element.get('label', '')}{optional}:"
    value = str(element.get("value") or "")
    kind = element["type"]
    if kind == "Input.ChoiceSet":
        chosen = set(value.split(",")) if value else set()
        mark = "[{}]" if element.get("isMultiSelect") else "({})"
        choices = [f"{mark.format('•' if c['value'] in chosen else ' ')} {c['title']}" for c in element["choices"]]
        return [head, "    " + "  ".join(choices)]
    if kind == "Input.Date":
        return [head, f"    [ {value or plain(t('demo_no_date'))} ]"]
    if element.get("isMultiline"):
        return [head, f"    [ {value or '.......'} {plain(t('demo_multiline'))} ]"]
    return [head, f"    [ {value or '.......................'} ]"]


def card_body_lines(body: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for element in body:
        if element.get("separator"):
            lines.append("-" * 40)
        kind = element["type"]
        if kind == "TextBlock":
            text = _card_text(str(element["text"]))
            if element.get("color") == "Attention":
                lines.append(f"⚠ {text}")
            elif element.get("size") == "Large":
                lines.append(f"== {text} ==")
            else:
                lines += [("  " if element.get("isSubtle") else "") + line for line in text.splitlines()]
        elif kind == "ActionSet":
            lines.append("  ".join(f"[ {a['title']} ]" for a in element["actions"]))
        elif kind.startswith("Input."):
            lines += _card_input(element)
    return lines


def card_lines(card: dict[str, Any]) -> list[str]:
    """A card in a chat, as its reader sees it."""
    actions = "  ".join(f"[ {a['title']} ]" for a in card.get("actions") or [])
    return ["💬 " + line for line in [*card_body_lines(card["body"]), *([actions] if actions else [])]]


def dialog_lines(title: str, card: dict[str, Any]) -> list[str]:
    """A dialog (task module) and its card, as its reader sees it."""
    submit = " ".join(f"[ {a['title']} ]" for a in card.get("actions") or [])
    return [
        f"┌─ {title} " + "─" * max(0, 40 - len(title)),
        *(f"│ {line}" for line in card_body_lines(card["body"])),
        f"└─ {submit}",
    ]


def message_in_chat(message: dict[str, Any]) -> list[str]:
    """A message in a Teams chat with the bot: its text, its card, or the file it offers or holds."""
    lines: list[str] = []
    for attachment in message.get("attachments") or []:
        kind, content = attachment.get("contentType"), attachment.get("content") or {}
        if kind == "application/vnd.microsoft.card.adaptive":
            lines += card_lines(content)
        elif kind == "application/vnd.microsoft.teams.card.file.consent":  # Teams draws the buttons
            allow, decline = plain(t("demo_file_allow")), plain(t("demo_file_decline"))
            lines += [f"📎 {attachment.get('name')} · {content.get('description')}", f"   [ {allow} ]  [ {decline} ]"]
        else:
            lines.append(f"📎 {attachment.get('name')}")
    return lines or [f"💬 {message.get('text', '')}"]
