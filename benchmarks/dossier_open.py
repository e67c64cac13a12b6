"""Opening a dossier: server time from the click to the view Slack is sent, for a small and a big case.

    python benchmarks/dossier_open.py                      # 5 and 200 events, SQLite
    python benchmarks/dossier_open.py --events 5 200 1000 --runs 200

Each case is built through the flows (registration, taking, consultations with long outcomes, signals
added to it, conversations, a weighing), so it holds what a worked case holds, sealed. Timed: the
flow that reads it (access check, the read, its audit event) and the overview modal drawn to JSON,
as the *Open casus* click does; then the first page of its timeline. Prints the median and p90.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from bot.bootstrap import build_services
from bot.config import Settings
from bot.documents.case_view import case_dialog, page_rows, section_dialog
from bot.flows.ports import ManualClock
from bot.flows.rules.framework import Answer
from bot.flows.services import Services
from bot.flows.steps.consultation import ConsultationForm, record_consultation
from bot.flows.steps.conversation import SkipForm, skip_conversation
from bot.flows.steps.dossier import open_case, open_part
from bot.flows.steps.registration import OpenCaseFound, Registered, SignalForm, register_signal, resolve_draft
from bot.flows.steps.taking import take_case
from bot.flows.steps.weighing import AnswerForm, answer_question
from bot.flows.vocabulary import AgeBand, ConsultationKind, DossierPart, SignalCategory, SignalSource, SkipReason
from bot.school_config import parse_directory
from bot.slack.views.dialogs import modal_of
from storage.crypto import generate_key
from storage.models import AuditEvent

CONFIG = "schools:\n  - id: bench\n    name: Bench\n    coordinators: [UCOORD001]\n    members: all\n"
COORDINATOR, TEACHER = "UCOORD001", "UTEACH001"
OBSERVED_ON = date(2026, 11, 2)


def signal(number: int) -> SignalForm:
    return SignalForm(
        pupil_name="Invented Benchpupil",
        pupil_group="groep 6",
        age_band=AgeBand.UNDER_12,
        observed_on=OBSERVED_ON,
        observed=f"Signaal {number}: " + "Zag er moe en teruggetrokken uit. " * 60,
        location="Klas",
        source=SignalSource.OWN_OBSERVATION,
        categories=(SignalCategory.EMOTIONAL_DEVELOPMENT,),
        counter_facts="Slaapt slecht sinds de verhuizing. " * 20,
    )


def worked_case(services: Services, events: int) -> int:
    """A case with at least `events` events on its timeline, built as people would build it."""
    registered = register_signal(services, TEACHER, "bench", False, signal(0), "bench-0")
    assert isinstance(registered, Registered)
    case_id = registered.case_id
    take_case(services, COORDINATOR, case_id)
    skip = SkipForm(SkipReason.CHILD_SAFETY, "Een gesprek brengt het kind nu in gevaar.")
    skip_conversation(services, COORDINATOR, case_id, skip, "bench-skip")
    first = ConsultationForm(ConsultationKind.INTERNAL_SUPPORT, OBSERVED_ON, "Eerste overleg.")
    record_consultation(services, COORDINATOR, case_id, first, "bench-c0")
    for question, given in ((1, Answer.YES), (2, Answer.NO)):
        form = AnswerForm(question, given, "Onderbouwing. " * 100)
        answer_question(services, COORDINATOR, case_id, form, f"bench-q{question}")
    number = 0
    while _events(services, case_id) < events:
        number += 1
        outcome = f"Overleg {number}: " + "Besproken wat we zagen en wat het kan betekenen. " * 50
        held = OBSERVED_ON + timedelta(days=number % 10)
        form = ConsultationForm(ConsultationKind.INTERNAL_SUPPORT, held, outcome)
        record_consultation(services, COORDINATOR, case_id, form, f"bench-c{number}")
        if number % 2:
            draft = register_signal(services, TEACHER, "bench", False, signal(number), f"bench-s{number}")
            assert isinstance(draft, OpenCaseFound)
            resolve_draft(services, TEACHER, draft.draft_id, add_to_open_case=True)
    return case_id


def _events(services: Services, case_id: int) -> int:
    with services.db.reading() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.case_id == case_id)) or 0


def timed(work: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9)]


def measure(services: Services, case_id: int, runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """(median, p90) of opening the overview, and of the timeline's first page, each drawn to JSON."""

    def overview() -> object:
        return modal_of(case_dialog(open_case(services, COORDINATOR, case_id))).to_dict()

    def timeline() -> object:
        page = open_part(services, COORDINATOR, case_id, DossierPart.TIMELINE, 0, page_rows(DossierPart.TIMELINE))
        return modal_of(section_dialog(page)).to_dict()

    return timed(overview, runs), timed(timeline, runs)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[5, 200])
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args(argv)
    for events in args.events:
        with tempfile.TemporaryDirectory() as data_dir:
            settings = Settings(
                _env_file=None,  # type: ignore[call-arg]
                meldbot_data_dir=Path(data_dir),
                meldbot_encryption_key=generate_key(),
            )
            clock = ManualClock(datetime(2026, 11, 16, 9, tzinfo=UTC))
            services = build_services(settings, directory=parse_directory(CONFIG, "bench"), clock=clock)
            case_id = worked_case(services, events)
            held = _events(services, case_id)

            (overview_median, overview_p90), (page_median, page_p90) = measure(services, case_id, args.runs)
            services.db.dispose()
        print(
            f"case with {held} events: overview {overview_median:.1f} ms median (p90 {overview_p90:.1f}), "
            f"timeline page {page_median:.1f} ms median (p90 {page_p90:.1f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
