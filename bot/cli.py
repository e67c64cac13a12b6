"""The `meldbot` command: run, check, demo, keygen. Problems end in one line and exit code 2."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from bot.config import Settings, SettingsError, load_settings
from bot.flows.steps.export import Document
from bot.flows.vocabulary import Language
from bot.logs import configure as configure_logging
from bot.school_config import ConfigError
from storage.audit_chain import Anchor

EXIT_PROBLEM = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="meldbot", description="De meldcode-bot voor scholen.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "run", help="serve Slack (Socket Mode with SLACK_APP_TOKEN, else HTTP on $PORT), Teams (HTTP on $PORT), or both"
    )
    commands.add_parser("check", help="check settings, school configuration and database")
    demo = commands.add_parser("demo", help="run a scripted case against a built-in fake Slack or Teams, offline")
    demo.add_argument("--language", choices=[str(language) for language in Language], default=str(Language.NL))
    demo.add_argument("--platform", choices=["slack", "teams"], default="slack")
    demo.add_argument("--json", action="store_true", help="teams: also every card and dialog, a JSON object a line")
    commands.add_parser("keygen", help="print a new encryption key for MELDBOT_ENCRYPTION_KEY")
    outbox = commands.add_parser("outbox", help="messages the bot could not deliver")
    outbox.add_argument("action", choices=["retry"], help="retry: give every failed message new attempts")
    parked = commands.add_parser("reminders", help="reminders the bot could not handle")
    parked.add_argument("action", choices=["retry"], help="retry: make every parked reminder due again")
    keys = commands.add_parser("keys", help="the encryption keys")
    keys.add_argument("action", choices=["rotate"], help="rotate: re-encrypt everything under a new key (resumable)")
    purge = commands.add_parser("retention", help="closed cases past their school's retention period")
    purge.add_argument("action", choices=["run"], help="run: purge their personal data, keeping anonymous counts")
    purge.add_argument("--dry-run", action="store_true", help="only list the cases that would be purged")
    exporting = commands.add_parser("export", help="a case as PDF, on the server (as in Slack)")
    exporting.add_argument("reference", help="the case reference, like MC-2026-0001")
    exporting.add_argument("-o", "--output", type=Path, required=True, help="the PDF file to write")
    exporting.add_argument(
        "--as", dest="user_id", required=True, help="the coordinator's user id (Slack, or Entra object id)"
    )
    exporting.add_argument("--school", help="the school id, when the reference exists at several schools")
    exporting.add_argument("--conversation", type=int, help="a conversation report (1 = first) instead")
    reporting = commands.add_parser("report", help="the interne evaluatie of a school, as PDF or CSV")
    reporting.add_argument("--school", required=True, help="the school id in meldbot.yml")
    reporting.add_argument(
        "--from", dest="first", type=date.fromisoformat, help="first day (YYYY-MM-DD); its month counts"
    )
    reporting.add_argument("--to", dest="last", type=date.fromisoformat, help="last day (YYYY-MM-DD); its month counts")
    reporting.add_argument("-o", "--output", type=Path, help="the file to write (a CSV without it goes to stdout)")
    reporting.add_argument("--format", choices=["pdf", "csv"], default="pdf")
    reporting.add_argument("--exact", action="store_true", help="exact small counts: for the school's own use only")
    reporting.add_argument("--language", choices=[str(language) for language in Language], help="default: the school's")
    audit = commands.add_parser("audit", help="the audit trail").add_subparsers(dest="action", required=True)
    verifying = audit.add_parser("verify", help="check the whole hash chain")
    verifying.add_argument("--head", type=_anchor, help="a head printed earlier (<count>:<hash>) the chain must hold")
    access = audit.add_parser("report", help="a pupil's access report as PDF (who viewed, changed, exported)")
    access.add_argument("reference", help="a case of the pupil, like MC-2026-0001")
    access.add_argument("-o", "--output", type=Path, required=True, help="the PDF file to write")
    access.add_argument("--as", dest="user_id", required=True, help="the coordinator's or director's user id")
    access.add_argument("--school", help="the school id, when the reference exists at several schools")
    teams = commands.add_parser("teams", help="Microsoft Teams").add_subparsers(dest="action", required=True)
    packaging = teams.add_parser("package", help="the app package (manifest and icons) to upload in Teams")
    packaging.add_argument("--website", required=True, help="the school's or board's website (https://)")
    packaging.add_argument(
        "--developer", default="", help="who offers the app, as Teams shows it (default: the website's host)"
    )
    packaging.add_argument("--privacy-url", default="", help="the privacy statement (default: the website)")
    packaging.add_argument("--terms-url", default="", help="the terms of use (default: the website)")
    packaging.add_argument("--app-id", default=os.environ.get("TEAMS_APP_ID", ""), help="default: $TEAMS_APP_ID")
    packaging.add_argument("-o", "--output", type=Path, default=Path("meldcode-teams.zip"), help="the zip to write")
    args = parser.parse_args(argv)
    configure_logging()
    try:
        if args.command == "run":
            return _run(load_settings())
        if args.command == "check":
            from bot.check import check

            problems, notes = check()
            for line in problems:
                print(line, file=sys.stderr)
            for line in notes:
                print(f"note: {line}")
            if not problems:
                print("meldbot check: alles in orde (settings, school configuration, database)")
            return EXIT_PROBLEM if problems else 0
        if args.command == "demo" and args.platform == "teams":
            from bot.demo_teams import run_teams_demo

            return run_teams_demo(sys.stdout, sys.stderr, Language(args.language), as_json=args.json)
        if args.command == "demo":
            if args.json:
                raise SettingsError(["--json shows Teams' cards: use it with --platform teams"])
            from bot.demo import run_demo

            return run_demo(sys.stdout, Language(args.language))
        if args.command in ("outbox", "reminders"):
            from bot.commands.retry import retry

            return retry(load_settings(), sys.stdout, args.command)
        if args.command == "audit" and args.action == "verify":
            from bot.commands.audit import verify

            return verify(load_settings(), sys.stdout, args.head)
        if args.command == "keys":
            from bot.commands.keys import rotate

            return rotate(load_settings(), sys.stdout)
        if args.command == "retention":
            from bot.commands.retention import run

            return run(load_settings(), sys.stdout, dry_run=args.dry_run)
        if args.command in ("export", "audit"):  # `audit report`: the access report, made as an export
            from bot.commands.export import export

            return export(
                load_settings(),
                sys.stdout,
                reference=args.reference,
                output=args.output,
                user_id=args.user_id,
                school_id=args.school,
                document=_document(args),
                conversation=getattr(args, "conversation", None),
            )
        if args.command == "report":
            from bot.commands.report import report

            return report(
                load_settings(),
                sys.stdout,
                school_id=args.school,
                first=args.first,
                last=args.last,
                output=args.output,
                as_table=args.format == "csv",
                exact=args.exact,
                language=Language(args.language) if args.language else None,
            )
        if args.command == "teams":
            from bot.teams.package import Publisher, package, unfit

            publisher = Publisher(args.website, args.developer, args.privacy_url, args.terms_url)
            found = unfit(args.app_id, publisher)
            if found:
                raise SettingsError(found)
            args.output.write_bytes(package(args.app_id, publisher))
            print(f"meldbot teams package: {args.output} (upload it in Teams, see the README)")
            return 0
        if args.command == "keygen":
            from storage.crypto import generate_key

            print(generate_key())
            return 0
    except (SettingsError, ConfigError) as error:
        for line in error.problems:
            print(f"meldbot: {line}", file=sys.stderr)
        return EXIT_PROBLEM
    return EXIT_PROBLEM


def _run(settings: Settings) -> int:
    """Serve Slack, Teams or both, by the settings present: one process, one database, one outbox
    worker and one scheduler (with both, one HTTP server on $PORT)."""
    from bot.bootstrap import build_services
    from bot.scheduler import start_scheduler
    from bot.server import Asgi, Endpoint, serve_http

    problems = settings.problems_for_serving()
    if problems:
        raise SettingsError([*problems, "(to see the bot work without Slack or Teams, run: meldbot demo)"])
    services = build_services(settings)
    endpoints: list[Endpoint] = []
    others = {}
    teams = None
    if settings.serves_teams:
        from bot.teams.app import TeamsSettings, build_teams_app
        from bot.teams.ids import PLATFORM as TEAMS
        from bot.teams.server import TeamsEndpoint

        assert settings.teams_app_id is not None, "problems_for_serving asks for it"
        teams_settings = TeamsSettings(
            settings.teams_app_id, _secret(settings.teams_app_password), settings.teams_tenant_id
        )
        teams = build_teams_app(services, teams_settings, delivering=not settings.serves_slack)
        endpoints.append(TeamsEndpoint(teams))
        others[TEAMS] = teams.transport
    if not settings.serves_slack:
        assert teams is not None and teams.worker is not None
        start_scheduler(services, teams.worker, settings.meldbot_sweep_seconds)
        serve_http(Asgi(services.db, endpoints), settings.host, settings.port)
        return 0

    from bot.slack.app import SlackSettings, build_app
    from bot.slack.server import SlackEndpoint, serve_socket_mode

    assert settings.slack_bot_token is not None
    slack = SlackSettings(
        bot_token=settings.slack_bot_token.get_secret_value(),
        signing_secret=None if settings.socket_mode else _secret(settings.slack_signing_secret),
        api_url=settings.slack_api_url,
        send_timeout=settings.meldbot_send_timeout_seconds,
    )
    bot = build_app(services, slack, others)
    start_scheduler(services, bot.worker, settings.meldbot_sweep_seconds)
    if settings.slack_app_token is not None:
        serve_socket_mode(bot, settings.slack_app_token.get_secret_value())
    else:
        assert slack.signing_secret is not None, "problems_for_serving asks for it in HTTP mode"
        endpoints.append(SlackEndpoint(bot, slack.signing_secret))
        serve_http(Asgi(services.db, endpoints), settings.host, settings.port)
    return 0


def _document(args: argparse.Namespace) -> Document:
    if args.command == "audit":
        return Document.ACCESS_REPORT
    return Document.DOSSIER if args.conversation is None else Document.CONVERSATION


def _anchor(text: str) -> Anchor:
    try:
        return Anchor.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _secret(value: object) -> str | None:
    return value.get_secret_value() if value is not None else None  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
