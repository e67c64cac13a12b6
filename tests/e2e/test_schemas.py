"""Everything the bot renders is valid Block Kit, and the manifest is a valid Slack app manifest.

The schemas live in ../shared/slack/ beside the repository; where that folder is absent (a
user's fresh clone) these tests skip and say so. slack_sdk's own model checks run regardless.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator, Draft202012Validator
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.catalogue import speaking, t
from bot.devtools.local import LocalSlack
from bot.documents.dialogs import Form
from bot.flows.ports import ManualClock
from bot.flows.rules.framework import Answer
from bot.flows.steps.language import choose_language
from bot.flows.vocabulary import DossierPart, Language, NoticeKind, ReminderKind
from bot.slack.ids import PLATFORM, Action, show_action
from bot.slack.ids import Block as B
from bot.slack.views.common import slack_plain
from bot.slack.views.messages import render_notice
from tests.block_kit import schema
from tests.conftest import COORDINATOR, COORDINATOR_2, DIRECTOR, OUTSIDER, START, TEACHER, TEACHER_2, TWO_SCHOOL_TEACHER
from tests.e2e.casework import PLAN, REPORT, open_case, ready_to_weigh, record_report, registered_and_taken, walk
from tests.e2e.steps import register, signal_values, start_intake

ROOT = Path(__file__).resolve().parents[2]


def test_manifest_is_valid_against_slacks_schema() -> None:
    manifest = yaml.safe_load((ROOT / "app_manifest.yml").read_text(encoding="utf-8"))

    errors = [e.message for e in Draft7Validator(schema("manifest.schema.1.0.0.json")).iter_errors(manifest)]

    assert errors == []


def test_manifest_declares_what_the_code_listens_to() -> None:
    manifest = yaml.safe_load((ROOT / "app_manifest.yml").read_text(encoding="utf-8"))

    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/meldcode"]
    assert [s["callback_id"] for s in manifest["features"]["shortcuts"]] == ["register_concern"]
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_home_opened",
        "message.im",
        "subteam_members_changed",
        "subteam_updated",
    }
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {
        "chat:write",
        "commands",
        "files:write",
        "im:history",
        "im:write",
        "users:read",
        "usergroups:read",
    }


def _everything_rendered(slack: LocalSlack) -> tuple[list[dict[str, Any]], list[list[dict[str, Any]]]]:
    """Drive every screen the bot has; return the views and message block lists it sent."""
    register(
        slack.driver,
        TEACHER,
        acute=True,
        source="told",
        source_detail="De leerling zelf",
        observed="Lange tekst. " * 230,
    )
    register(slack.driver, TEACHER_2)
    slack.driver.close(TEACHER_2)
    slack.driver.click_in_messages(TEACHER_2, Action.FINISH_DRAFT)
    slack.driver.submit(TEACHER_2, {B.CHOICE: "add"})
    start_intake(slack.driver, TEACHER, route="staff_member")
    answered = [slack.fake.top_modal(TEACHER)]  # views shown as the answer to a submission
    slack.driver.submit(TEACHER, {B.BOARD_ALERT: "director"})
    answered.append(slack.fake.top_modal(TEACHER))
    start_intake(slack.driver, TEACHER, route="between_children")
    slack.driver.command(TWO_SCHOOL_TEACHER)
    slack.driver.submit(TWO_SCHOOL_TEACHER, {B.SCHOOL: "eik", B.ROUTE: "home", B.ACUTE: "no"})
    slack.driver.submit(TWO_SCHOOL_TEACHER, signal_values(observed_on="2030-01-01"))
    slack.driver.command(OUTSIDER)
    slack.driver.command(TEACHER, "help")
    slack.driver.write_dm(TEACHER, "hallo")
    for user_id in (COORDINATOR, DIRECTOR, TEACHER):
        slack.driver.click_in_messages(user_id, Action.OPEN_CASE)
    slack.driver.click(OUTSIDER, Action.OPEN_CASE, "1")
    for user_id in (COORDINATOR, TEACHER, OUTSIDER):
        slack.driver.open_home(user_id)
    slack.driver.click_in_home(COORDINATOR, Action.OPEN_EVALUATION)
    slack.driver.select_in_modal(COORDINATOR, Action.EVALUATION_PERIOD, "2025")
    slack.driver.click_in_messages(DIRECTOR, Action.OPEN_CASE)
    slack.driver.click_in_modal(DIRECTOR, Action.EXPORT_CASE)
    slack.driver.submit(DIRECTOR, {B.EXPORT_DOCUMENT: "access_report"})
    _work_a_case(slack)
    _reminders(slack)
    views = [c.params["view"] for c in slack.fake.calls if "view" in c.params]
    views += [m for client in slack.fake.clients.values() for m in client.modals]
    views += [v for v in answered if v is not None]
    messages = [
        c.params["blocks"]
        for c in slack.fake.calls_to("chat.postMessage") + slack.fake.calls_to("chat.update")
        if c.params.get("blocks")
    ]
    return views, messages + _every_notice()


def _work_a_case(slack: LocalSlack) -> None:
    """Steps 2 to 5 on a case of its own: every form, every section, every kind of message."""
    driver = slack.driver
    case = registered_and_taken(slack, COORDINATOR_2)
    for action, values in [
        (
            Action.RECORD_CONSULTATION,
            {
                B.KIND: "other",
                B.OTHER_ROLE: "Leerplicht",
                B.HELD_ON: "2026-11-16",
                B.OUTCOME: "Advies.",
                B.SPECIAL_FORM: "yes",
            },
        ),
        (Action.SET_TEAM, {B.TEAM: [TEACHER_2]}),
        (
            Action.RECORD_CONVERSATION,
            {
                B.WITH_WHOM: "both",
                B.HELD_ON: "2026-11-16",
                B.PARTICIPANTS: "Moeder",
                B.SHARED: "Zorgen.",
                B.REACTION: "Begrip.",
                B.AGREEMENTS: "Nieuw gesprek.",
                B.CONSENT: "refused",
                B.HOUSEHOLD: "Een zus.",
            },
        ),
        (Action.SKIP_CONVERSATION, {B.SKIP_REASON: "child_safety", B.SKIP_NOTE: "Vader is dreigend."}),
        (Action.RECORD_KINDCHECK, {B.CHILDREN: "Een zus van 9.", B.CARERS: "Moeder."}),
    ]:
        driver.click_in_modal(COORDINATOR_2, action)
        driver.submit(COORDINATOR_2, values)
        if action is Action.RECORD_CONSULTATION:
            driver.close(COORDINATOR_2)  # the advice to call Veilig Thuis directly
    walk(slack, COORDINATOR_2, Answer.YES, Answer.NO, Answer.YES, Answer.YES, PLAN, Answer.NO)
    record_report(
        slack,
        COORDINATOR_2,
        parents_informed="no",
        no_consent_reason="safety",
        consent_interests="a",
        consent_alternative="b",
        consent_why_not="c",
        consent_balance="d",
        consent_who_knows="e",
        objections="Vader maakt bezwaar.",
    )
    driver.click_in_modal(COORDINATOR_2, Action.RECORD_FEEDBACK)
    driver.submit(COORDINATOR_2, {B.FEEDBACK_ON: "2026-11-16", B.FEEDBACK: "Onderzoek gestart."})
    for part in DossierPart:
        driver.click_in_modal(COORDINATOR_2, show_action(part))
        driver.close(COORDINATOR_2)
    driver.click_in_modal(COORDINATOR_2, Action.EXPORT_CASE)
    driver.submit(COORDINATOR_2, {B.EXPORT_DOCUMENT: "conversation:1"})
    driver.click_in_modal(COORDINATOR_2, Action.CLOSE_CASE)
    driver.submit(COORDINATOR_2, {B.CLOSE_NOTE: "Overgenomen door Veilig Thuis."})
    open_case(slack, TEACHER_2, case)


def _reminders(slack: LocalSlack) -> None:
    """Every kind of reminder and escalation, and what acting on one renders."""
    plan = ready_to_weigh(slack, COORDINATOR, pupil_name="Sam Verzonnen")
    walk(slack, COORDINATOR, Answer.YES, Answer.NO, Answer.YES, Answer.YES, PLAN)  # term 28 December
    ready_to_weigh(slack, COORDINATOR, pupil_name="Noor Verzonnen")
    walk(slack, COORDINATOR, Answer.YES, Answer.YES, REPORT)  # Veilig Thuis' feedback is awaited
    for days in (1, 2, 10, 14, 17, 43, 46):  # not taken, escalated; referral; idle; evaluation; ...
        clock = slack.services.clock
        assert isinstance(clock, ManualClock)
        clock.move_to(START + timedelta(days=days))
        slack.sweep()
    slack.driver.click_in_messages(COORDINATOR, Action.REMINDER_NOT_YET)
    slack.driver.click_in_messages(TEACHER_2, Action.CONFIRM_REFERRAL)
    slack.driver.click_in_messages(COORDINATOR, Action.POSTPONE_REMINDER)
    slack.driver.submit(COORDINATOR, {B.UNTIL: "2027-02-01", B.POSTPONE_REASON: "Na de vakantie."})
    open_case(slack, COORDINATOR, plan)
    slack.driver.click_in_modal(COORDINATOR, show_action(DossierPart.TIMELINE))


def _every_notice() -> list[list[dict[str, Any]]]:
    """Every kind of message the outbox sends (each reminder kind, each rung), drawn from one payload."""
    payload: dict[str, Any] = {
        "reference": "MC-2026-0001",
        "case_id": 1,
        "reporter_id": TEACHER,
        "recipient_id": TEACHER,
        "draft_id": 2,
        "reminder_id": 3,
        "due": START.isoformat(),
        "incident": "ab12cd34",
        "take": True,
        "open": 3,
        "overdue": 1,
        "to_take": 1,
        "next": [["MC-2026-0001", "feedback", START.isoformat()]],
        "platform": "slack",
    }
    drawn = [render_notice(kind, payload) for kind in NoticeKind if kind is not NoticeKind.REMINDER]
    drawn += [render_notice(NoticeKind.BOARD_ROUTE, {**payload, "to_board": True})]
    drawn += [
        render_notice(NoticeKind.REMINDER, {**payload, "reminder": kind, "level": level, "role": role})
        for kind in ReminderKind
        for level, role in ((0, "coordinator"), (1, "director"))
    ]
    return [[b.to_dict() for b in message.blocks] for message in drawn]


def test_every_view_and_message_is_valid_block_kit(slack: LocalSlack) -> None:
    views, messages = _everything_rendered(slack)
    callbacks = {v.get("callback_id") for v in views}
    assert {c.value for c in Form} <= callbacks and len(messages) >= 20
    texts = json.dumps(messages, ensure_ascii=False)
    for action in (Action.REMINDER_NOT_YET, Action.CONFIRM_REFERRAL, Action.POSTPONE_REMINDER, Action.ANSWER_NO):
        assert f'"{action.value}"' in texts  # every reminder's buttons were rendered

    validator = Draft202012Validator(schema("block-kit.schema.json"))
    problems = [
        f"{where}: {error.message[:200]}"
        for where, blocks in [
            *((v.get("callback_id") or v["type"], v["blocks"]) for v in views),
            *(("message", m) for m in messages),
        ]
        for error in validator.iter_errors(blocks)
    ]
    assert problems == []


def test_every_view_and_message_passes_slack_sdk_model_checks(slack: LocalSlack) -> None:
    views, messages = _everything_rendered(slack)

    for view in views:
        View(**{k: v for k, v in view.items() if k != "id"}).validate_json()
    for blocks in messages:
        for block in Block.parse_all(blocks):
            block.validate_json()


@pytest.mark.parametrize("language", list(Language))
def test_every_screen_in_each_language_shows_its_markup_rendered_and_fits_slacks_limits(
    slack: LocalSlack, language: Language
) -> None:
    """Every person reads `language`. Emphasis and mentions are Slack's own (never a tag shown as
    text, never escaped twice), and every text fits its element (a title's 24 characters, ...,
    as slack_sdk checks them; the Block Kit schema's structure is checked above, in Dutch)."""
    people = (COORDINATOR, COORDINATOR_2, DIRECTOR, OUTSIDER, TEACHER, TEACHER_2, TWO_SCHOOL_TEACHER)
    for user_id in people:
        choose_language(slack.services, PLATFORM, user_id, language)
    with speaking(language):
        views, messages = _everything_rendered(slack)
        shown = json.dumps([views, messages], ensure_ascii=False)
        assert slack_plain(t("button_open_case")) in shown and slack_plain(t("home_title")) in shown

    leaks = ("<b>", "</b>", "<person>", "&lt;b&gt;", "&lt;person&gt;", "&amp;lt;", "&amp;amp;", "&lt;@")
    assert [leak for leak in leaks if leak in shown] == []
    for view in views:
        View(**{k: v for k, v in view.items() if k != "id"}).validate_json()
    for blocks in messages:
        for block in Block.parse_all(blocks):
            block.validate_json()
