"""The Teams app package a school's IT admin uploads: the manifest (app_package/manifest.json,
Teams app manifest 1.30) filled in for their bot registration, and its two icons, in one zip."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from importlib import metadata
from importlib.resources import files
from string import Template
from typing import Any
from urllib.parse import urlsplit

from bot.flows.rules.directory import ENTRA_OBJECT_ID

ICONS = ("color.png", "outline.png")
DEVELOPER_NAME_LIMIT = 32  # the manifest's limit


@dataclass(frozen=True)
class Publisher:
    """Who offers the app to the school's staff (the school or its board), as Teams shows it."""

    website: str
    developer: str = ""  # default: the website's host
    privacy_url: str = ""  # default: the website
    terms_url: str = ""  # default: the website


def unfit(app_id: str, publisher: Publisher) -> list[str]:
    """What is wrong with these values, a line each (nothing: the package can be made)."""
    found = []
    if not ENTRA_OBJECT_ID.match(app_id.lower()):
        found.append(
            "TEAMS_APP_ID (or --app-id) must be the bot's Microsoft App ID, like 00000000-0000-0000-0000-000000000000"
        )
    for name, url in (("--website", publisher.website), ("--privacy-url", publisher.privacy_url),
                      ("--terms-url", publisher.terms_url)):  # fmt: skip
        if url and (urlsplit(url).scheme != "https" or not urlsplit(url).hostname):
            found.append(f"{name} must be an https:// address")
    if len(_developer(publisher)) > DEVELOPER_NAME_LIMIT:
        found.append(f"the developer's name (--developer, else the website's host) may be at most "
                     f"{DEVELOPER_NAME_LIMIT} characters")  # fmt: skip
    return found


def manifest(app_id: str, publisher: Publisher) -> dict[str, Any]:
    """The manifest for this bot registration (`unfit` must have found nothing)."""
    values = {
        "app_id": app_id.lower(),
        "version": metadata.version("meldbot"),
        "developer": _developer(publisher),
        "website": publisher.website,
        "privacy_url": publisher.privacy_url or publisher.website,
        "terms_url": publisher.terms_url or publisher.website,
    }
    template = json.loads(files("bot.teams").joinpath("app_package/manifest.json").read_text(encoding="utf-8"))
    return _filled(template, values)


def _developer(publisher: Publisher) -> str:
    return publisher.developer or str(urlsplit(publisher.website).hostname or "")


def _filled(node: Any, values: dict[str, str]) -> Any:
    if isinstance(node, dict):
        return {key: _filled(value, values) for key, value in node.items()}
    if isinstance(node, list):
        return [_filled(item, values) for item in node]
    return Template(node).substitute(values) if isinstance(node, str) else node


def package(app_id: str, publisher: Publisher) -> bytes:
    """The zip: manifest.json and the icons at its root, as Teams asks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("manifest.json", json.dumps(manifest(app_id, publisher), ensure_ascii=False, indent=2))
        for icon in ICONS:
            bundle.writestr(icon, files("bot.teams").joinpath(f"app_package/{icon}").read_bytes())
    return buffer.getvalue()
