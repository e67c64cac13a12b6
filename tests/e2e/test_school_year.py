"""A school year through the real app: two schools, two coordinators each, reporters with three
cases each, two staff-member suspicions, every kind of notice and reminder, the clock moved day by
day across Christmas, New Year, Easter and a school that is open on Goede Vrijdag.

The test keeps its own ledger of what the flows promise each person, written from the design
(DESIGN §3 and §4) and not from the code, and compares it with what reached Slack: every promised
message arrived, and every cause reached each of its recipients exactly once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from bot.devtools.local import LocalSlack, local_slack
from bot.flows.ports import ManualClock
from bot.flows.rules.framework import Answer
from bot.flows.vocabulary import NoticeKind, ReminderKind
from bot.school_config import parse_directory
from bot.slack.ids import Action, Block
from storage.models import AuditEvent, Case, Reminder
from tests.conftest import ADMIN, make_services
from tests.e2e.casework import (
    CLOSE,
    FEEDBACK,
    RATIONALE,
    answer,
    consult_and_talk,
    open_case,
    record_help_plan,
    record_report,
    walk,
)
from tests.e2e.ledger import Notice, posted, posted_per_cause, rewritten
from tests.e2e.steps import register, report_staff_suspicion, start_intake

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
Y, N = Answer.YES, Answer.NO

C1, C2, D1 = "UCOORD001", "UCOORD002", "UDIRECT01"  # De Linde
T1, T2, T3 = "UTEACH001", "UTEACH002", "UTEACH003"
C9, C8, D9 = "UCOORD900", "UCOORD901", "UDIRECT90"  # De Eik
T9, T8 = "UTEACH900", "UTEACH901"

YEAR_YAML = f"""
schools:
  - id: linde
    name: "Basisschool De Linde"
    coordinators: [{C1}, {C2}]
    directors: [{D1}]
    members: [{T1}, {T2}, {T3}]
    reminders:
      vacations: [{{from: 2026-12-19, to: 2027-01-03}}]
  - id: eik
    name: "Kindcentrum De Eik"
    coordinators: [{C9}, {C8}]
    directors: [{D9}]
    members: [{T9}, {T8}]
    reminders:
      open_on_good_friday: true
admins: [{ADMIN}]
"""
SCHOOLS = {"linde": ((C1, C2), (D1,)), "eik": ((C9, C8), (D9,))}
FIRST_DAY, LAST_DAY = date(2026, 11, 16), date(2027, 4, 2)


@pytest.fixture
def year(tmp_path: Path) -> Iterator[LocalSlack]:
    clock = ManualClock(datetime(2026, 11, 16, 7, 0, tzinfo=AMSTERDAM))
    services = make_services(tmp_path, f"sqlite:///{tmp_path / 'year.sqlite3'}", parse_directory(YEAR_YAML, "y"), clock)
    with local_slack(services) as running:
        yield running
    services.db.dispose()


class Promises:
    """What the design says each person hears, by case: the ledger the run is checked against."""

    def __init__(self) -> None:
        self.notices: Counter[Notice] = Counter()
        self.reminders: set[tuple[str, str, int, str, date]] = set()  # (case, kind, rung, to whom, on)
        self.rewrites: Counter[Notice] = Counter()

    def tell(self, case: str, kind: NoticeKind, *recipients: str) -> None:
        for recipient in recipients:
            self.notices[Notice(case, kind, recipient)] += 1

    def remind(self, case: str, kind: ReminderKind, rung: int, day: str, *recipients: str) -> None:
        for recipient in recipients:
            self.reminders.add((case, kind, rung, recipient, date.fromisoformat(day)))

    def registered(self, case: str, reporter: str, *, acute: bool = False) -> None:
        coordinators, directors = SCHOOLS[case.split("/")[0]]
        self.tell(case, NoticeKind.CASE_REGISTERED, *coordinators, *(directors if acute else ()))
        self.tell(case, NoticeKind.REGISTRATION_CONFIRMED, reporter)

    def taken(self, case: str, reporter: str) -> None:
        self.tell(case, NoticeKind.CASE_TAKEN, reporter)
        for original in [n for n in self.notices if n.reference == case and n.kind == NoticeKind.CASE_REGISTERED]:
            self.rewrites[original] += 1  # "Ik pak dit op" becomes "Opgepakt door …", wherever it was sent


class Year:
    """The school's days: the morning sweep, then what people do that day (at ten)."""

    def __init__(self, slack: LocalSlack) -> None:
        self.slack = slack
        self.plans: dict[date, list[Callable[[], None]]] = {}

    def on(self, day: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
        def plan(action: Callable[[], None]) -> Callable[[], None]:
            self.plans.setdefault(date.fromisoformat(day), []).append(action)
            return action

        return plan

    def live(self) -> None:
        clock = self.slack.services.clock
        assert isinstance(clock, ManualClock)
        day = FIRST_DAY
        while day <= LAST_DAY:
            clock.move_to(datetime.combine(day, datetime.min.time(), AMSTERDAM).replace(hour=8, minute=30))
            self.slack.sweep()
            clock.move_to(datetime.combine(day, datetime.min.time(), AMSTERDAM).replace(hour=10))
            for action in self.plans.get(day, []):
                action()
            day += timedelta(days=1)
        self.slack.sweep()


def newest(slack: LocalSlack, school: str) -> tuple[str, str]:
    """("school/MC-…", case id) of the school's newest case."""
    with slack.services.db.transaction() as session:
        case = session.scalars(select(Case).where(Case.school_id == school).order_by(Case.id.desc())).first()
        assert case is not None
        return f"{school}/{case.reference}", str(case.id)


def test_a_school_year_tells_everyone_what_the_flows_promise_exactly_once(year: LocalSlack) -> None:
    slack, promise, days = year, Promises(), Year(year)
    driver = slack.driver
    cases: dict[str, tuple[str, str]] = {}

    def report(name: str, reporter: str, school: str, **signal: object) -> None:
        register(driver, reporter, pupil_name=f"{name} Verzonnen", **signal)  # type: ignore[arg-type]
        cases[name] = newest(slack, school)
        promise.registered(cases[name][0], reporter, acute=bool(signal.get("acute")))

    def take(name: str, coordinator: str, reporter: str) -> None:
        driver.click(coordinator, Action.TAKE_CASE, cases[name][1])
        promise.taken(cases[name][0], reporter)

    def ready(name: str, coordinator: str) -> None:
        consult_and_talk(slack, coordinator, cases[name][1])

    def melding(name: str, coordinator: str, day: str) -> None:
        record_report(slack, coordinator, reported_on=day)

    @days.on("2026-11-16")
    def monday_registrations() -> None:
        # De Linde: three reporters, three cases each (one acute), and two staff-member suspicions.
        report("Sam", T1, "linde")
        report("Noor", T1, "linde")
        report("Lot", T1, "linde", acute=True)
        promise.tell("", NoticeKind.ACUTE_ALERT, C1, C2, D1)
        for name in ("Ties", "Mees", "Jip"):
            report(name, T2, "linde")
        report_staff_suspicion(driver, T3, "director")
        staff_one = newest(slack, "linde")[0]
        promise.tell(staff_one, NoticeKind.BOARD_ROUTE, D1)
        promise.tell(staff_one, NoticeKind.BOARD_ROUTE_NOTED, C1, C2)
        report_staff_suspicion(driver, T3, "board")  # the second concerns the director: the board hears it
        staff_two = newest(slack, "linde")[0]
        promise.tell(staff_two, NoticeKind.BOARD_ROUTE, ADMIN)
        promise.tell(staff_two, NoticeKind.BOARD_ROUTE_NOTED, C1, C2)
        # A third time T3 starts the staff-member route, and closes it: nothing recorded, T3 reminded.
        start_intake(driver, T3, route="staff_member")
        driver.close(T3)
        promise.tell("", NoticeKind.STAFF_ROUTE_UNRECORDED, T3)
        # T3 too saw something about Sam: held, the choice closed, then filed on Sam's case.
        register(driver, T3, pupil_name="Sam Verzonnen")
        driver.close(T3)
        promise.tell("", NoticeKind.DRAFT_PENDING, T3)
        driver.click_in_messages(T3, Action.FINISH_DRAFT)
        driver.submit(T3, {Block.CHOICE: "add"})
        promise.tell(cases["Sam"][0], NoticeKind.SIGNAL_ADDED, C1, C2)
        promise.tell(cases["Sam"][0], NoticeKind.REGISTRATION_CONFIRMED, T3)
        # De Eik: two reporters; one of them cannot be reached once (Slack refuses for good).
        for name in ("Bo", "Fem", "Luuk"):
            report(name, T9, "eik")
        slack.fake.fail("chat.postMessage", status=200, error="user_not_found", user_id=T8)
        report("Siem", T8, "eik")
        promise.notices[Notice(cases["Siem"][0], NoticeKind.REGISTRATION_CONFIRMED, T8)] -= 1
        promise.tell(cases["Siem"][0], NoticeKind.DELIVERY_FAILED, C9, C8)
        for name in ("Roos", "Teun"):
            report(name, T8, "eik")

    @days.on("2026-11-16")
    def monday_casework() -> None:
        for name in ("Sam", "Noor", "Lot", "Ties", "Mees"):  # Jip stays untaken for a while
            take(name, C1, T1 if name in ("Sam", "Noor", "Lot") else T2)
        for name in ("Bo", "Fem", "Luuk", "Siem", "Roos"):  # Teun is never taken
            take(name, C9, T9 if name in ("Bo", "Fem", "Luuk") else T8)
        # Sam: no suspicion after all.
        ready("Sam", C1)
        walk(slack, C1, N)
        promise.tell(cases["Sam"][0], NoticeKind.CASE_CLOSED, T1)
        # Noor: acute unsafety, a melding under meldnorm 1; Veilig Thuis has five working days.
        ready("Noor", C1)
        walk(slack, C1, Y, Y)
        melding("Noor", C1, "2026-11-16")
        promise.tell(cases["Noor"][0], NoticeKind.DIRECTOR_INFORMED, D1)
        promise.tell(cases["Noor"][0], NoticeKind.CASE_WEIGHED, T1)
        promise.remind(cases["Noor"][0], ReminderKind.FEEDBACK, 0, "2026-11-23", C1)
        promise.remind(cases["Noor"][0], ReminderKind.FEEDBACK, 0, "2026-11-30", C1)  # weekly, until recorded
        # Lot (acute): help with a term after the Christmas vacation, T2 as casemanager, a referral.
        ready("Lot", C1)
        walk(slack, C1, Y, N, Y, Y)
        record_help_plan(slack, C1, casemanager=T2, term="2027-01-06")
        promise.tell(cases["Lot"][0], NoticeKind.DIRECTOR_INFORMED, D1)
        promise.tell(cases["Lot"][0], NoticeKind.CASE_WEIGHED, T1)
        promise.tell(cases["Lot"][0], NoticeKind.TEAM_ADDED, T2)
        promise.remind(cases["Lot"][0], ReminderKind.REFERRAL, 0, "2026-11-26", T2)  # ten days on
        promise.remind(cases["Lot"][0], ReminderKind.REFERRAL, 1, "2026-11-30", C1)  # two working days unanswered
        promise.remind(cases["Lot"][0], ReminderKind.EVALUATION, 0, "2027-01-06", T2, C1)
        promise.remind(cases["Lot"][0], ReminderKind.EVALUATION, 1, "2027-01-08", D1)
        # Ties: a zorgteam member, then nothing for ten working days.
        open_case(slack, C1, cases["Ties"][1])
        driver.click_in_modal(C1, Action.SET_TEAM)
        driver.submit(C1, {Block.TEAM: [T3]})
        promise.tell(cases["Ties"][0], NoticeKind.TEAM_ADDED, T3)
        promise.remind(cases["Ties"][0], ReminderKind.IDLE, 0, "2026-11-30", C1)
        promise.remind(cases["Ties"][0], ReminderKind.IDLE, 1, "2026-12-02", D1)
        promise.remind(cases["Mees"][0], ReminderKind.IDLE, 0, "2026-11-30", C1)
        promise.remind(cases["Mees"][0], ReminderKind.IDLE, 1, "2026-12-02", D1)
        # Jip, not taken: every coordinator the next working morning, then the director.
        promise.remind(cases["Jip"][0], ReminderKind.NOT_TAKEN, 0, "2026-11-17", C1, C2)
        promise.remind(cases["Jip"][0], ReminderKind.NOT_TAKEN, 1, "2026-11-18", D1)
        # De Eik: Bo closes, Fem waits for the spring, Luuk's help starts, Siem and Roos idle, Teun untaken.
        ready("Bo", C9)
        walk(slack, C9, N)
        promise.tell(cases["Bo"][0], NoticeKind.CASE_CLOSED, T9)
        ready("Fem", C9)
        promise.remind(cases["Fem"][0], ReminderKind.IDLE, 0, "2026-11-30", C9)
        promise.remind(cases["Fem"][0], ReminderKind.IDLE, 1, "2026-12-02", D9)
        ready("Luuk", C9)
        walk(slack, C9, Y, N, Y, Y)
        record_help_plan(slack, C9, casemanager=T8, term="2027-02-01")
        promise.tell(cases["Luuk"][0], NoticeKind.DIRECTOR_INFORMED, D9)
        promise.tell(cases["Luuk"][0], NoticeKind.CASE_WEIGHED, T9)
        promise.tell(cases["Luuk"][0], NoticeKind.TEAM_ADDED, T8)
        promise.remind(cases["Luuk"][0], ReminderKind.REFERRAL, 0, "2026-11-26", T8)
        promise.remind(cases["Luuk"][0], ReminderKind.EVALUATION, 0, "2027-02-01", T8, C9)
        promise.remind(cases["Siem"][0], ReminderKind.IDLE, 0, "2026-11-30", C9)
        promise.remind(cases["Siem"][0], ReminderKind.IDLE, 1, "2026-12-02", D9)
        promise.remind(cases["Teun"][0], ReminderKind.NOT_TAKEN, 0, "2026-11-17", C9, C8)
        promise.remind(cases["Teun"][0], ReminderKind.NOT_TAKEN, 1, "2026-11-18", D9)
        promise.remind(cases["Teun"][0], ReminderKind.IDLE, 0, "2026-11-30", C9, C8)  # nobody's: all of them
        promise.remind(cases["Teun"][0], ReminderKind.IDLE, 1, "2026-12-02", D9)

    @days.on("2026-11-19")
    def jip_is_taken_at_last() -> None:
        take("Jip", C2, T2)
        promise.remind(cases["Jip"][0], ReminderKind.IDLE, 0, "2026-12-03", C2)  # ten working days from today
        promise.remind(cases["Jip"][0], ReminderKind.IDLE, 1, "2026-12-07", D1)

    @days.on("2026-11-26")
    def the_family_went_to_luuks_help() -> None:
        driver.click_in_messages(T8, Action.CONFIRM_REFERRAL)
        promise.rewrites[Notice(cases["Luuk"][0], NoticeKind.REMINDER, T8)] += 1  # the reminder says it is done

    @days.on("2026-11-27")
    def a_rollback_leaves_a_reminder_this_release_does_not_know() -> None:
        with slack.services.db.transaction() as session:
            session.execute(
                update(Reminder)
                .where(Reminder.case_id == int(cases["Roos"][1]), Reminder.kind == ReminderKind.IDLE)
                .values(kind="from_a_newer_release")
            )
        promise.tell(cases["Roos"][0], NoticeKind.REMINDER_PARKED, C9)

    @days.on("2026-12-01")
    def veilig_thuis_fed_back_on_noor() -> None:
        open_case(slack, C1, cases["Noor"][1])
        walk(slack, C1, FEEDBACK, CLOSE)  # handed over after the melding under meldnorm 1
        promise.tell(cases["Noor"][0], NoticeKind.CASE_CLOSED, T1)
        # Nazorg on the date the closing form proposes: thirteen weeks on, a school morning.
        promise.remind(cases["Noor"][0], ReminderKind.FOLLOW_UP, 0, "2027-03-02", C1)

    @days.on("2026-12-03")
    def ties_is_weighed_at_last() -> None:
        ready("Ties", C1)
        walk(slack, C1, Y, N, N)
        melding("Ties", C1, "2026-12-03")
        promise.tell(cases["Ties"][0], NoticeKind.DIRECTOR_INFORMED, D1)
        promise.tell(cases["Ties"][0], NoticeKind.CASE_WEIGHED, T2)
        promise.remind(cases["Ties"][0], ReminderKind.FEEDBACK, 0, "2026-12-10", C1)

    @days.on("2026-12-10")
    def veilig_thuis_fed_back_on_ties() -> None:
        open_case(slack, C1, cases["Ties"][1])
        walk(slack, C1, FEEDBACK, CLOSE)
        promise.tell(cases["Ties"][0], NoticeKind.CASE_CLOSED, T2)
        promise.remind(cases["Ties"][0], ReminderKind.FOLLOW_UP, 0, "2027-03-11", C1)

    @days.on("2026-12-14")
    def mees_moves_before_the_vacation() -> None:
        open_case(slack, C1, cases["Mees"][1])
        driver.click_in_modal(C1, Action.RECORD_CONSULTATION)
        driver.submit(
            C1,
            {
                Block.KIND: "colleague",
                Block.COLLEAGUE_ID: C2,
                Block.HELD_ON: "2026-12-14",
                Block.OUTCOME: "Overleg-Geheim.",
                Block.SPECIAL_FORM: "no",
            },
        )
        # Ten working days: four before the vacation, none in it, six after it.
        promise.remind(cases["Mees"][0], ReminderKind.IDLE, 0, "2027-01-11", C1)
        promise.remind(cases["Mees"][0], ReminderKind.IDLE, 1, "2027-01-13", D1)

    @days.on("2027-01-11")
    def lot_got_worse() -> None:
        open_case(slack, T2, cases["Lot"][1])
        answer(slack, T2, N)  # question 5 "nee" (after the escalation to the director): a new melding
        open_case(slack, C1, cases["Lot"][1])
        melding("Lot", C1, "2027-01-11")
        promise.remind(cases["Lot"][0], ReminderKind.FEEDBACK, 0, "2027-01-18", C1)
        promise.remind(cases["Lot"][0], ReminderKind.FEEDBACK, 0, "2027-01-25", C1)

    @days.on("2027-01-27")
    def veilig_thuis_fed_back_on_lot() -> None:
        open_case(slack, C1, cases["Lot"][1])
        walk(slack, C1, FEEDBACK, CLOSE)
        promise.tell(cases["Lot"][0], NoticeKind.CASE_CLOSED, T1)

    @days.on("2027-02-01")
    def luuks_help_worked() -> None:
        driver.click_in_messages(T8, Action.ANSWER_YES)  # from the evaluation reminder, at the term
        driver.submit(T8, {Block.RATIONALE: RATIONALE, Block.MONITORING: "Mentor volgt het kind."})
        promise.tell(cases["Luuk"][0], NoticeKind.CASE_CLOSED, T9)

    @days.on("2027-03-22")
    def two_meldingen_before_easter() -> None:
        # The same day at both schools: De Eik is open on Goede Vrijdag, De Linde is not.
        for name, coordinator, director, reporter in (("Jip", C2, D1, T2), ("Fem", C9, D9, T9)):
            if name == "Jip":
                ready(name, coordinator)
            else:
                open_case(slack, coordinator, cases[name][1])
            walk(slack, coordinator, Y, Y)
            melding(name, coordinator, "2027-03-22")
            promise.tell(cases[name][0], NoticeKind.DIRECTOR_INFORMED, director)
            promise.tell(cases[name][0], NoticeKind.CASE_WEIGHED, reporter)
        promise.remind(cases["Fem"][0], ReminderKind.FEEDBACK, 0, "2027-03-30", C9)  # 23, 24, 25, 26, 30
        promise.remind(cases["Jip"][0], ReminderKind.FEEDBACK, 0, "2027-03-31", C2)  # 23, 24, 25, 30, 31

    # Every coordinator's weekly overview: each week with a school day at their school (De Linde has
    # none in its Christmas vacation), on its first school morning. The first Monday morning comes
    # before the first concern, so that week has none; from then on every school has open cases.
    christmas = (date(2026, 12, 21), date(2026, 12, 28))
    for monday in (FIRST_DAY + timedelta(weeks=n) for n in range(1, 20)):
        for school, (coordinators, _) in SCHOOLS.items():
            if not (school == "linde" and monday in christmas):
                promise.tell("", NoticeKind.WEEKLY_OVERVIEW, *coordinators)

    days.live()

    # Every cause reached each of its recipients once, and nothing more.
    assert {key: n for key, n in posted_per_cause(slack).items() if n != 1} == {}
    delivered = posted(slack)
    assert Counter({n: c for n, c in delivered.items() if n.kind != NoticeKind.REMINDER}) == promise.notices
    assert rewritten(slack) == promise.rewrites
    # Every reminder on its school morning, to whom the ladder says; each send is one message each.
    with slack.services.db.transaction() as session:
        references = {c.id: f"{c.school_id}/{c.reference}" for c in session.scalars(select(Case))}
        sends = session.scalars(
            select(AuditEvent).where(AuditEvent.action.in_(["reminder_sent", "reminder_escalated"]))
        ).all()
    sent = {
        (references[e.case_id], e.detail["reminder"], e.detail["level"], r, e.at.astimezone(AMSTERDAM).date())
        for e in sends
        for r in e.detail["recipients"]
    }
    assert sent == promise.reminders
    per_person = Counter((case, to) for case, _, _, to, _ in sent)
    assert (
        Counter({(n.reference, n.recipient): c for n, c in delivered.items() if n.kind == NoticeKind.REMINDER})
        == per_person
    )
    assert {k for _, k, _, _, _ in sent} == set(ReminderKind)
    # Every kind but the greeting of a Teams installation (Slack's app needs none).
    assert {n.kind for n in delivered} == set(NoticeKind) - {NoticeKind.WELCOME}
