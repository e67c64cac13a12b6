"""`meldbot demo`: one scripted case through the real app and a fake Slack, shown as each person saw it."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from pydantic import SecretStr
from sqlalchemy import select

from bot.bootstrap import build_services
from bot.config import Settings
from bot.devtools.local import LocalSlack, local_slack
from bot.devtools.render import error_lines, message_lines, view_lines
from bot.documents.dates import show_date
from bot.flows.ports import ManualClock, local_today
from bot.school_config import parse_directory
from bot.slack.ids import Action, Block
from storage import audit_chain
from storage.crypto import generate_key
from storage.models import Case, HelpPlan, Signal

PEOPLE = {
    "UANNA0001": "Anna (leerkracht groep 5)",
    "UBRAM0002": "Bram (leerkracht groep 7)",
    "UZORG0003": "Sanne (zorgcoördinator)",
    "UDIRK0004": "Dirk (directeur)",
}
ANNA, BRAM, SANNE, DIRK = PEOPLE

DEMO_SCHOOLS = f"""
schools:
  - id: linde
    name: "Basisschool De Linde (demo)"
    coordinators: [{SANNE}]
    directors: [{DIRK}]
    members: all
"""


class Narrator:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self._seen: dict[str, int] = {}

    def say(self, text: str) -> None:
        self.out.write(f"\n▶ {text}\n")

    def screen(self, slack: LocalSlack, user_id: str) -> None:
        view = slack.fake.top_modal(user_id)
        if view is not None:
            self._print(user_id, view_lines(view))

    def new_messages(self, slack: LocalSlack) -> None:
        for user_id, name in PEOPLE.items():
            messages = slack.fake.client(user_id).messages
            for message in messages[self._seen.get(user_id, 0) :]:
                self._print(user_id, message_lines(message), heading=f"DM from the bot to {name}")
            self._seen[user_id] = len(messages)

    def updated_message(self, slack: LocalSlack, user_id: str) -> None:
        """The message a button was clicked in, as it reads after the click."""
        message = slack.fake.client(user_id).messages[-1]
        self._print(user_id, message_lines(message), heading=f"The message, updated in {PEOPLE[user_id]}'s DM")

    def errors(self, view: dict[str, Any] | None, errors: dict[str, str]) -> None:
        self._print(ANNA, error_lines(view or {}, errors), heading="Under the fields, in red")

    def _print(self, user_id: str, lines: list[str], heading: str | None = None) -> None:
        self.out.write(f"\n  {heading or 'What ' + PEOPLE.get(user_id, user_id) + ' sees'}:\n")
        for line in lines:
            self.out.write(f"    {line}\n")


@contextmanager
def _demo_app(data_dir: Path) -> Iterator[LocalSlack]:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        meldbot_data_dir=data_dir,
        meldbot_encryption_key=SecretStr(generate_key()),
    )
    # A clock the demo can move forward, to show reminders falling due (time travel).
    clock = ManualClock(datetime.now(UTC))
    services = build_services(settings, clock=clock, directory=parse_directory(DEMO_SCHOOLS, "demo"))
    try:
        with local_slack(services) as slack:
            yield slack
    finally:
        services.db.dispose()


def run_demo(out: TextIO) -> int:
    # The demo speaks for itself; the bot's own log lines would only interleave with it.
    logging.getLogger().setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="meldbot-demo-") as data_dir, _demo_app(Path(data_dir)) as slack:
        _script(slack, Narrator(out))
        _show_storage(slack, out)
    out.write("\nThat was the real app, in HTTP mode, against a local fake of Slack. Nothing left this machine.\n")
    return 0


def _script(slack: LocalSlack, tell: Narrator) -> None:
    driver, now = slack.driver, local_today(slack.services.clock)
    today, tomorrow = now.date().isoformat(), (now + timedelta(days=1)).date().isoformat()
    tell.say(f"{PEOPLE[ANNA]} has a 'niet pluis' feeling and types /meldcode.")
    driver.command(ANNA)
    tell.screen(slack, ANNA)
    tell.say("She answers: a situation at home, no acute danger. The form for the signal opens.")
    driver.submit(ANNA, {Block.ROUTE: "home", Block.ACUTE: "no"})
    tell.screen(slack, ANNA)
    tell.say("She first leaves 'what did you see' blank and picks tomorrow's date: the form says what is wrong.")
    form = slack.fake.top_modal(ANNA)
    refused = driver.submit(ANNA, _signal(tomorrow, observed="   "))
    tell.errors(form, refused.json.get("errors", {}))
    tell.say("She fills it in as facts and submits. The modal confirms; Sanne gets a DM (reference only).")
    driver.submit(ANNA, _signal(today))
    tell.screen(slack, ANNA)
    tell.new_messages(slack)
    tell.say(f"{PEOPLE[SANNE]} clicks 'Open casus': the dossier opens, for her eyes only.")
    driver.click_in_messages(SANNE, Action.OPEN_CASE)
    tell.screen(slack, SANNE)
    tell.say(f"Sanne's message is forwarded to {PEOPLE[BRAM]}, who clicks the same button.")
    driver.click(BRAM, Action.OPEN_CASE, _button_value(slack.fake.client(SANNE).messages[-1]))
    tell.screen(slack, BRAM)
    tell.say("Bram writes about a pupil in the bot's DM instead. The bot does not keep it and says why.")
    driver.write_dm(BRAM, "Ik maak me zorgen over een leerling uit mijn klas")
    tell.new_messages(slack)
    tell.say(
        "Bram registers a concern with acute danger: 112 and Veilig Thuis show at once; Sanne and Dirk are alerted."
    )
    driver.command(BRAM)
    driver.submit(BRAM, {Block.ROUTE: "home", Block.ACUTE: "yes"})
    tell.screen(slack, BRAM)
    tell.new_messages(slack)
    driver.submit(BRAM, _signal(today, pupil_name="Daan Voorbeeld", pupil_group="groep 7"))
    tell.new_messages(slack)
    _work_the_case(slack, tell, today)


def _work_the_case(slack: LocalSlack, tell: Narrator, today: str) -> None:
    """Steps 2 to 5 on Anna's concern: take it, consult, talk, weigh, a help plan, and a melding."""
    driver = slack.driver
    term = (local_today(slack.services.clock) + timedelta(weeks=6)).date().isoformat()
    tell.say("Sanne clicks 'Ik pak dit op' on Anna's case. The case view opens at the step now due.")
    driver.click(SANNE, Action.TAKE_CASE, _case_id(slack, "MC-2026-0001"))
    tell.screen(slack, SANNE)
    tell.new_messages(slack)
    tell.say("Step 2: she records a consultation with the intern begeleider.")
    driver.click_in_modal(SANNE, Action.RECORD_CONSULTATION)
    driver.submit(
        SANNE,
        {
            Block.KIND: "internal_support",
            Block.HELD_ON: today,
            Block.OUTCOME: "Samen besloten eerst met moeder te praten.",
            Block.SPECIAL_FORM: "no",
        },
    )
    tell.say("Step 3: the conversation with the parents, with the kindcheck. Mother agrees to outside advice.")
    driver.click_in_modal(SANNE, Action.RECORD_CONVERSATION)
    driver.submit(
        SANNE,
        {
            Block.WITH_WHOM: "parents",
            Block.HELD_ON: today,
            Block.PARTICIPANTS: "moeder, zorgcoördinator",
            Block.SHARED: "Wat Anna zag bij binnenkomst.",
            Block.REACTION: "Moeder schrok en vertelde over een zware periode.",
            Block.AGREEMENTS: "Moeder staat open voor hulp van het wijkteam.",
            Block.CONSENT: "given",
            Block.HOUSEHOLD: "Een broertje van 2; moeder zorgt alleen.",
        },
    )
    tell.say("Steps 4 and 5: the afwegingskader, one question at a time. She clicks 'Ja' on question 1.")
    driver.click_in_modal(SANNE, Action.ANSWER_YES)
    tell.screen(slack, SANNE)
    driver.submit(SANNE, {Block.RATIONALE: "Herhaalde signalen van verwaarlozing; moeder bevestigt de zorgen."})
    tell.say("Dirk gets one line: the reference and that the weighing runs. Nothing more.")
    tell.new_messages(slack)
    for action, rationale in [
        (Action.ANSWER_NO, "Geen acuut gevaar; moeder werkt mee."),
        (Action.ANSWER_YES, "Het wijkteam kan binnen twee weken starten."),
        (Action.ANSWER_YES, "Moeder heeft ingestemd met het wijkteam."),
    ]:
        driver.click_in_modal(SANNE, action)
        driver.submit(SANNE, {Block.RATIONALE: rationale})
    tell.say("Question 4 is 'ja': help starts. She records the help plan with Bram as casemanager.")
    driver.click_in_modal(SANNE, Action.RECORD_HELP_PLAN)
    driver.submit(
        SANNE,
        {
            Block.TERM: term,
            Block.CASEMANAGER_ID: BRAM,
            Block.TASKS: "Bram: wekelijks kort contact met moeder. Sanne: overleg met het wijkteam.",
            Block.REFERRAL: "Wijkteam",
            Block.AGREEMENTS: "Moeder meldt zich deze week bij het wijkteam.",
        },
    )
    tell.screen(slack, SANNE)
    tell.new_messages(slack)
    _time_passes(slack, tell)
    today = local_today(slack.services.clock).date().isoformat()
    tell.say("Question 5 'nee' means melden under meldnorm 3. Sanne records the melding at Veilig Thuis.")
    driver.click(SANNE, Action.OPEN_CASE, _case_id(slack, "MC-2026-0001"))
    driver.click_in_modal(SANNE, Action.RECORD_REPORT)
    driver.submit(
        SANNE,
        {
            Block.REPORTED_ON: today,
            Block.REPORTED_BY: SANNE,
            Block.CHANNEL: "phone",
            Block.VT_REFERENCE: "VT-DEMO-1",
            Block.OWN_FACTS: "Wat Anna zag, en dat moeder niet bij het wijkteam kwam.",
            Block.PARENTS_INFORMED: "yes",
            Block.PUPIL_INFORMED: "not_applicable",
        },
    )
    tell.screen(slack, SANNE)
    tell.new_messages(slack)
    policy = slack.services.directory.schools[0].deadlines
    _move_to(slack, policy.after_working_days(local_today(slack.services.clock).date(), 5))
    tell.say(f"{_when(slack)}: five working days after the melding. Has Veilig Thuis fed back?")
    tell.new_messages(slack)
    tell.say("Not yet. Sanne clicks 'Nog niet': the bot will ask again in three working days.")
    driver.click_in_messages(SANNE, Action.REMINDER_NOT_YET)
    tell.updated_message(slack, SANNE)
    tell.say("The whole story is in the timeline, page by page; the bot's reminders are part of it.")
    driver.click_in_modal(SANNE, Action.SHOW_TIMELINE)
    tell.screen(slack, SANNE)


def _time_passes(slack: LocalSlack, tell: Narrator) -> None:
    """The clock moves forward: the referral check, then the term of the help plan."""
    driver, policy = slack.driver, slack.services.directory.schools[0].deadlines
    today = local_today(slack.services.clock).date()
    _move_to(slack, policy.after_days(today, policy.referral_check_days))
    tell.say(
        f"Time travel: the demo moves the bot's clock to {_when(slack)}, ten days on. The 30-second sweep "
        "finds the reminders that fell due. Bram, as casemanager, is asked whether the family started."
    )
    tell.new_messages(slack)
    tell.say("Bram clicks 'Gezin is gestart' in the reminder. It is recorded; the message says so.")
    driver.click_in_messages(BRAM, Action.CONFIRM_REFERRAL)
    tell.updated_message(slack, BRAM)
    with slack.services.db.transaction() as session:
        term = session.scalars(select(HelpPlan.term)).one()
    _move_to(slack, policy.on(term))
    tell.say(f"{_when(slack)}: the term of the help plan. Bram and Sanne are asked to evaluate (question 5).")
    tell.new_messages(slack)
    tell.say("Bram answers from the reminder itself: 'Nee', the help did not bring the agreed results.")
    driver.click_in_messages(BRAM, Action.ANSWER_NO)
    tell.screen(slack, BRAM)
    driver.submit(BRAM, {Block.RATIONALE: "Moeder kwam niet bij het wijkteam; de signalen houden aan."})


def _move_to(slack: LocalSlack, moment: datetime) -> None:
    clock = slack.services.clock
    assert isinstance(clock, ManualClock)
    clock.move_to(moment)
    slack.sweep()


def _when(slack: LocalSlack) -> str:
    return show_date(slack.services.clock.now())


def _signal(today: str, **changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        Block.PUPIL_NAME: "Mila Verzonnen",
        Block.PUPIL_GROUP: "groep 5",
        Block.AGE_BAND: "under_12",
        Block.OBSERVED: "Kwam drie dagen op rij zonder jas en zonder ontbijt; zei 'mama slaapt nog'.",
        Block.OBSERVED_ON: today,
        Block.LOCATION: "Klaslokaal, bij binnenkomst",
        Block.SOURCE: "own",
        Block.CATEGORIES: ["physical", "parent"],
        Block.COUNTER_FACTS: "Oogt vrolijk en speelt met klasgenoten.",
    }
    values.update(changes)
    return values


def _case_id(slack: LocalSlack, reference: str) -> str:
    with slack.services.db.transaction() as session:
        return str(session.scalars(select(Case.id).where(Case.reference == reference)).one())


def _button_value(message: dict[str, Any]) -> str:
    return next(e["value"] for b in message["blocks"] if b["type"] == "actions" for e in b["elements"])


def _show_storage(slack: LocalSlack, out: TextIO) -> None:
    with slack.services.db.transaction() as session:
        cases = list(session.scalars(select(Case)))
        signal = session.scalars(select(Signal)).first()
        chain = audit_chain.verify(session)
    out.write("\n▶ In the database (a SQLite file): every name and text is encrypted, field by field.\n")
    for case in cases:
        out.write(
            f"    {case.reference}  state={case.state}  acute={case.acute}  pupil_name={str(case.pupil_name)[:38]}…\n"
        )
    if signal is not None:
        out.write(f"    signal.observed={signal.observed[:38]}…\n")
    state = "intact" if chain.broken is None else f"BROKEN at event {chain.broken.id}"
    out.write(f"    audit trail: {chain.head.count} events, each chained to the one before: {state}\n")
