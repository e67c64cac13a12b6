"""Every new action, clicked by every kind of user: the server decides, whatever the button says."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.devtools.local import LocalSlack
from bot.slack.ids import Action, Block
from storage.models import AuditEvent, WeighingAnswer
from tests.conftest import COORDINATOR, COORDINATOR_2, DIRECTOR, OUTSIDER, TEACHER, TEACHER_2, TWO_SCHOOL_TEACHER
from tests.e2e.casework import RATIONALE, case_id, open_case, ready_to_weigh, top_text
from tests.e2e.steps import register
from tests.shown import in_mrkdwn

ALL_ACTIONS = [
    Action.OPEN_CASE,
    Action.SHOW_SIGNALS,
    Action.TAKE_CASE,
    Action.RECORD_CONSULTATION,
    Action.RECORD_CONVERSATION,
    Action.SKIP_CONVERSATION,
    Action.SET_TEAM,
    Action.ANSWER_YES,
    Action.RECORD_REPORT,
    Action.RECORD_HELP_PLAN,
    Action.RECORD_FEEDBACK,
    Action.NEW_WEIGHING,
    Action.CLOSE_CASE,
]
READ = {Action.OPEN_CASE, Action.SHOW_SIGNALS}
CONTRIBUTE = READ | {Action.RECORD_CONSULTATION, Action.RECORD_CONVERSATION, Action.SKIP_CONVERSATION}

# Who may do what on case MC-2026-0001 (reported by TEACHER, taken by COORDINATOR, TEACHER_2 in
# its team). TWO_SCHOOL_TEACHER is in the team of the *other* case, MC-2026-0002.
ROLES = {
    "coordinator": (COORDINATOR_2, set(ALL_ACTIONS)),
    "director": (DIRECTOR, READ),
    "team member of this case": (TEACHER_2, CONTRIBUTE),
    "team member of another case": (TWO_SCHOOL_TEACHER, set()),
    "reporter": (TEACHER, {Action.OPEN_CASE}),  # the status, not the dossier
    "outsider": (OUTSIDER, set()),
}


def value_for(action: Action, case: str) -> str:
    if action is Action.ANSWER_YES:
        return f"{case}:1"
    if action is Action.SHOW_SIGNALS:
        return f"{case}:signals:0"
    return case


@pytest.fixture
def case(slack: LocalSlack) -> str:
    first = ready_to_weigh(slack)
    slack.driver.click_in_modal(COORDINATOR, Action.SET_TEAM)
    slack.driver.submit(COORDINATOR, {Block.TEAM: [TEACHER_2]})
    register(slack.driver, TEACHER, pupil_name="Tim Anderkind", pupil_group="groep 3")
    open_case(slack, COORDINATOR, case_id(slack))
    slack.driver.click_in_modal(COORDINATOR, Action.TAKE_CASE)
    slack.driver.click_in_modal(COORDINATOR, Action.SET_TEAM)
    slack.driver.submit(COORDINATOR, {Block.TEAM: [TWO_SCHOOL_TEACHER]})
    return first


def refusals(slack: LocalSlack, user_id: str) -> int:
    with slack.services.db.transaction() as session:
        statement = select(func.count()).where(AuditEvent.action == "access_refused", AuditEvent.actor_id == user_id)
        return int(session.scalar(statement) or 0)


@pytest.mark.parametrize("role", ROLES, ids=list(ROLES))
def test_each_action_is_allowed_exactly_when_the_role_holds_it(slack: LocalSlack, case: str, role: str) -> None:
    user_id, allowed = ROLES[role]

    outcome = {}
    for action in ALL_ACTIONS:
        before = refusals(slack, user_id)
        slack.driver.click(user_id, action, value_for(action, case))
        denied = in_mrkdwn("error_no_access") in top_text(slack, user_id)
        assert denied is (refusals(slack, user_id) == before + 1), action  # every refusal is on record
        outcome[action] = not denied

    assert {a for a, ok in outcome.items() if ok} == allowed


@pytest.mark.parametrize("role", ROLES, ids=list(ROLES))
def test_replayed_answer_form_records_nothing_when_the_user_may_not_weigh(
    slack: LocalSlack, case: str, role: str
) -> None:
    user_id, allowed = ROLES[role]
    open_case(slack, COORDINATOR, case)
    slack.driver.click_in_modal(COORDINATOR, Action.ANSWER_YES)
    form = dict(slack.fake.top_modal(COORDINATOR) or {})
    slack.fake.client(user_id).modals.append(form)  # the form, copied into someone else's client

    slack.driver.submit(user_id, {Block.RATIONALE: RATIONALE})

    with slack.services.db.transaction() as session:
        answers = session.scalars(select(WeighingAnswer)).all()
    if Action.ANSWER_YES in allowed:
        assert [a.answered_by for a in answers] == [user_id]
    else:
        assert answers == [] and in_mrkdwn("error_no_access") in top_text(slack, user_id)
