"""The registration flow against real databases: references, idempotency, matching, membership."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.bootstrap import mirror_directory
from bot.flows.errors import AccessDenied, DraftNotFound, InvalidInput, NotAMember
from bot.flows.ports import ManualClock
from bot.flows.rules.directory import Directory
from bot.flows.services import Services
from bot.flows.steps.dossier import CaseOverview, open_case
from bot.flows.steps.registration import (
    OpenCaseFound,
    Registered,
    choose_route,
    register_signal,
    resolve_draft,
    validate,
)
from bot.flows.vocabulary import Route, SignalSource
from storage.models import AuditEvent, Case, OutboxMessage, Signal
from tests.conftest import COORDINATOR, OUTSIDER, TEACHER, TEACHER_2, TWO_SCHOOL_TEACHER
from tests.flows.forms import valid_form

TODAY = date(2026, 11, 16)


@pytest.mark.parametrize(
    "changes, problems",
    [
        ({}, set()),
        ({"pupil_name": " "}, {"pupil_name"}),
        ({"pupil_group": ""}, {"pupil_group"}),
        ({"observed": "\n\t"}, {"observed"}),
        ({"location": ""}, {"location"}),
        ({"observed_on": TODAY + timedelta(days=1)}, {"observed_on"}),
        ({"observed_on": TODAY}, set()),
        ({"observed": "x" * 3000}, set()),
        ({"observed": "x" * 3001}, {"observed"}),
        ({"pupil_name": "x" * 151}, {"pupil_name"}),
        ({"counter_facts": "x" * 3001}, {"counter_facts"}),
        ({"source": SignalSource.TOLD_BY_OTHER}, {"source_detail"}),
        ({"source": SignalSource.TOLD_BY_OTHER, "source_detail": "de leerling"}, set()),
        ({"categories": ()}, {"categories"}),
    ],
)
def test_validation_names_exactly_the_broken_fields(changes: dict[str, object], problems: set[str]) -> None:
    form = replace(valid_form(), **changes)  # type: ignore[arg-type]
    if not problems:
        validate(form, TODAY)
        return
    with pytest.raises(InvalidInput) as refused:
        validate(form, TODAY)
    assert set(refused.value.problems) == problems


def test_references_count_per_school_and_per_year(services: Services, clock: ManualClock) -> None:
    def reference(school: str, key: str, name: str, user: str = TWO_SCHOOL_TEACHER) -> str:
        result = register_signal(services, user, school, False, valid_form(pupil_name=name), key)
        assert isinstance(result, Registered)
        return result.reference

    assert reference("linde", "a", "Kind Een") == "MC-2026-0001"
    assert reference("eik", "b", "Kind Twee") == "MC-2026-0001"
    assert reference("linde", "c", "Kind Drie") == "MC-2026-0002"
    # 31 December, 23:30 UTC is already New Year's Day in Amsterdam.
    clock.advance(datetime(2026, 12, 31, 23, 30, tzinfo=UTC) - clock.now())
    assert reference("linde", "d", "Kind Vier") == "MC-2027-0001"


def test_same_submission_returns_the_first_result_when_repeated(services: Services) -> None:
    first = register_signal(services, TEACHER, "linde", False, valid_form(), "view-1:signal")
    again = register_signal(services, TEACHER, "linde", False, valid_form(), "view-1:signal")

    assert first == again
    with services.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Signal)) == 1


def test_parallel_registrations_get_distinct_references(services: Services) -> None:
    results: list[object] = []

    def go(index: int) -> None:
        form = valid_form(pupil_name=f"Kind {index}")
        results.append(register_signal(services, TEACHER, "linde", False, form, f"k{index}"))

    threads = [threading.Thread(target=go, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    references = sorted(r.reference for r in results if isinstance(r, Registered))
    assert references == [f"MC-2026-{n:04d}" for n in range(1, 9)]


def test_parallel_identical_submissions_store_one_signal(services: Services) -> None:
    results: list[object] = []
    threads = [
        threading.Thread(
            target=lambda: results.append(register_signal(services, TEACHER, "linde", False, valid_form(), "same"))
        )
        for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(set(map(repr, results))) == 1 and len(results) == 6
    with services.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Signal)) == 1


@pytest.mark.parametrize(
    "name, group", [("fénna  TESTKIND-zonderbestaan", "Groep 5"), ("Fenna Testkind-Zonderbestaan", "5")]
)
def test_open_case_is_found_when_name_differs_in_case_accents_or_spacing(
    services: Services, name: str, group: str
) -> None:
    register_signal(services, TEACHER, "linde", False, valid_form(), "first")

    found = register_signal(services, TEACHER_2, "linde", False, valid_form(pupil_name=name, pupil_group=group), "2nd")

    assert isinstance(found, OpenCaseFound) and found.reference == "MC-2026-0001"


def test_new_case_is_made_when_same_name_is_in_another_group_or_case_is_closed(services: Services) -> None:
    register_signal(services, TEACHER, "linde", False, valid_form(), "first")
    other_group = register_signal(services, TEACHER, "linde", False, valid_form(pupil_group="groep 7"), "2")
    with services.db.transaction() as session:
        for case in session.scalars(select(Case)):
            case.closed_at = services.clock.now()
    after_closing = register_signal(services, TEACHER, "linde", False, valid_form(), "3")

    assert isinstance(other_group, Registered) and other_group.new_case
    assert isinstance(after_closing, Registered) and after_closing.reference == "MC-2026-0003"


def test_held_signal_can_be_resolved_only_by_its_reporter(services: Services) -> None:
    register_signal(services, TEACHER, "linde", False, valid_form(), "first")
    held = register_signal(services, TEACHER_2, "linde", True, valid_form(), "second")
    assert isinstance(held, OpenCaseFound)

    with pytest.raises(DraftNotFound):
        resolve_draft(services, TEACHER, held.draft_id, True)
    result = resolve_draft(services, TEACHER_2, held.draft_id, True)

    assert result == Registered(result.case_id, "MC-2026-0001", False, True)
    with services.db.transaction() as session:
        assert session.get(Case, result.case_id).acute is True  # type: ignore[union-attr]


def test_held_signal_gets_its_own_case_when_the_open_case_closed_meanwhile(services: Services) -> None:
    register_signal(services, TEACHER, "linde", False, valid_form(), "first")
    held = register_signal(services, TEACHER_2, "linde", False, valid_form(), "second")
    assert isinstance(held, OpenCaseFound)
    with services.db.transaction() as session:
        session.scalars(select(Case)).one().closed_at = services.clock.now()

    result = resolve_draft(services, TEACHER_2, held.draft_id, True)

    assert result.new_case and result.reference == "MC-2026-0002"


def test_registration_is_refused_when_user_is_not_a_member_of_that_school(services: Services) -> None:
    for user, school in ((OUTSIDER, "linde"), (TEACHER, "eik"), (TEACHER, "nonexistent")):
        with pytest.raises(NotAMember):
            register_signal(services, user, school, False, valid_form(), f"{user}{school}")
        with pytest.raises(NotAMember):
            choose_route(services, user, school, Route.STAFF_MEMBER, True, f"r{user}{school}")
    with services.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 0


def test_access_ends_at_once_when_coordinator_is_removed_from_configuration(
    services: Services, directory: Directory
) -> None:
    result = register_signal(services, TEACHER, "linde", False, valid_form(), "k")
    assert isinstance(result, Registered)
    assert isinstance(open_case(services, COORDINATOR, result.case_id), CaseOverview)

    linde, eik = directory.schools
    reduced = replace(services, directory=Directory((replace(linde, coordinators=linde.coordinators[1:]), eik)))
    mirror_directory(reduced)

    with pytest.raises(AccessDenied):
        open_case(reduced, COORDINATOR, result.case_id)
    with reduced.db.transaction() as session:
        revoked = session.scalars(select(AuditEvent).where(AuditEvent.action == "role_revoked")).one()
    assert revoked.detail == {"subject": COORDINATOR, "role": "coordinator"}


def test_each_message_goes_to_its_recipients_platform(services: Services) -> None:
    """A coordinator named by an Entra object id is on Teams; the teacher on Slack gets theirs there."""
    teams_coordinator = "5b0c2d1e-8f7a-4b6c-9d0e-1f2a3b4c5d6e"
    linde, eik = services.directory.schools
    mixed = replace(services, directory=Directory((replace(linde, coordinators=(teams_coordinator,)), eik)))
    mirror_directory(mixed)

    register_signal(mixed, TEACHER, "linde", False, valid_form(), "k1")

    with services.db.reading() as session:
        rows = session.execute(select(OutboxMessage.recipient_id, OutboxMessage.platform)).all()
    assert sorted(rows) == sorted([(teams_coordinator, "teams"), (TEACHER, "slack")])
