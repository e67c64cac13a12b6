"""Reading a case's situation from storage: its state and the facts that decide which steps fit now."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.flows.process import Situation, missing_before_weighing
from bot.flows.vocabulary import CaseState
from storage import repositories as repo
from storage.models import Case, Consultation, Conversation


def situation_of(session: Session, case: Case) -> Situation:
    weighing = repo.current_weighing(session, case.id)
    latest_report = repo.latest_report(session, case.id)
    newest_signal = repo.latest_signal_id(session, case.id)
    this_weighings = latest_report is not None and weighing is not None and latest_report.weighing_id == weighing.id
    return Situation(
        state=CaseState(case.state),
        weigh_again=weighing is not None
        and newest_signal is not None
        and newest_signal > (weighing.last_signal_id or 0),
        feedback_due=latest_report is not None and latest_report.feedback is None,
        veilig_thuis_deciding=this_weighings and latest_report is not None and latest_report.feedback is None,
        handed_over=this_weighings and latest_report is not None and latest_report.feedback is not None,
        missing=missing_before_weighing(
            repo.count_for_case(session, Consultation, case.id), repo.count_for_case(session, Conversation, case.id)
        ),
    )
