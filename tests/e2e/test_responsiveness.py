"""The answer to Slack never waits for Slack: every request is acknowledged while the Web API hangs,
and one person's hanging call holds up nobody else's answer or modal."""

from __future__ import annotations

import json

from bot.devtools.driver import SlackDriver
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.local import SIGNING_SECRET, LocalSlack, local_slack
from bot.flows.services import Services
from bot.slack.ids import Action
from tests.conftest import COORDINATOR, TEACHER
from tests.e2e.casework import case_id
from tests.e2e.steps import register, signal_values, start_intake
from tests.shown import in_mrkdwn


def _unsettled(slack: LocalSlack) -> SlackDriver:
    """A driver that returns as soon as the app answers, without waiting for what it does after."""
    return SlackDriver(slack.driver.app_url, SIGNING_SECRET, slack.fake)


def test_every_kind_of_request_is_answered_while_slack_holds_every_web_api_call(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER, pupil_name="Eerste Verzonnen")
    case = case_id(slack)
    start_intake(slack.driver, TEACHER)  # the signal form for a second concern is open
    driver, gate = _unsettled(slack), slack.fake.hold()
    try:
        command = driver.command(TEACHER)
        click = driver.click(COORDINATOR, Action.OPEN_CASE, case)
        home = driver.open_home(COORDINATOR)
        submission = driver.submit(TEACHER, signal_values(pupil_name="Tweede Verzonnen"))

        # Each was answered (the submission stored first: its answer names the new case) ...
        assert [r.status for r in (command, click, home, submission)] == [200, 200, 200, 200]
        registered = in_mrkdwn("registered_new", reference="MC-2026-0002")
        assert submission.json["response_action"] == "update"
        assert registered in json.dumps(submission.json["view"], ensure_ascii=False)
        # ... while what each set off still waits for Slack.
        slack.fake.wait_until(lambda: {"views.open", "views.publish", "chat.postMessage"} <= set(slack.fake.held))
    finally:
        gate.set()
    slack.driver.settle()
    assert slack.fake.top_modal(COORDINATOR) is not None and slack.fake.client(COORDINATOR).home is not None
    notices = [m["text"] for m in slack.fake.client(COORDINATOR).messages]
    assert in_mrkdwn("notice_case_registered", reference="MC-2026-0002") in notices


def test_a_hanging_call_for_one_person_holds_up_nobody_elses_answer_or_modal(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)
    case = case_id(slack)
    slack.driver.close(TEACHER)
    driver, gate = _unsettled(slack), slack.fake.hold(user_id=COORDINATOR)
    try:
        assert driver.click(COORDINATOR, Action.OPEN_CASE, case).status == 200
        slack.fake.wait_until(lambda: "views.open" in slack.fake.held)  # the coordinator's modal hangs in Slack

        assert driver.command(TEACHER).status == 200
        slack.fake.wait_until(lambda: slack.fake.top_modal(TEACHER) is not None)  # the teacher's opens meanwhile
        assert slack.fake.top_modal(COORDINATOR) is None and "views.open" in slack.fake.held
    finally:
        gate.set()
    slack.fake.wait_until(lambda: slack.fake.top_modal(COORDINATOR) is not None)


def test_the_bot_asks_slack_who_it_is_at_start_so_no_click_waits_for_that(slack: LocalSlack) -> None:
    assert len(slack.fake.calls_to("auth.test")) == 1  # before any request came in
    register(slack.driver, TEACHER)
    slack.driver.open_home(COORDINATOR)
    assert len(slack.fake.calls_to("auth.test")) == 1


def test_the_first_request_asks_who_the_bot_is_when_slack_was_away_at_start(sqlite_services: Services) -> None:
    fake = FakeSlack()
    fake.fail("auth.test", status=503)
    with local_slack(sqlite_services, fake) as slack:
        assert slack.fake.calls_to("auth.test") == []
        register(slack.driver, TEACHER)
        assert len(slack.fake.calls_to("auth.test")) == 1 and slack.fake.client(TEACHER).messages


def test_web_api_calls_reuse_a_few_open_connections(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)
    case = case_id(slack)
    before = slack.fake.connections
    for _ in range(10):  # one after another: each may reuse the connection the one before used
        slack.driver.click(COORDINATOR, Action.OPEN_CASE, case)
        slack.driver.open_home(COORDINATOR)

    assert len(slack.fake.calls) > 20 and slack.fake.connections - before <= 2
