"""Reading a case's situation from storage: its state and the facts that decide which steps fit now."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.flows.rules.process import Situation, missing_before_weighing
from bot.flows.vocabulary import CaseState
from storage import repositories as repo
from storage.models import Case


def situation_of(session: Session, case: Case) -> Situation:
    facts = repo.step_facts(session, case.id)
    reported = facts.report_weighing_id is not None
    this_weighings = reported and facts.weighing_id is not None and facts.report_weighing_id == facts.weighing_id
    return Situation(
        state=CaseState(case.state),
        weigh_again=facts.weighing_id is not None
        and facts.newest_signal is not None
        and facts.newest_signal > (facts.weighed_up_to_signal or 0),
        feedback_due=reported and facts.report_awaits_feedback,
        veilig_thuis_deciding=this_weighings and facts.report_awaits_feedback,
        handed_over=this_weighings and not facts.report_awaits_feedback,
        missing=missing_before_weighing(facts.consultations, facts.conversations),
    )
