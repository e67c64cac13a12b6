"""A PDF goes only into an upload session in a OneDrive: Teams names the session in a request, and
a dossier must go nowhere else (this machine only in the local test mode)."""

from __future__ import annotations

import pytest

from bot.teams.files import may_upload_to


@pytest.mark.parametrize(
    ("url", "local", "allowed"),
    [
        ("https://delinde-my.sharepoint.com/personal/x/_api/v2.0/uploadSession", False, True),
        ("https://delinde-my.sharepoint.us/x", False, True),
        ("http://delinde-my.sharepoint.com/x", False, False),  # not encrypted
        ("https://evil.example/delinde-my.sharepoint.com/x", False, False),
        ("https://delinde-my.sharepoint.com.evil.example/x", False, False),
        ("https://sharepoint.com@evil.example/x", False, False),
        ("http://127.0.0.1:8123/upload/x", False, False),  # this machine: only in the local test mode
        ("http://127.0.0.1:8123/upload/x", True, True),
        ("", False, False),
        (None, True, False),
    ],
)
def test_only_a_onedrive_upload_session_takes_a_file(url: str | None, local: bool, allowed: bool) -> None:
    assert may_upload_to(url, local=local) is allowed
