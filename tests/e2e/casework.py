"""What a coordinator does in Slack to take a case through steps 2 to 5, as reusable e2e steps."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.devtools.driver import Response
from bot.devtools.local import LocalSlack, local_slack
from bot.flows.ports import ManualClock
from bot.flows.rules.framework import Answer
from bot.school_config import parse_directory
from bot.slack.ids import Action, Block
from bot.slack.views.buttons import ANSWER_ACTIONS
from storage.models import Case
from tests.conftest import ADMIN, COORDINATOR, SCHOOLS_YAML, TEACHER, TEACHER_2, make_services
from tests.e2e.steps import COUNTER_FACTS, LOCATION, OBSERVED, PUPIL_NAME, register
from tests.shown import in_mrkdwn

# Invented texts typed by the coordinator; marker-like so that a leak is easy to find.
RATIONALE = "Onderbouwing-Geheim: blauwe plekken passen niet bij de uitleg van moeder."
OWN_FACTS = "Eigen-Feiten-Geheim: zelf gezien op 13 november."
TASKS = "Taken-Geheim: mentor belt wekelijks met moeder."
INDEX_REASON = "Verwijsindex-Geheim: Veilig Thuis beslist daarover."
SECRETS = (PUPIL_NAME, OBSERVED, LOCATION, COUNTER_FACTS, RATIONALE, OWN_FACTS, TASKS, INDEX_REASON)

REPORT, PLAN, FEEDBACK, CLOSE = "report", "plan", "feedback", "close"

CONSULTATION = {
    Block.KIND: "internal_support",
    Block.HELD_ON: "2026-11-16",
    Block.OUTCOME: "Overleg-Geheim: eerst met moeder praten.",
    Block.SPECIAL_FORM: "no",
}
CONVERSATION = {
    Block.WITH_WHOM: "parents",
    Block.HELD_ON: "2026-11-16",
    Block.PARTICIPANTS: "moeder, zorgcoördinator",
    Block.SHARED: "Gesprek-Geheim: wat de leerkracht zag.",
    Block.REACTION: "Moeder schrok.",
    Block.CONSENT: "given",
}


@contextmanager
def with_board(tmp_path: Path, clock: ManualClock, config: str = SCHOOLS_YAML) -> Iterator[LocalSlack]:
    """The app on SQLite for these schools, with the board's admin (ADMIN) named in the file."""
    directory = parse_directory(config + f"admins: [{ADMIN}]\n", "board.yml")
    services = make_services(tmp_path, f"sqlite:///{tmp_path / 'meldbot.sqlite3'}", directory, clock)
    try:
        with local_slack(services) as running:
            yield running
    finally:
        services.db.dispose()


def case_id(slack: LocalSlack) -> str:
    with slack.services.db.transaction() as session:
        return str(session.scalars(select(Case.id).order_by(Case.id.desc())).first())


def registered_and_taken(slack: LocalSlack, coordinator: str = COORDINATOR, **signal: Any) -> str:
    """A teacher registers a concern; the coordinator takes it from the notification. Returns the case id."""
    register(slack.driver, TEACHER, **signal)
    slack.driver.click_in_messages(coordinator, Action.TAKE_CASE)
    return case_id(slack)


def open_case(slack: LocalSlack, user_id: str, case: str) -> None:
    slack.driver.click(user_id, Action.OPEN_CASE, case)


def consult_and_talk(slack: LocalSlack, user_id: str, case: str) -> None:
    """Steps 2 and 3 from the case view: one consultation and one conversation, so that
    question 1 of the afwegingskader may be answered. Leaves the case view open."""
    open_case(slack, user_id, case)
    slack.driver.click_in_modal(user_id, Action.RECORD_CONSULTATION)
    slack.driver.submit(user_id, CONSULTATION)
    slack.driver.click_in_modal(user_id, Action.RECORD_CONVERSATION)
    slack.driver.submit(user_id, CONVERSATION)


def ready_to_weigh(slack: LocalSlack, coordinator: str = COORDINATOR, **signal: Any) -> str:
    """A registered case, taken, with steps 2 and 3 recorded; the case view is open. Returns its id."""
    case = registered_and_taken(slack, coordinator, **signal)
    consult_and_talk(slack, coordinator, case)
    return case


def answer(slack: LocalSlack, user_id: str, given: Answer, **values: Any) -> Response:
    """Click Ja / Nee / Twijfel in the case view and give the rationale."""
    slack.driver.click_in_modal(user_id, ANSWER_ACTIONS[given])
    return slack.driver.submit(user_id, {Block.RATIONALE: RATIONALE, **values})


def record_report(slack: LocalSlack, user_id: str, **overrides: Any) -> Response:
    slack.driver.click_in_modal(user_id, Action.RECORD_REPORT)
    return slack.driver.submit(user_id, report_values(user_id, **overrides))


def report_values(user_id: str, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        Block.REPORTED_ON: "2026-11-16",
        Block.REPORTED_BY: user_id,
        Block.CHANNEL: "phone",
        Block.VT_REFERENCE: "VT-2026-118",
        Block.OWN_FACTS: OWN_FACTS,
        Block.THIRD_PARTY_FACTS: "Moeder van een klasgenoot vertelde over geschreeuw.",
        Block.PARENTS_INFORMED: "yes",
        Block.PUPIL_INFORMED: "not_applicable",
        Block.REFERENCE_INDEX: "left_to_others",
        Block.REFERENCE_INDEX_REASON: INDEX_REASON,
    }
    values.update({Block(k): v for k, v in overrides.items()})
    return values


def record_help_plan(slack: LocalSlack, user_id: str, casemanager: str = TEACHER_2, **overrides: Any) -> Response:
    slack.driver.click_in_modal(user_id, Action.RECORD_HELP_PLAN)
    values: dict[str, Any] = {
        Block.TERM: "2026-12-28",
        Block.CASEMANAGER_ID: casemanager,
        Block.TASKS: TASKS,
        Block.REFERRAL: "Wijkteam Noord",
        Block.AGREEMENTS: "Ouders gaan in gesprek met het wijkteam.",
    }
    values.update({Block(k): v for k, v in overrides.items()})
    return slack.driver.submit(user_id, values)


def walk(slack: LocalSlack, user_id: str, *moves: Answer | str) -> None:
    """Answer in order, recording the melding, the help plan, Veilig Thuis' feedback or the closing
    (handed over) where a move says so."""
    for move in moves:
        if move == REPORT:
            record_report(slack, user_id)
        elif move == PLAN:
            record_help_plan(slack, user_id)
        elif move == FEEDBACK:
            slack.driver.click_in_modal(user_id, Action.RECORD_FEEDBACK)
            slack.driver.submit(user_id, {Block.FEEDBACK_ON: "2026-11-16", Block.FEEDBACK: "Veilig Thuis onderzoekt."})
        elif move == CLOSE:
            slack.driver.click_in_modal(user_id, Action.CLOSE_CASE)
            slack.driver.submit(
                user_id, {Block.CLOSE_NOTE: "Veilig Thuis nam het over.", Block.MONITORING: "Mentor volgt."}
            )
        else:
            # Closing the help: monitoring agreements, and (before its term) the results confirmed as reached.
            closing = {Block.MONITORING: "Mentor volgt het kind tot de zomer.", Block.EARLY_CONFIRMATION: ["yes"]}
            answer(slack, user_id, Answer(move), **(closing if _closes_help(slack, user_id, move) else {}))


def _closes_help(slack: LocalSlack, user_id: str, move: Answer | str) -> bool:
    top = slack.fake.top_modal(user_id) or {}
    return move == Answer.YES and in_mrkdwn("question_5") in json.dumps(top, ensure_ascii=False)


def top_text(slack: LocalSlack, user_id: str) -> str:
    return json.dumps(slack.fake.top_modal(user_id) or {}, ensure_ascii=False)


def filled_in(text: str, key: str, name: str, shown: Callable[..., str] = in_mrkdwn, **values: object) -> str | None:
    """What fills the placeholder `name` where `text` is the sentence `key` with `values` (an incident
    code, a due date: what a test cannot know in advance); None where `text` is another sentence."""
    unknown = "\x00"
    parts = [re.escape(part) for part in shown(key, **values, **{name: unknown}).split(unknown)]
    pattern = parts[0] + "".join(
        ("(?P<value>.+?)" if i == 0 else "(?P=value)") + part for i, part in enumerate(parts[1:])
    )
    match = re.fullmatch(pattern, text, re.DOTALL)
    if match is None:
        return None
    return match.group("value") if len(parts) > 1 else ""


def in_json(sentence: str) -> str:
    """A sentence as it stands in a JSON dump of a view or a call (`top_text`, `chat_traffic`):
    its newlines and quotes escaped."""
    return json.dumps(sentence, ensure_ascii=False)[1:-1]


def chat_traffic(slack: LocalSlack) -> str:
    """Everything the bot posted or updated in chats: what Slack keeps in history and notifications."""
    calls = slack.fake.calls_to("chat.postMessage") + slack.fake.calls_to("chat.update")
    return json.dumps([c.params for c in calls], ensure_ascii=False)
