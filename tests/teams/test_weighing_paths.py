"""Every path through the afwegingskader in Teams, the same table as Slack's (tests/e2e): each
answer given from the case view's buttons with its rationale, the melding, the help plan, Veilig
Thuis' terugkoppeling and the closing in their dialogs; the outcome, the meldnormen and the
answers on record, and no pupil data or typed text in any card sent."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.devtools.local_teams import LocalTeams, Opened
from bot.documents.notices import Does
from bot.flows.rules.framework import Answer
from storage.models import Case, HelpPlan, Report, WeighingAnswer
from tests.e2e.casework import (
    CLOSE,
    CONSULTATION,
    CONVERSATION,
    FEEDBACK,
    INDEX_REASON,
    OWN_FACTS,
    PLAN,
    RATIONALE,
    REPORT,
    TASKS,
)
from tests.e2e.casework import report_values as slack_report_values
from tests.e2e.test_weighing_paths import PATHS, Expected
from tests.teams.school import COORDINATOR, OBSERVED, PUPIL, TEACHER, recorded, taken

# What the Teams journey types: none of it may be in a card sent.
SECRETS = (PUPIL, OBSERVED, RATIONALE, TASKS, OWN_FACTS, INDEX_REASON, CONSULTATION["outcome"], CONVERSATION["shared"])


def _initial(form: Opened, field: str) -> str:
    return str(next(e for e in form.card["body"] if e.get("id") == field).get("value") or "")


def _answered(teams: LocalTeams, case: Opened, given: Answer) -> Opened:
    form = teams.driver.press(COORDINATOR, case, Does.ANSWER, given.value)
    values = {"rationale": RATIONALE}
    if "monitoring" in form.inputs:  # closing the help: monitoring, and (before the term) the results confirmed
        values |= {"monitoring": "Mentor volgt het kind.", "follow_up": _initial(form, "follow_up")}
        values |= {"early_confirmation": "yes"} if "early_confirmation" in form.inputs else {}
    return teams.driver.submit(COORDINATOR, form, **values)


def _step(teams: LocalTeams, case: Opened, move: str) -> Opened:
    if move == REPORT:
        values = {str(k): str(v) for k, v in slack_report_values(COORDINATOR).items()}
        return recorded(teams, case, Does.RECORD_REPORT, values)
    if move == PLAN:
        plan = {"term": "2026-12-28", "casemanager_id": TEACHER, "tasks": TASKS, "agreements": "Ouders gaan mee."}
        return recorded(teams, case, Does.RECORD_HELP_PLAN, plan)
    if move == FEEDBACK:
        return recorded(teams, case, Does.RECORD_FEEDBACK, {"feedback_on": "2026-11-16", "feedback": "Onderzoek."})
    assert move == CLOSE
    form = teams.driver.press(COORDINATOR, case, Does.CLOSE_CASE)
    closing = {"close_note": "Veilig Thuis nam het over.", "monitoring": "Mentor volgt."}
    return teams.driver.submit(COORDINATOR, form, **closing, follow_up=_initial(form, "follow_up"))


@pytest.mark.parametrize("expected", PATHS.values(), ids=PATHS.keys())
def test_every_path_of_the_afwegingskader_in_teams(teams: LocalTeams, expected: Expected) -> None:
    case = recorded(teams, taken(teams), Does.RECORD_CONSULTATION, CONSULTATION)
    case = recorded(teams, case, Does.RECORD_CONVERSATION, CONVERSATION)

    for move in expected.moves:
        case = _answered(teams, case, move) if isinstance(move, Answer) else _step(teams, case, move)
        assert case.title == "MC-2026-0001", case.text  # each saved step shows the case as it now stands

    answers = [m for m in expected.moves if isinstance(m, Answer)]
    with teams.services.db.reading() as session:
        row = session.scalars(select(Case)).one()
        assert (row.state, row.close_reason) == (expected.state, expected.close_reason)
        given = session.scalars(select(WeighingAnswer).order_by(WeighingAnswer.question)).all()
        assert [(a.question, a.answer) for a in given] == [(n, a.value) for n, a in enumerate(answers, start=1)]
        assert tuple(r.meldnorm for r in session.scalars(select(Report))) == expected.meldnormen
        assert len(session.scalars(select(HelpPlan)).all()) == (1 if PLAN in expected.moves else 0)
    teams.flush()
    sent = str(teams.connector.sent)
    assert [s for s in SECRETS if s in sent] == []
