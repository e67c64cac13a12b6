"""Block Kit as readable text for a terminal: what a person would see on their screen."""

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
