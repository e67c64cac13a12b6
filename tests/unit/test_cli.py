"""The `meldbot` command as an operator meets it: one clear line per problem, exit code 2."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.bootstrap import load_cipher
from bot.catalogue import speaking, t
from bot.config import Settings, SettingsError
from bot.devtools.seed import seed_cases
from bot.flows.ports import ManualClock
from bot.flows.rules.directory import Directory
from bot.flows.services import Services
from bot.flows.steps.staff_route import record_staff_suspicion
from bot.flows.vocabulary import BoardAlert, Language
from storage.crypto import generate_key
from storage.models import Case, Reminder
from tests.conftest import SCHOOLS_YAML, make_services
from tests.pdf_text import pdf_text
from tests.shown import in_plain, in_print

ROOT = Path(__file__).resolve().parents[2]


def meldbot(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MELDBOT_", "DATABASE_URL", "PORT"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_run_without_tokens_names_what_is_missing(tmp_path: Path) -> None:
    result = meldbot(tmp_path, "run")

    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN is not set" in result.stderr and "SLACK_SIGNING_SECRET is not set" in result.stderr
    assert "meldbot demo" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_setting_is_one_line_naming_the_variable(tmp_path: Path) -> None:
    result = meldbot(tmp_path, "run", SLACK_BOT_TOKEN="xoxp-user-token", PORT="eighty")

    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 2
    assert lines[0].startswith("meldbot: SLACK_BOT_TOKEN is malformed (must start with xoxb-)")
    assert lines[1].startswith("meldbot: PORT is malformed")


def test_run_with_tokens_reports_a_broken_school_configuration(tmp_path: Path) -> None:
    (tmp_path / "meldbot.yml").write_text("schools:\n  - id: x\n    name: X\n", encoding="utf-8")

    result = meldbot(tmp_path, "run", SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET="s")

    assert result.returncode == 2
    assert result.stderr.strip() == "meldbot: meldbot.yml:2: 'schools[0].coordinators' is missing"


def test_check_lists_every_problem_and_passes_when_all_is_well(tmp_path: Path) -> None:
    broken = meldbot(tmp_path, "check")
    assert broken.returncode == 2
    assert {line.split(" ")[0] for line in broken.stderr.strip().splitlines()} == {
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "meldbot.yml:",
    }

    (tmp_path / "meldbot.yml").write_text((ROOT / "meldbot.example.yml").read_text(encoding="utf-8"))
    fine = meldbot(tmp_path, "check", SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET="s")
    assert fine.returncode == 0, fine.stderr
    assert "alles in orde" in fine.stdout


def test_check_refuses_a_key_that_does_not_open_the_stored_dossiers(tmp_path: Path) -> None:
    env = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "MELDBOT_ENCRYPTION_KEY": generate_key()}
    _seed_one_case(tmp_path, env)

    wrong = meldbot(tmp_path, "check", **{**env, "MELDBOT_ENCRYPTION_KEY": generate_key()})

    assert wrong.returncode == 2
    assert "which is not configured" in wrong.stderr


def _seed_one_case(tmp_path: Path, env: dict[str, str]) -> None:
    """The example school with one registered case, stored as `meldbot run` would store it."""
    (tmp_path / "meldbot.yml").write_text((ROOT / "meldbot.example.yml").read_text(encoding="utf-8"))
    _run_python(tmp_path, env, _SEED)


def _run_python(tmp_path: Path, env: dict[str, str], code: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


_SEED = """
from bot.bootstrap import build_services
from bot.config import load_settings
from bot.flows.steps.registration import register_signal
from tests.flows.forms import valid_form
services = build_services(load_settings())
register_signal(services, 'U0123ABCD', 'linde', False, valid_form(), 'seed')
"""


def test_check_notes_a_user_group_that_lets_nobody_report_until_its_members_are_read(tmp_path: Path) -> None:
    env = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "MELDBOT_ENCRYPTION_KEY": generate_key()}
    _seed_one_case(tmp_path, env)
    config = tmp_path / "meldbot.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("members: all", "members: {usergroup: S0TEACH01}"))

    unread = meldbot(tmp_path, "check", **env)
    _run_python(tmp_path, env, _STORE_GROUP.format(members="[]"))
    empty = meldbot(tmp_path, "check", **env)
    _run_python(tmp_path, env, _STORE_GROUP.format(members="['U0TEACH01']"))
    read = meldbot(tmp_path, "check", **env)

    assert unread.returncode == 0 and "user group S0TEACH01 was never read from Slack" in unread.stdout
    assert "user group S0TEACH01 has no members" in empty.stdout
    assert "S0TEACH01" not in read.stdout and read.returncode == 0


_STORE_GROUP = """
from bot.bootstrap import build_services
from bot.config import load_settings
from bot.member_groups import record_members
services = build_services(load_settings())
record_members(services, 'slack', 'S0TEACH01', {members})
"""


def test_key_is_generated_once_and_private_when_none_is_configured(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(_env_file=None, meldbot_data_dir=tmp_path / "data")  # type: ignore[call-arg]

    first = load_cipher(settings, stored=set())
    second = load_cipher(settings, stored=set())

    key_file = tmp_path / "data" / "encryption.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert first.active_key == second.active_key
    assert any("Generated a new encryption key" in r.getMessage() for r in caplog.records)


def test_malformed_configured_key_is_refused_with_the_fix(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, meldbot_encryption_key="too-short")  # type: ignore[call-arg]

    with pytest.raises(SettingsError) as refused:
        load_cipher(settings, stored=set())
    assert refused.value.problems[0].startswith("MELDBOT_ENCRYPTION_KEY is malformed")
    assert "meldbot keygen" in refused.value.problems[0]


def test_export_verify_and_retention_commands_as_an_operator_meets_them(tmp_path: Path) -> None:
    env = {"MELDBOT_ENCRYPTION_KEY": generate_key()}
    _seed_one_case(tmp_path, env)

    exported = meldbot(tmp_path, "export", "mc-2026-0001", "-o", "dossier.pdf", "--as", "U0123ABCD", **env)
    refused = meldbot(tmp_path, "export", "MC-2026-0001", "-o", "nope.pdf", "--as", "U0456EFGH", **env)
    verified = meldbot(tmp_path, "audit", "verify", **env)
    retention = meldbot(tmp_path, "retention", "run", "--dry-run", **env)
    access = meldbot(tmp_path, "audit", "report", "MC-2026-0001", "-o", "inzage.pdf", "--as", "U0123ABCD", **env)

    assert exported.returncode == 0, exported.stderr
    written = tmp_path / "dossier.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert refused.returncode == 1 and "refused" in refused.stdout
    assert not (tmp_path / "nope.pdf").exists()
    assert verified.returncode == 0 and "intact" in verified.stdout
    assert retention.returncode == 0 and "retention not confirmed" in retention.stdout
    assert access.returncode == 0, access.stderr
    report = " ".join(pdf_text((tmp_path / "inzage.pdf").read_bytes()).split())  # table cells wrap
    exported_here = in_print(
        "pdf_access_via_server", what=t("timeline_case_exported", document=t("export_document_dossier"))
    )
    assert in_print("pdf_access_title") in report and exported_here in report


def test_report_writes_the_interne_evaluatie_as_pdf_and_csv_as_an_operator_meets_it(tmp_path: Path) -> None:
    env = {"MELDBOT_ENCRYPTION_KEY": generate_key()}
    _seed_one_case(tmp_path, env)  # registered today: in this school year

    for_the_board = meldbot(tmp_path, "report", "--school", "linde", "-o", "evaluatie.pdf", **env)
    exact = meldbot(tmp_path, "report", "--school", "linde", "--format", "csv", "--exact", **env)
    english = meldbot(tmp_path, "report", "--school", "linde", "--format", "csv", "--language", "en", **env)
    long_ago = meldbot(tmp_path, "report", "--school", "linde", "--from", "2020-08-01", "--to", "2021-07-31",
                       "--format", "csv", "--exact", **env)  # fmt: skip
    unknown = meldbot(tmp_path, "report", "--school", "nergens", **env)
    backwards = meldbot(tmp_path, "report", "--school", "linde", "--from", "2026-12-01", "--to", "2026-01-01", **env)

    assert for_the_board.returncode == 0, for_the_board.stderr
    assert "evaluatie.pdf" in for_the_board.stdout and "as '< 5'" in for_the_board.stdout
    printed = pdf_text((tmp_path / "evaluatie.pdf").read_bytes())
    assert in_print("evaluation_title") in printed and in_print("evaluation_chart_title", registered="< 5") in printed
    assert "MC-20" not in printed
    assert exact.returncode == 0 and exact.stdout.splitlines()[0] == "school,from,to,figure,label,value"
    registered = next(line for line in exact.stdout.splitlines() if ",registered," in line)
    assert registered.endswith(",1") and in_plain("evaluation_registered") in registered
    with speaking(Language.EN):
        assert in_plain("evaluation_registered") in english.stdout and ",< 5" in english.stdout
    assert next(line for line in long_ago.stdout.splitlines() if ",registered," in line).endswith(",0")
    assert unknown.returncode == 2 and "no school 'nergens'" in unknown.stderr
    assert backwards.returncode == 2 and "ends before it starts" in backwards.stderr


def _served(tmp_path: Path, directory: Directory, clock: ManualClock) -> tuple[Services, dict[str, str]]:
    """A school's database with its configuration beside it, and the environment a command needs for it."""
    key, database = generate_key(), tmp_path / "meldbot.sqlite3"
    (tmp_path / "meldbot.yml").write_text(SCHOOLS_YAML, encoding="utf-8")
    services = make_services(tmp_path, f"sqlite:///{database}", directory, clock, key=key)
    env = {
        "DATABASE_URL": f"sqlite:///{database}",
        "MELDBOT_ENCRYPTION_KEY": key,
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_SIGNING_SECRET": "s",
    }
    return services, env


def test_check_lists_a_parked_reminder_and_reminders_retry_makes_it_due(
    tmp_path: Path, directory: Directory, clock: ManualClock
) -> None:
    services, env = _served(tmp_path, directory, clock)
    seed_cases(services, "linde", 1, reporter_id="UTEACH001", coordinators=["UCOORD001"], due_at=datetime.now(UTC))
    with services.db.transaction() as session:
        parked = {"next_at": None, "parked_at": datetime.now(UTC), "parked_reason": "incident ab12cd34: ValueError"}
        session.execute(update(Reminder).values(**parked))
    services.db.dispose()

    check = meldbot(tmp_path, "check", **env)
    retry = meldbot(tmp_path, "reminders", "retry", **env)
    again = meldbot(tmp_path, "check", **env)

    assert check.returncode == 2 and "1 reminder(s) could not be handled" in check.stderr
    assert "reminder 1 (idle) of case 1: incident ab12cd34: ValueError" in check.stderr
    assert retry.returncode == 0 and "1 reminder(s) will be handled again" in retry.stdout
    assert again.returncode == 0, again.stderr


def test_check_notes_a_staff_member_suspicion_whose_alert_never_went_out(
    tmp_path: Path, directory: Directory, clock: ManualClock
) -> None:
    # As the release before migration 0005 left a school's second staff-member suspicion: no alert.
    services, env = _served(tmp_path, directory, clock)
    with services.db.transaction() as session:
        now = clock.now()
        session.add(
            Case(
                school_id="linde",
                reference="MC-2026-0007",
                route="staff_member",
                state="referred_to_board",
                reporter_id="UTEACH001",
                submission_key="old",
                created_at=now,
                updated_at=now,
            )
        )
    record_staff_suspicion(services, "UTEACH001", "linde", BoardAlert.DIRECTOR, False, "new")  # alerted: no note
    services.db.dispose()

    check = meldbot(tmp_path, "check", **env)

    notes = [line for line in check.stdout.splitlines() if "staff member" in line]
    assert notes == [
        "note: suspicion against a staff member linde/MC-2026-0007 of 16-11-2026: no alert to a director or the "
        "board on record; make sure the board was told"
    ]


def test_run_names_what_teams_still_needs_and_refuses_socket_mode_beside_it() -> None:
    from bot.config import Settings

    teams_only = Settings(_env_file=None, teams_app_id="0C7E1A2B-3D4E-4F5A-8B6C-7D8E9F0A1B2C")  # type: ignore[call-arg]
    assert teams_only.teams_app_id == "0c7e1a2b-3d4e-4f5a-8b6c-7d8e9f0a1b2c"
    assert [p.split(" ")[0] for p in teams_only.problems_for_serving()] == ["TEAMS_APP_PASSWORD", "TEAMS_TENANT_ID"]
    both = Settings(
        _env_file=None,  # type: ignore[call-arg]
        slack_bot_token="xoxb-x",
        slack_app_token="xapp-x",
        teams_app_id="0c7e1a2b-3d4e-4f5a-8b6c-7d8e9f0a1b2c",
        teams_app_password="secret",
        teams_tenant_id="00000000-0000-4000-8000-0000000005c0",
    )
    assert [p.split(" ")[0] for p in both.problems_for_serving()] == ["SLACK_APP_TOKEN"]
    nothing = Settings(_env_file=None)  # type: ignore[call-arg]
    assert "TEAMS_APP_ID" in nothing.problems_for_serving()[0]
