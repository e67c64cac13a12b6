"""`meldbot demo`: one scripted case through the real app and a fake Slack, shown as each person saw it."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol, TextIO

from markupsafe import Markup
from pydantic import SecretStr
from sqlalchemy import select

from bot.bootstrap import build_services
from bot.catalogue import DEFAULT_LANGUAGE, plain, speaking, t
from bot.config import Settings
from bot.devtools.local import LocalSlack, local_slack
from bot.devtools.render import error_lines, message_lines, view_lines
from bot.documents.dates import show_date
from bot.flows.ports import ManualClock, local_today
from bot.flows.rules.framework import Answer
from bot.flows.services import Services
from bot.flows.vocabulary import Language
from bot.school_config import parse_directory
from bot.slack.ids import Action, Block
from bot.slack.views.buttons import ANSWER_ACTIONS
from storage import audit_chain
from storage.crypto import generate_key
from storage.models import Case, HelpPlan, Signal

# Each person of the demo: their Slack id, and how the narration names them.
PEOPLE = {
    "UANNA0001": "demo_anna",
    "UBRAM0002": "demo_bram",
    "UZORG0003": "demo_sanne",
    "UDIRK0004": "demo_dirk",
}
ANNA, BRAM, SANNE, DIRK = PEOPLE


def schools(language: Language, coordinator: str, director: str) -> str:
    """The demo's school, with these people's ids (a platform's own)."""
    return f"""
schools:
  - id: linde
    name: "Basisschool De Linde (demo)"
    coordinators: [{coordinator}]
    directors: [{director}]
    members: all
    language: {language}
"""


def who(user_id: str, people: dict[str, str] = PEOPLE) -> Markup:
    return t(people[user_id])


def as_read(line: str, people: dict[str, str] = PEOPLE, mark: str = "@") -> str:
    """A person as the platform shows them to the reader: their name (here: their first name)."""
    for user_id in people:
        line = line.replace(f"{mark}{user_id}", mark + plain(who(user_id, people)).split()[0])
    return line


class Storyteller:
    """Tells the demo's story, a sentence of the catalogue at a time."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def say(self, key: str, **values: object) -> None:
        self.out.write(f"\n▶ {plain(t(key, **values))}\n")


class Narrator(Storyteller):
    """The story, and each person's Slack: their top modal, App Home and new messages."""

    def __init__(self, out: TextIO) -> None:
        super().__init__(out)
        self._seen: dict[str, int] = {}

    def screen(self, slack: LocalSlack, user_id: str) -> None:
        view = slack.fake.top_modal(user_id)
        if view is not None:
            self._print(user_id, view_lines(view))

    def home(self, slack: LocalSlack, user_id: str) -> None:
        """The person's App Home, as the bot last drew it for them."""
        view = slack.fake.client(user_id).home
        if view is not None:
            self._print(user_id, view_lines({**view, "title": {"text": plain(t("demo_home"))}}))

    def new_messages(self, slack: LocalSlack) -> None:
        for user_id in PEOPLE:
            name = who(user_id)
            messages = slack.fake.client(user_id).messages
            for message in messages[self._seen.get(user_id, 0) :]:
                self._print(user_id, message_lines(message), heading=t("demo_dm", person=name))
            self._seen[user_id] = len(messages)

    def updated_message(self, slack: LocalSlack, user_id: str) -> None:
        """The message a button was clicked in, as it reads after the click."""
        message = slack.fake.client(user_id).messages[-1]
        self._print(user_id, message_lines(message), heading=t("demo_updated", person=who(user_id)))

    def errors(self, view: dict[str, Any] | None, errors: dict[str, str]) -> None:
        self._print(ANNA, error_lines(view or {}, errors), heading=t("demo_field_errors"))

    def _print(self, user_id: str, lines: list[str], heading: Markup | None = None) -> None:
        self.out.write(f"\n  {plain(heading or t('demo_sees', person=who(user_id)))}:\n")
        for line in lines:
            self.out.write(f"    {as_read(line)}\n")


@contextmanager
def demo_services(data_dir: Path, school_file: str) -> Iterator[Services]:
    """The real services on a SQLite file in `data_dir`, with a clock the demo can move forward, to
    show reminders falling due (time travel)."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        meldbot_data_dir=data_dir,
        meldbot_encryption_key=SecretStr(generate_key()),
    )
    clock = ManualClock(datetime.now(UTC))
    services = build_services(settings, clock=clock, directory=parse_directory(school_file, "demo"))
    try:
        yield services
    finally:
        services.db.dispose()


def run_demo(out: TextIO, language: Language = DEFAULT_LANGUAGE) -> int:
    """The demo in `language`: the school's language, so that every person reads it, and the narration."""
    # The demo speaks for itself; the bot's own log lines would only interleave with it.
    logging.getLogger().setLevel(logging.WARNING)
    with (
        speaking(language),
        tempfile.TemporaryDirectory(prefix="meldbot-demo-") as data_dir,
        demo_services(Path(data_dir), schools(language, SANNE, DIRK)) as services,
        local_slack(services) as slack,
    ):
        _script(slack, Narrator(out))
        show_storage(slack.services, out)
        out.write(f"\n{plain(t('demo_end'))}\n")
    return 0


def _script(slack: LocalSlack, tell: Narrator) -> None:
    driver, now = slack.driver, local_today(slack.services.clock)
    today, tomorrow = now.date().isoformat(), (now + timedelta(days=1)).date().isoformat()
    tell.say("demo_anna_starts", anna=who(ANNA))
    driver.command(ANNA)
    tell.screen(slack, ANNA)
    tell.say("demo_route")
    driver.submit(ANNA, {Block.ROUTE: "home", Block.ACUTE: "no"})
    tell.screen(slack, ANNA)
    tell.say("demo_invalid")
    form = slack.fake.top_modal(ANNA)
    refused = driver.submit(ANNA, signal(tomorrow, observed="   "))
    tell.errors(form, refused.json.get("errors", {}))
    tell.say("demo_submitted")
    driver.submit(ANNA, signal(today))
    tell.screen(slack, ANNA)
    tell.new_messages(slack)
    tell.say("demo_open_case", sanne=who(SANNE))
    driver.click_in_messages(SANNE, Action.OPEN_CASE)
    tell.screen(slack, SANNE)
    tell.say("demo_forwarded", bram=who(BRAM))
    driver.click(BRAM, Action.OPEN_CASE, _button_value(slack.fake.client(SANNE).messages[-1]))
    tell.screen(slack, BRAM)
    tell.say("demo_free_text")
    driver.write_dm(BRAM, typed("demo_typed_dm"))
    tell.new_messages(slack)
    tell.say("demo_acute")
    driver.command(BRAM)
    driver.submit(BRAM, {Block.ROUTE: "home", Block.ACUTE: "yes"})
    tell.screen(slack, BRAM)
    tell.new_messages(slack)
    driver.submit(BRAM, signal(today, pupil_name="Daan Voorbeeld", pupil_group=typed("demo_typed_group_daan")))
    tell.new_messages(slack)
    _work_the_case(slack, tell, today)


def _work_the_case(slack: LocalSlack, tell: Narrator, today: str) -> None:
    """Steps 2 to 5 on Anna's concern: take it, consult, talk, weigh, a help plan, and a melding."""
    driver = slack.driver
    term = (local_today(slack.services.clock) + timedelta(weeks=6)).date().isoformat()
    tell.say("demo_take")
    driver.click(SANNE, Action.TAKE_CASE, _case_id(slack, "MC-2026-0001"))
    tell.screen(slack, SANNE)
    tell.new_messages(slack)
    tell.say("demo_step_2")
    driver.click_in_modal(SANNE, Action.RECORD_CONSULTATION)
    driver.submit(SANNE, consultation(today))
    tell.say("demo_step_3")
    driver.click_in_modal(SANNE, Action.RECORD_CONVERSATION)
    driver.submit(SANNE, conversation(today))
    tell.say("demo_weighing")
    driver.click_in_modal(SANNE, Action.ANSWER_YES)
    tell.screen(slack, SANNE)
    driver.submit(SANNE, {Block.RATIONALE: typed("demo_typed_rationale_1")})
    tell.say("demo_director")
    tell.new_messages(slack)
    for answer, rationale in WEIGHING:
        driver.click_in_modal(SANNE, ANSWER_ACTIONS[answer])
        driver.submit(SANNE, {Block.RATIONALE: typed(rationale)})
    tell.say("demo_help_plan")
    driver.click_in_modal(SANNE, Action.RECORD_HELP_PLAN)
    driver.submit(SANNE, help_plan(term, BRAM))
    tell.screen(slack, SANNE)
    tell.new_messages(slack)
    _time_passes(slack, tell)
    today = local_today(slack.services.clock).date().isoformat()
    tell.say("demo_report")
    driver.click(SANNE, Action.OPEN_CASE, _case_id(slack, "MC-2026-0001"))
    driver.click_in_modal(SANNE, Action.RECORD_REPORT)
    driver.submit(SANNE, report(today, SANNE))
    tell.screen(slack, SANNE)
    tell.new_messages(slack)
    policy = slack.services.directory.schools[0].deadlines
    move_to(slack, policy.after_working_days(local_today(slack.services.clock).date(), 5))
    tell.say("demo_feedback_due", date=when(slack))
    tell.new_messages(slack)
    tell.say("demo_not_yet")
    driver.click_in_messages(SANNE, Action.REMINDER_NOT_YET)
    tell.updated_message(slack, SANNE)
    tell.say("demo_timeline")
    driver.click_in_modal(SANNE, Action.SHOW_TIMELINE)
    tell.screen(slack, SANNE)
    _the_desk(slack, tell)


def _the_desk(slack: LocalSlack, tell: Narrator) -> None:
    """Sanne's App Home: her desk of open cases, then the school's interne evaluatie."""
    tell.say("demo_desk")
    slack.driver.open_home(SANNE)
    tell.home(slack, SANNE)
    tell.say("demo_evaluation_opened")
    slack.driver.click_in_home(SANNE, Action.OPEN_EVALUATION)
    tell.screen(slack, SANNE)


def _time_passes(slack: LocalSlack, tell: Narrator) -> None:
    """The clock moves forward: the referral check, then the term of the help plan."""
    driver, policy = slack.driver, slack.services.directory.schools[0].deadlines
    today = local_today(slack.services.clock).date()
    move_to(slack, policy.after_days(today, policy.referral_check_days))
    tell.say("demo_referral_due", date=when(slack))
    tell.new_messages(slack)
    tell.say("demo_referral_confirmed")
    driver.click_in_messages(BRAM, Action.CONFIRM_REFERRAL)
    tell.updated_message(slack, BRAM)
    with slack.services.db.transaction() as session:
        term = session.scalars(select(HelpPlan.term)).one()
    move_to(slack, policy.on(term))
    tell.say("demo_term", date=when(slack))
    tell.new_messages(slack)
    tell.say("demo_evaluation")
    driver.click_in_messages(BRAM, Action.ANSWER_NO)
    tell.screen(slack, BRAM)
    driver.submit(BRAM, {Block.RATIONALE: typed("demo_typed_rationale_5")})


class Harness(Protocol):
    """The app served locally on either platform: its services, and the scheduler's sweep."""

    services: Services

    def sweep(self) -> object: ...


def move_to(harness: Harness, moment: datetime) -> None:
    """Time travel: the bot's clock to `moment`, and the sweep that finds what is now due."""
    clock = harness.services.clock
    assert isinstance(clock, ManualClock)
    clock.move_to(moment)
    harness.sweep()


def when(harness: Harness) -> str:
    return show_date(harness.services.clock.now())


# What Sanne answers to questions 2 to 4 after question 1's "ja", and why (question 1: demo_typed_rationale_1).
WEIGHING = (
    (Answer.NO, "demo_typed_rationale_2"),
    (Answer.YES, "demo_typed_rationale_3"),
    (Answer.YES, "demo_typed_rationale_4"),
)


def signal(today: str, **changes: Any) -> dict[str, Any]:
    """What Anna fills in (each form's values by field; a choice of several as a list)."""
    values: dict[str, Any] = {
        Block.PUPIL_NAME: "Mila Verzonnen",
        Block.PUPIL_GROUP: typed("demo_typed_group_mila"),
        Block.AGE_BAND: "under_12",
        Block.OBSERVED: typed("demo_typed_observed"),
        Block.OBSERVED_ON: today,
        Block.LOCATION: typed("demo_typed_location"),
        Block.SOURCE: "own",
        Block.CATEGORIES: ["physical", "parent"],
        Block.COUNTER_FACTS: typed("demo_typed_counter_facts"),
    }
    values.update(changes)
    return values


def consultation(today: str) -> dict[str, Any]:
    return {
        Block.KIND: "internal_support",
        Block.HELD_ON: today,
        Block.OUTCOME: typed("demo_typed_consultation"),
        Block.SPECIAL_FORM: "no",
    }


def conversation(today: str) -> dict[str, Any]:
    return {
        Block.WITH_WHOM: "parents",
        Block.HELD_ON: today,
        Block.PARTICIPANTS: typed("demo_typed_participants"),
        Block.SHARED: typed("demo_typed_shared"),
        Block.REACTION: typed("demo_typed_reaction"),
        Block.AGREEMENTS: typed("demo_typed_agreements"),
        Block.CONSENT: "given",
        Block.HOUSEHOLD: typed("demo_typed_household"),
    }


def help_plan(term: str, casemanager: str) -> dict[str, Any]:
    return {
        Block.TERM: term,
        Block.CASEMANAGER_ID: casemanager,
        Block.TASKS: typed("demo_typed_tasks"),
        Block.REFERRAL: typed("demo_typed_referral"),
        Block.AGREEMENTS: typed("demo_typed_parent_agreements"),
    }


def report(today: str, reporter: str) -> dict[str, Any]:
    return {
        Block.REPORTED_ON: today,
        Block.REPORTED_BY: reporter,
        Block.CHANNEL: "phone",
        Block.VT_REFERENCE: "VT-DEMO-1",
        Block.OWN_FACTS: typed("demo_typed_own_facts"),
        Block.PARENTS_INFORMED: "yes",
        Block.PUPIL_INFORMED: "not_applicable",
        Block.REFERENCE_INDEX: "left_to_others",
        Block.REFERENCE_INDEX_REASON: typed("demo_typed_reference_index"),
    }


def typed(key: str) -> str:
    """What a person of the demo types, in the demo's language."""
    return plain(t(key))


def _case_id(slack: LocalSlack, reference: str) -> str:
    with slack.services.db.transaction() as session:
        return str(session.scalars(select(Case.id).where(Case.reference == reference)).one())


def _button_value(message: dict[str, Any]) -> str:
    return next(e["value"] for b in message["blocks"] if b["type"] == "actions" for e in b["elements"])


def show_storage(services: Services, out: TextIO) -> None:
    """What the database holds: encrypted names and texts, and the audit trail's chain."""
    with services.db.transaction() as session:
        cases = list(session.scalars(select(Case)))
        signal = session.scalars(select(Signal)).first()
        chain = audit_chain.verify(session)
    out.write(f"\n▶ {plain(t('demo_storage'))}\n")
    for case in cases:
        out.write(
            f"    {case.reference}  state={case.state}  acute={case.acute}  pupil_name={str(case.pupil_name)[:38]}…\n"
        )
    if signal is not None:
        out.write(f"    signal.observed={signal.observed[:38]}…\n")
    state = t("demo_audit_intact") if chain.broken is None else t("demo_audit_broken", id=chain.broken.id)
    out.write(f"    {plain(t('demo_audit', count=chain.head.count, state=state))}\n")
