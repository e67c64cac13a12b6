"""`meldbot demo --platform teams`: the demo's case through the real app and a fake Bot Connector,
as each person sees it in Teams: the cards in their chat with the bot, and the dialogs it opens.

With `--json`, every card and dialog shown is also one JSON object per line on stdout (the
narration then goes to stderr), so that other tools can check them.
"""

from __future__ import annotations

import json
import logging
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

from markupsafe import Markup
from sqlalchemy import select

from bot.catalogue import DEFAULT_LANGUAGE, plain, speaking, t
from bot.demo import (
    WEIGHING,
    Storyteller,
    consultation,
    conversation,
    demo_services,
    help_plan,
    move_to,
    report,
    schools,
    show_storage,
    signal,
    typed,
    when,
    who,
)
from bot.devtools.local_teams import LocalTeams, Opened, button_in, local_teams
from bot.devtools.render import card_lines, dialog_lines, message_in_chat
from bot.documents.notices import Does
from bot.flows.ports import local_today
from bot.flows.rules.framework import Answer
from bot.flows.vocabulary import DossierPart, Language
from bot.teams.files import CONSENT
from storage.models import HelpPlan

ADAPTIVE = "application/vnd.microsoft.card.adaptive"

# The demo's people in Teams: invented Entra object ids, and how the narration names them.
PEOPLE = {
    "0a1b2c3d-0001-4a00-8a00-000000000a01": "demo_anna",
    "0a1b2c3d-0002-4a00-8a00-000000000b02": "demo_bram",
    "0a1b2c3d-0003-4a00-8a00-000000000c03": "demo_sanne",
    "0a1b2c3d-0004-4a00-8a00-000000000d04": "demo_dirk",
}
ANNA, BRAM, SANNE, DIRK = PEOPLE


class Narrator(Storyteller):
    """Tells the story (to `out`), shows each screen, and with `cards` writes each card as JSON."""

    def __init__(self, out: TextIO, cards: TextIO | None) -> None:
        super().__init__(out)
        self.cards = cards
        self._seen: dict[str, int] = {}

    def dialog(self, user_id: str, opened: Opened) -> Opened:
        self._show(user_id, "dialog", opened.card, dialog_lines(opened.title, opened.card), title=opened.title)
        return opened

    def new_cards(self, teams: LocalTeams) -> None:
        for user_id in PEOPLE:
            messages = teams.messages(user_id)
            for message in messages[self._seen.get(user_id, 0) :]:
                heading = t("demo_dm", person=who(user_id, PEOPLE))
                (attachment,) = message.get("attachments") or [{}]
                card = attachment.get("content") if attachment.get("contentType") == ADAPTIVE else None
                self._show(user_id, "card", card, message_in_chat(message), heading=heading)
            self._seen[user_id] = len(messages)

    def skip_cards(self, teams: LocalTeams) -> None:
        """What is in the chats now is not shown (the greetings of those who only install the app)."""
        self._seen = {user_id: len(teams.messages(user_id)) for user_id in PEOPLE}

    def updated(self, user_id: str, card: dict[str, Any]) -> None:
        self._show(user_id, "card", card, card_lines(card), heading=t("demo_updated", person=who(user_id, PEOPLE)))

    def _show(self, user_id: str, surface: str, card: dict[str, Any] | None, lines: list[str],
              heading: Markup | None = None, title: str | None = None) -> None:  # fmt: skip
        """Shown to the reader; with `cards`, an Adaptive Card (not a file, nor a text) also as JSON."""
        self.out.write(f"\n  {plain(heading or t('demo_sees', person=who(user_id, PEOPLE)))}:\n")
        for line in lines:
            self.out.write(f"    {line}\n")
        if self.cards is not None and card is not None:
            person = plain(who(user_id, PEOPLE))
            shown = {"person": user_id, "name": person, "surface": surface, "title": title, "card": card}
            self.cards.write(json.dumps(shown, ensure_ascii=False) + "\n")


def run_teams_demo(out: TextIO, err: TextIO, language: Language = DEFAULT_LANGUAGE, *, as_json: bool = False) -> int:
    logging.getLogger().setLevel(logging.WARNING)  # the demo speaks for itself
    tell = Narrator(err, out) if as_json else Narrator(out, None)
    with (
        speaking(language),
        tempfile.TemporaryDirectory(prefix="meldbot-demo-") as data_dir,
        demo_services(Path(data_dir), schools(language, SANNE, DIRK)) as services,
        local_teams(services) as teams,
    ):
        _script(teams, tell)
        show_storage(services, tell.out)
        tell.out.write(f"\n{plain(t('demo_end_teams'))}\n")
    return 0


def _fields(values: dict[str, Any]) -> dict[str, str]:
    """A form's values as a Teams dialog sends them: by field, several choices joined by commas."""
    return {str(k): ",".join(v) if isinstance(v, list) else str(v) for k, v in values.items()}


def _script(teams: LocalTeams, tell: Narrator) -> None:
    driver, now = teams.driver, local_today(teams.services.clock)
    today, tomorrow = now.date().isoformat(), (now + timedelta(days=1)).date().isoformat()
    # Each as Teams names them to the bot (here: their first names).
    driver.names.update({user_id: plain(who(user_id, PEOPLE)).split()[0] for user_id in PEOPLE})
    for user_id in (BRAM, SANNE, DIRK):  # the app is installed for the school's staff
        driver.install(user_id)
    teams.flush()
    tell.skip_cards(teams)
    tell.say("demo_anna_starts_teams", anna=who(ANNA, PEOPLE))
    driver.install(ANNA)
    teams.flush()
    tell.new_cards(teams)
    intake = tell.dialog(ANNA, driver.click(ANNA, button_in(teams.chat(ANNA)[-1], Does.START_REGISTRATION)))
    tell.say("demo_route")
    form = tell.dialog(ANNA, driver.submit(ANNA, intake, route="home", acute="no"))
    tell.say("demo_invalid")
    form = tell.dialog(ANNA, driver.submit(ANNA, form, **_fields(signal(tomorrow, observed="   "))))
    tell.say("demo_submitted")
    tell.dialog(ANNA, driver.submit(ANNA, form, **_fields(signal(today))))
    teams.flush()
    tell.new_cards(teams)
    notice = teams.chat(SANNE)[-1]
    tell.say("demo_open_case", sanne=who(SANNE, PEOPLE))
    tell.dialog(SANNE, driver.click(SANNE, button_in(notice, Does.OPEN_CASE)))
    tell.say("demo_forwarded", bram=who(BRAM, PEOPLE))
    tell.dialog(BRAM, driver.click(BRAM, button_in(notice, Does.OPEN_CASE)))
    tell.say("demo_free_text")
    driver.write(BRAM, typed("demo_typed_dm"))
    teams.flush()
    tell.new_cards(teams)
    tell.say("demo_acute")
    intake = driver.click(BRAM, button_in(teams.chat(BRAM)[-1], Does.START_REGISTRATION))
    form = tell.dialog(BRAM, driver.submit(BRAM, intake, route="home", acute="yes"))
    daan = signal(today, pupil_name="Daan Voorbeeld", pupil_group=typed("demo_typed_group_daan"))
    driver.submit(BRAM, form, **_fields(daan))
    teams.flush()
    tell.new_cards(teams)
    _work_the_case(teams, tell, notice, today)


def _work_the_case(teams: LocalTeams, tell: Narrator, notice: dict[str, Any], today: str) -> None:
    """Steps 2 to 5 on Anna's concern: take it, consult, talk, weigh, a help plan, and a melding."""
    driver = teams.driver
    term = (local_today(teams.services.clock) + timedelta(weeks=6)).date().isoformat()
    tell.say("demo_take")
    case = tell.dialog(SANNE, driver.click(SANNE, button_in(notice, Does.TAKE_CASE)))
    teams.flush()
    tell.new_cards(teams)
    tell.say("demo_step_2")
    case = driver.submit(SANNE, driver.press(SANNE, case, Does.RECORD_CONSULTATION), **_fields(consultation(today)))
    tell.say("demo_step_3")
    case = driver.submit(SANNE, driver.press(SANNE, case, Does.RECORD_CONVERSATION), **_fields(conversation(today)))
    tell.say("demo_weighing")
    form = tell.dialog(SANNE, driver.press(SANNE, case, Does.ANSWER, Answer.YES))
    case = driver.submit(SANNE, form, rationale=typed("demo_typed_rationale_1"))
    tell.say("demo_director")
    teams.flush()
    tell.new_cards(teams)
    for answer, rationale in WEIGHING:
        case = driver.submit(SANNE, driver.press(SANNE, case, Does.ANSWER, answer), rationale=typed(rationale))
    tell.say("demo_help_plan")
    form = driver.press(SANNE, case, Does.RECORD_HELP_PLAN)
    tell.dialog(SANNE, driver.submit(SANNE, form, **_fields(help_plan(term, BRAM))))
    teams.flush()
    tell.new_cards(teams)
    _time_passes(teams, tell)
    tell.say("demo_report")
    case = driver.click(SANNE, button_in(notice, Does.OPEN_CASE))
    form = driver.press(SANNE, case, Does.RECORD_REPORT)
    today = local_today(teams.services.clock).date().isoformat()
    case = tell.dialog(SANNE, driver.submit(SANNE, form, **_fields(report(today, SANNE))))
    teams.flush()
    tell.new_cards(teams)
    policy = teams.services.directory.schools[0].deadlines
    move_to(teams, policy.after_working_days(local_today(teams.services.clock).date(), 5))
    tell.say("demo_feedback_due", date=when(teams))
    tell.new_cards(teams)
    tell.say("demo_not_yet")
    put_off = driver.execute(SANNE, button_in(teams.chat(SANNE)[-1], Does.NOT_YET))
    tell.updated(SANNE, put_off["value"])
    tell.say("demo_timeline")
    timeline = next(b for b in case.buttons if b["data"]["value"].endswith(f":{DossierPart.TIMELINE.value}:0"))
    tell.dialog(SANNE, Opened.of(driver.invoke(SANNE, "task/submit", timeline["data"])))
    tell.say("demo_export_teams")
    form = tell.dialog(SANNE, driver.press(SANNE, case, Does.EXPORT_CASE))
    tell.dialog(SANNE, driver.submit(SANNE, form, export_document="dossier"))
    tell.new_cards(teams)
    tell.say("demo_export_allowed")
    (offer,) = [a for m in teams.messages(SANNE) for a in m.get("attachments") or [] if a["contentType"] == CONSENT]
    driver.consent(SANNE, offer)
    tell.new_cards(teams)
    tell.say("demo_desk_teams")
    tell.dialog(SANNE, driver.click(SANNE, button_in(teams.chat(SANNE)[0], Does.MY_CASES)))


def _time_passes(teams: LocalTeams, tell: Narrator) -> None:
    """The clock moves forward: the referral check, then the term of the help plan."""
    driver, policy = teams.driver, teams.services.directory.schools[0].deadlines
    move_to(teams, policy.after_days(local_today(teams.services.clock).date(), policy.referral_check_days))
    tell.say("demo_referral_due", date=when(teams))
    tell.new_cards(teams)
    tell.say("demo_referral_confirmed")
    confirmed = driver.execute(BRAM, button_in(teams.chat(BRAM)[-1], Does.CONFIRM_REFERRAL))
    tell.updated(BRAM, confirmed["value"])
    with teams.services.db.transaction() as session:
        term = session.scalars(select(HelpPlan.term)).one()
    move_to(teams, policy.on(term))
    tell.say("demo_term", date=when(teams))
    tell.new_cards(teams)
    tell.say("demo_evaluation")
    form = tell.dialog(BRAM, driver.click(BRAM, button_in(teams.chat(BRAM)[-1], Does.ANSWER, Answer.NO)))
    driver.submit(BRAM, form, rationale=typed("demo_typed_rationale_5"))
