"""A school's reporters from a Slack user group: read at start, changed by Slack's event, and in force
at the next click in every process; who leaves the group is out at once, even while Slack's API is down."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.bootstrap import build_services
from bot.config import Settings
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.local import LocalSlack, local_slack
from bot.documents.dialogs import Form
from bot.flows.ports import ManualClock
from bot.flows.services import Services
from bot.flows.vocabulary import Role
from storage.crypto import generate_key
from storage.models import AuditEvent, Case
from tests.conftest import SCHOOLS_YAML, TEACHER, TEACHER_2, TWO_SCHOOL_TEACHER
from tests.e2e.steps import register
from tests.e2e.test_registration import count, modal_text
from tests.shown import in_mrkdwn

GROUP = "SLINDE001"
LIST = f"members: [{TEACHER}, {TEACHER_2}, {TWO_SCHOOL_TEACHER}]"
GROUP_YAML = SCHOOLS_YAML.replace(LIST, f"members:\n      usergroup: {GROUP}", 1)


@contextmanager
def process(tmp_path: Path, clock: ManualClock, fake: FakeSlack, key: str) -> Iterator[LocalSlack]:
    """One bot process on the shared database and meldbot.yml, against its own fake Slack."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        meldbot_data_dir=tmp_path / "data",
        meldbot_config=tmp_path / "meldbot.yml",
        meldbot_encryption_key=key,
    )
    services = build_services(settings, clock=clock)
    try:
        with local_slack(services, fake) as running:
            yield running
    finally:
        services.db.dispose()


@dataclass
class School:
    slack: LocalSlack
    start_another: Callable[[FakeSlack], AbstractContextManager[LocalSlack]]


@pytest.fixture
def school(tmp_path: Path, clock: ManualClock) -> Iterator[School]:
    assert GROUP_YAML != SCHOOLS_YAML
    (tmp_path / "meldbot.yml").write_text(GROUP_YAML, encoding="utf-8")
    fake = FakeSlack()
    fake.user_groups[GROUP] = [TEACHER]
    key = generate_key()
    with process(tmp_path, clock, fake, key) as running:
        wait_for_reporters(running.services, {TEACHER})
        yield School(running, lambda other: process(tmp_path, clock, other, key))


def wait_for_reporters(services: Services, expected: set[str]) -> None:
    """Until the bot's own read at start has landed (it runs beside serving)."""
    deadline = time.monotonic() + 10
    while reporters(services) != expected:
        assert time.monotonic() < deadline, f"the reporters stayed {reporters(services)}"
        time.sleep(0.02)


def reporters(services: Services) -> set[str]:
    candidates = (TEACHER, TEACHER_2, TWO_SCHOOL_TEACHER)
    return {u for u in candidates if Role.REPORTER in services.directory.roles_of(u, "linde")}


def may_start(slack: LocalSlack, user_id: str) -> bool:
    """The user's click on /meldcode: the intake form, or the refusal for someone of no school."""
    slack.driver.command(user_id)
    top = slack.fake.top_modal(user_id) or {}
    refused = in_mrkdwn("error_not_a_member") in modal_text(top)
    assert refused == (top.get("callback_id") == Form.INFO)
    return not refused


def role_changes(slack: LocalSlack) -> list[tuple[str, str, str]]:
    """The reporter roles granted and taken away at De Linde, in order."""
    with slack.services.db.transaction() as session:
        events = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action.in_(("role_granted", "role_revoked")), AuditEvent.school_id == "linde")
            .order_by(AuditEvent.id)
        ).all()
    return [(e.action, e.detail["subject"], e.detail["role"]) for e in events if e.detail["role"] == "reporter"]


def test_a_user_group_change_takes_effect_at_the_next_click(school: School) -> None:
    slack = school.slack
    assert [c.params["usergroup"] for c in slack.fake.calls_to("usergroups.users.list")] == [GROUP]
    assert may_start(slack, TEACHER) and not may_start(slack, TEACHER_2)
    register(slack.driver, TEACHER)
    assert count(slack, Case) == 1

    slack.driver.event(slack.fake.change_group(GROUP, [TEACHER_2]))

    assert not may_start(slack, TEACHER)
    register(slack.driver, TEACHER_2, pupil_name="Joris Verzonnen")
    assert count(slack, Case) == 2
    # Read at start, then who left (from the event itself), then who joined (from the list read after it).
    assert role_changes(slack) == [
        ("role_granted", TEACHER, "reporter"),
        ("role_revoked", TEACHER, "reporter"),
        ("role_granted", TEACHER_2, "reporter"),
    ]


def test_another_process_sees_the_change_at_its_next_click_without_hearing_the_event(school: School) -> None:
    first = school.slack
    other_fake = FakeSlack()
    other_fake.user_groups = first.fake.user_groups  # the same workspace
    with school.start_another(other_fake) as second:
        assert may_start(second, TEACHER)

        first.driver.event(first.fake.change_group(GROUP, [TEACHER_2]))

        assert not may_start(second, TEACHER) and may_start(second, TEACHER_2)
    # The second read nothing itself: the first had read the group within the hour.
    assert other_fake.calls_to("usergroups.users.list") == []


def test_who_leaves_is_out_at_once_even_while_slack_cannot_list_the_group(
    school: School, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    slack = school.slack
    slack.fake.fail("usergroups.users.list", status=200, error="ratelimited", times=2)

    slack.driver.event(slack.fake.change_group(GROUP, [TEACHER_2]))

    # Leaving needs no list; joining waits for one: access is never granted on a guess.
    assert not may_start(slack, TEACHER) and not may_start(slack, TEACHER_2)
    warnings = [r.getMessage() for r in caplog.records if r.name == "bot.slack.member_groups"]
    assert warnings == [
        f"could not read user group {GROUP} (ratelimited); its members stay as last read, and it is tried again "
        "in 1 minute(s)"
    ]

    slack.fake.heal()
    slack.bot.call(slack.bot.groups.read_due)  # read within the hour: not read again yet
    assert not may_start(slack, TEACHER_2)
    clock.advance(timedelta(hours=1))
    slack.bot.call(slack.bot.groups.read_due)
    assert may_start(slack, TEACHER_2)


def test_the_hourly_read_heals_an_event_that_never_came_and_other_groups_are_left_alone(
    school: School, clock: ManualClock
) -> None:
    slack = school.slack
    slack.fake.change_group(GROUP, [TEACHER, TEACHER_2])  # the bot was down: no event
    slack.driver.event(slack.fake.change_group("SOTHER001", [TEACHER_2]))
    assert not may_start(slack, TEACHER_2)

    clock.advance(timedelta(minutes=61))
    slack.bot.call(slack.bot.groups.read_due)

    assert may_start(slack, TEACHER_2)
    assert {c.params["usergroup"] for c in slack.fake.calls_to("usergroups.users.list")} == {GROUP}


def test_a_disabled_or_deleted_group_lets_nobody_report(school: School) -> None:
    slack = school.slack
    slack.driver.event({"type": "subteam_updated", "subteam": {"id": GROUP, "date_delete": 1733300000}})
    assert not may_start(slack, TEACHER)

    slack.fake.user_groups[GROUP] = [TEACHER]
    slack.driver.event({"type": "subteam_updated", "subteam": {"id": GROUP, "date_delete": 0}})
    assert may_start(slack, TEACHER)

    del slack.fake.user_groups[GROUP]  # Slack no longer knows it
    slack.driver.event({"type": "subteam_updated", "subteam": {"id": GROUP, "date_delete": 0}})
    assert not may_start(slack, TEACHER)


def test_a_group_slack_will_not_list_is_asked_about_less_and_less_often_until_the_hour(
    school: School, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    slack = school.slack
    slack.fake.fail("usergroups.users.list", status=200, error="missing_scope", times=20)
    clock.advance(timedelta(hours=1))  # the group is due again

    def attempts() -> int:
        return len([c for c in slack.fake.calls if c.method == "usergroups.users.list"])

    before = attempts()
    tried = []
    for _ in range(10):  # ten rounds, a minute apart
        slack.bot.call(slack.bot.groups.read_due)
        tried.append(attempts() - before)
        clock.advance(timedelta(minutes=1))

    # Tried at once, then 1, 2 and 4 minutes after each failure (minutes 0, 1, 3 and 7): not every round.
    assert tried == [1, 2, 2, 3, 3, 3, 3, 4, 4, 4]
    assert len([r for r in caplog.records if r.name == "bot.slack.member_groups"]) == 4
    assert may_start(slack, TEACHER)  # what was last read still holds
