"""Reminders in Teams with the clock moved: each reaches its person as a card, and acts from it.
"Nog niet", "the family started" and "going well" answer with the card as it now reads (an
Action.Execute); question 5, Veilig Thuis' feedback, "herinner me op …" and "new worries" open
their dialog, and the last two rewrite the card they were clicked on. Someone else's click changes
nothing, and says why."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.catalogue import t
from bot.devtools.local_teams import LocalTeams, Opened, button_in
from bot.devtools.local_teams import does as doing
from bot.documents.dates import show_date
from bot.documents.dialogs import Form
from bot.documents.notices import Does
from bot.flows.ports import ManualClock
from bot.flows.rules.framework import Answer
from bot.flows.vocabulary import AuditAction, CaseState, ReminderKind, ReminderState
from bot.teams.dialogs import teams_plain
from storage.models import AuditEvent, Case, HelpPlan, Reminder, ReminderPostponement
from tests.e2e.casework import CONSULTATION, CONVERSATION, RATIONALE, TASKS, report_values
from tests.teams.adaptive_cards import conform
from tests.teams.school import (
    COORDINATOR,
    OUTSIDER,
    PUPIL,
    TEACHER,
    answered,
    chat,
    count,
    recorded,
    signal_inputs,
    taken,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
REFERENCE = "MC-2026-0001"


def at(teams: LocalTeams, clock: ManualClock, day: str) -> None:
    """This school morning (08:30 in Amsterdam), and the scheduler's sweep."""
    clock.move_to(datetime.fromisoformat(day).replace(hour=8, minute=30, tzinfo=AMSTERDAM))
    teams.sweep()


def card_with(teams: LocalTeams, user_id: str, does: Does) -> dict[str, Any]:
    """The newest card in this person's chat with a button that does this."""
    cards = [c for c in chat(teams, user_id) if any(doing(a) == does for a in c.get("actions") or [])]
    assert cards, f"no card with {does} for {user_id}"
    return cards[-1]


def action(card: dict[str, Any], what: Does, answer: Answer | None = None) -> dict[str, Any]:
    return button_in(card, what, answer.value if answer else None)


def reminder(teams: LocalTeams, kind: ReminderKind) -> Reminder:
    with teams.services.db.reading() as session:
        return session.scalars(select(Reminder).where(Reminder.kind == kind)).one()


def ready_to_weigh(teams: LocalTeams) -> Opened:
    case = recorded(teams, taken(teams), Does.RECORD_CONSULTATION, CONSULTATION)
    return recorded(teams, case, Does.RECORD_CONVERSATION, CONVERSATION)


def awaiting_feedback(teams: LocalTeams, clock: ManualClock) -> None:
    """A melding made, and the morning Veilig Thuis' feedback is due: its reminder in the coordinator's chat."""
    case = ready_to_weigh(teams)
    case = answered(teams, answered(teams, case, Answer.YES), Answer.YES)
    form = teams.driver.press(COORDINATOR, case, Does.RECORD_REPORT)
    teams.driver.submit(COORDINATOR, form, **report_values(COORDINATOR))
    at(teams, clock, "2026-11-24")


def test_help_is_followed_from_the_cards_referral_question_5_and_nazorg_with_new_worries(
    teams: LocalTeams, clock: ManualClock
) -> None:
    teams.driver.install(TEACHER)
    case = ready_to_weigh(teams)
    for given in (Answer.YES, Answer.NO, Answer.YES, Answer.YES):  # help is possible, accepted, and enough
        case = answered(teams, case, given)
    plan = {"term": "2027-03-01", "casemanager_id": TEACHER, "tasks": TASKS, "referral": "Wijkteam Noord",
            "agreements": "Ouders gaan in gesprek met het wijkteam."}  # fmt: skip
    form = teams.driver.press(COORDINATOR, case, Does.RECORD_HELP_PLAN)
    assert TEACHER in [
        c["value"] for c in next(e for e in form.card["body"] if e.get("id") == "casemanager_id")["choices"]
    ]
    teams.driver.submit(COORDINATOR, form, **plan)

    # Ten working days on, the casemanager is asked whether the family went; one click says so.
    at(teams, clock, "2026-11-30")
    card = card_with(teams, TEACHER, Does.CONFIRM_REFERRAL)
    assert REFERENCE in str(card)
    cards = [card]
    answer = teams.driver.execute(TEACHER, action(card, Does.CONFIRM_REFERRAL))
    assert answer["type"] == "application/vnd.microsoft.card.adaptive"
    assert teams_plain(t("reminder_referral_done", reference=REFERENCE)) in str(answer).replace("*", "")
    assert reminder(teams, ReminderKind.REFERRAL).state == ReminderState.DONE
    with teams.services.db.reading() as session:
        assert session.scalars(select(HelpPlan.referral_confirmed_by)).one() == TEACHER

    # At the term, question 5 from the coordinator's card: the help is enough, so it closes, with nazorg.
    at(teams, clock, "2027-03-01")
    card = card_with(teams, COORDINATOR, Does.ANSWER)
    cards += [card, answer["value"]]
    form = teams.driver.click(COORDINATOR, action(card, Does.ANSWER, Answer.YES))
    assert form.form == Form.ANSWER and "follow_up" in form.inputs
    follow_up = next(e for e in form.card["body"] if e.get("id") == "follow_up")["value"]
    closed = teams.driver.submit(
        COORDINATOR, form, rationale=RATIONALE, monitoring="Mentor volgt.", follow_up=follow_up
    )
    assert closed.title == REFERENCE
    with teams.services.db.reading() as session:
        assert session.scalars(select(Case.state)).one() == CaseState.CLOSED

    # At nazorg there are new worries: the signal form for the same pupil, and the card says so.
    at(teams, clock, follow_up)
    card = card_with(teams, COORDINATOR, Does.FOLLOW_UP_SIGNAL)
    place = chat(teams, COORDINATOR).index(card)
    signal = teams.click(COORDINATOR, card, action(card, Does.FOLLOW_UP_SIGNAL))
    assert signal.form == Form.SIGNAL and PUPIL in str(signal.card)
    now = chat(teams, COORDINATOR)[place]
    assert teams_plain(t("nazorg_done_new_signal", reference=REFERENCE)) in str(now).replace("*", "")
    assert Does.FOLLOW_UP_SIGNAL not in map(doing, now.get("actions") or [])
    assert PUPIL not in str(chat(teams, COORDINATOR))
    assert reminder(teams, ReminderKind.FOLLOW_UP).state == ReminderState.DONE
    teams.driver.submit(COORDINATOR, signal, **signal_inputs(pupil_name=PUPIL))
    assert count(teams, Case) == 2
    conform(*cards, form.card, card, signal.card, now)


def test_feedback_put_off_from_the_card_and_someone_elses_click_changes_nothing(
    teams: LocalTeams, clock: ManualClock
) -> None:
    awaiting_feedback(teams, clock)
    card = card_with(teams, COORDINATOR, Does.NOT_YET)
    due = reminder(teams, ReminderKind.FEEDBACK).due_at

    refused = teams.driver.execute(OUTSIDER, action(card, Does.NOT_YET))
    assert refused["type"] == "application/vnd.microsoft.activity.message"  # the card stays as it was
    assert reminder(teams, ReminderKind.FEEDBACK).due_at == due
    with teams.services.db.reading() as session:
        refusals = session.scalars(select(AuditEvent).where(AuditEvent.actor_id == OUTSIDER)).all()
    assert [e.action for e in refusals] == [AuditAction.ACCESS_REFUSED]

    answer = teams.driver.execute(COORDINATOR, action(card, Does.NOT_YET))
    assert answer["type"] == "application/vnd.microsoft.card.adaptive"
    assert reminder(teams, ReminderKind.FEEDBACK).due_at > due

    # The dialog's answer rewrites the card it was opened from: its buttons are gone.
    place = chat(teams, COORDINATOR).index(card)
    postpone = teams.click(COORDINATOR, card, action(card, Does.POSTPONE))
    assert postpone.form == Form.POSTPONE
    said = teams.driver.submit(
        COORDINATOR, postpone, until="2026-12-14", postpone_reason="Veilig Thuis belt volgende week."
    )
    assert said.form is None and REFERENCE in said.text
    assert count(teams, ReminderPostponement) == 1
    now = chat(teams, COORDINATOR)[place]
    assert Does.POSTPONE not in map(doing, now.get("actions") or [])
    due_on = show_date(reminder(teams, ReminderKind.FEEDBACK).due_at)
    rescheduled = teams_plain(t("reminder_rescheduled", reference=REFERENCE, due=due_on))
    assert rescheduled in str(now).replace("*", ""), now
    conform(card, answer["value"], postpone.card, said.card, now)


def test_a_forged_card_id_cannot_reach_a_card_in_someone_elses_chat(teams: LocalTeams, clock: ManualClock) -> None:
    awaiting_feedback(teams, clock)
    card = card_with(teams, COORDINATOR, Does.POSTPONE)
    teams.driver.install(TEACHER)
    teams.flush()
    before = chat(teams, TEACHER)
    victim = teams.connector.message_id(f"a:personal-{TEACHER}", before[-1])

    postpone = teams.click(COORDINATOR, card, action(card, Does.POSTPONE))
    forged = {**postpone.card["actions"][0]["data"]}
    forged["meta"] = {**forged["meta"], "card": f"../../a:personal-{TEACHER}/activities/{victim}"}
    teams.driver.invoke(COORDINATOR, "task/submit", {**forged, "until": "2026-12-14", "postpone_reason": "x"})

    assert count(teams, ReminderPostponement) == 1  # the postponement itself stands
    assert chat(teams, TEACHER) == before  # but no card outside the coordinator's own chat changed
