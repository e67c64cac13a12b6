"""`meldbot teams package`: the zip a school's IT admin uploads in Teams. Its manifest names this
bot registration, passes the Teams manifest 1.30 schema (../shared/teams, skipped with a reason
where absent), asks for the personal scope only, and its icons have the sizes Teams asks for."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from bot.cli import EXIT_PROBLEM, main
from bot.teams.package import Publisher, package
from tests.teams.adaptive_cards import SCHEMAS

APP_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"  # an invented Microsoft App ID


def unzipped(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        return {name: bundle.read(name) for name in bundle.namelist()}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def test_the_package_names_this_bot_in_the_personal_scope_with_icons_of_the_right_size() -> None:
    files = unzipped(package(APP_ID.upper(), Publisher("https://www.delinde.example")))

    assert sorted(files) == ["color.png", "manifest.json", "outline.png"]
    manifest: dict[str, Any] = json.loads(files["manifest.json"])
    assert manifest["id"] == APP_ID and [bot["botId"] for bot in manifest["bots"]] == [APP_ID]
    assert manifest["bots"][0]["scopes"] == ["personal"] and "permissions" not in manifest
    assert manifest["bots"][0]["supportsFiles"]  # the PDF export offers its file in the chat
    assert manifest["developer"] == {
        "name": "www.delinde.example",
        "websiteUrl": "https://www.delinde.example",
        "privacyUrl": "https://www.delinde.example",
        "termsOfUseUrl": "https://www.delinde.example",
    }
    assert "$" not in json.dumps(manifest).replace('"$schema"', "")  # every placeholder filled in
    assert png_size(files["color.png"]) == (192, 192) and png_size(files["outline.png"]) == (32, 32)
    schema = SCHEMAS / "MicrosoftTeams.manifest.schema.1.30.json"
    if not schema.exists():
        pytest.skip(f"{schema} is not here (it sits beside the repository in the team's workspace)")
    # Draft4Validator directly, without check_schema (see ../shared/teams/README.md).
    validator = Draft4Validator(json.loads(schema.read_text(encoding="utf-8")))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(manifest)] == []


def test_the_command_writes_the_zip_and_refuses_what_teams_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TEAMS_APP_ID", APP_ID)
    output = tmp_path / "meldcode.zip"

    made = main(["teams", "package", "--website", "https://bestuur.example", "--developer", "Stichting Voorbeeld",
                 "-o", str(output)])  # fmt: skip
    refused = main(["teams", "package", "--website", "http://bestuur.example", "--app-id", "not-an-id",
                    "-o", str(tmp_path / "no.zip")])  # fmt: skip

    assert made == 0 and json.loads(unzipped(output.read_bytes())["manifest.json"])["developer"]["name"] == (
        "Stichting Voorbeeld"
    )
    assert refused == EXIT_PROBLEM and not (tmp_path / "no.zip").exists()
    errors = capsys.readouterr().err
    assert "--app-id" in errors and "--website must be an https:// address" in errors
    long_host = main(["teams", "package", "--website", "https://www.basisschool-de-linde-amsterdam-noord.example",
                      "-o", str(tmp_path / "no.zip")])  # fmt: skip
    assert long_host == EXIT_PROBLEM and "at most 32 characters" in capsys.readouterr().err  # Teams' limit
