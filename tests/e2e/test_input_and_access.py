"""Bad input keeps every word and says what is wrong; access is decided on the server, every click."""

from __future__ import annotations

import time
import urllib.request

from sqlalchemy import select

from bot.devtools.local import LocalSlack
from bot.documents.dates import show_date
from bot.documents.dialogs import Form
from bot.documents.labels import label
from bot.flows.vocabulary import CaseState
from bot.slack.ids import Action, Block
from storage.models import AuditEvent, Case, Signal
from tests.conftest import (
    COORDINATOR,
    DIRECTOR,
    OTHER_SCHOOL_COORDINATOR,
    OUTSIDER,
    TEACHER,
    TEACHER_2,
)
from tests.e2e.steps import PUPIL_NAME, register, signal_values, start_intake
from tests.e2e.test_registration import count, modal_text
from tests.shown import in_mrkdwn, in_plain


def test_each_blank_required_field_is_named_when_only_whitespace_is_given(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER)
    form = slack.fake.top_modal(TEACHER)

    response = register_form(slack, pupil_name="   ", pupil_group="\n", observed=" \t ", location="  ")

    assert response.json["response_action"] == "errors"
    assert set(response.json["errors"]) == {Block.PUPIL_NAME, Block.PUPIL_GROUP, Block.OBSERVED, Block.LOCATION}
    assert slack.fake.top_modal(TEACHER) == form  # the modal stays, with everything typed in it
    assert count(slack, Case) == 0


def test_future_date_is_refused_when_observation_is_dated_tomorrow(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER)

    response = register_form(slack, observed_on="2026-11-17")  # the clock stands at 16 November

    assert response.json["errors"] == {Block.OBSERVED_ON: in_plain("error_future_date")}


def test_text_over_the_limit_is_refused_whole_when_too_long(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER)

    response = register_form(slack, observed="x" * 3001)

    assert response.json["errors"][Block.OBSERVED] == in_plain("error_too_long", length=3001, limit=3000)
    assert count(slack, Signal) == 0


def test_longest_text_is_kept_whole_when_exactly_at_the_limit(slack: LocalSlack) -> None:
    observed = ("Zei: 'ik wil niet naar huis' — één keer per week. " * 80)[:3000]
    counter = "é" * 3000

    register(slack.driver, TEACHER, observed=observed, counter_facts=counter)
    slack.driver.click_in_messages(COORDINATOR, Action.OPEN_CASE)

    blocks = slack.fake.top_modal(COORDINATOR)["blocks"]  # type: ignore[index]
    shown = "".join(b["text"]["text"] for b in blocks if b["type"] == "section" and b["text"]["type"] == "plain_text")
    assert observed in shown and counter in shown


def test_who_told_it_is_asked_when_source_is_someone_else(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER)

    response = register_form(slack, source="told", source_detail="  ")

    assert set(response.json["errors"]) == {Block.SOURCE_DETAIL}


def test_crafted_option_is_refused_when_not_one_the_form_offers(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER)

    response = register_form(slack, age_band="42", categories=["gossip"])

    assert set(response.json["errors"]) == {Block.AGE_BAND, Block.CATEGORIES}
    assert count(slack, Case) == 0


def test_forwarded_open_button_gives_nothing_when_clicked_by_someone_without_access(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)
    case_id = coordinator_button_value(slack)

    for stranger in (TEACHER_2, OTHER_SCHOOL_COORDINATOR, OUTSIDER):
        slack.driver.click(stranger, Action.OPEN_CASE, case_id)
        refusal = modal_text(slack.fake.top_modal(stranger))
        assert in_mrkdwn("error_no_access") in refusal and PUPIL_NAME not in refusal

    with slack.services.db.transaction() as session:
        refused = [e.actor_id for e in session.scalars(select(AuditEvent).where(AuditEvent.action == "access_refused"))]
    assert refused == [TEACHER_2, OTHER_SCHOOL_COORDINATOR, OUTSIDER]


def test_reporter_sees_status_not_dossier_when_opening_own_case(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)

    slack.driver.click_in_messages(TEACHER, Action.OPEN_CASE)

    view = slack.fake.top_modal(TEACHER) or {}
    with slack.services.db.transaction() as session:
        registered = show_date(session.scalars(select(Case.created_at)).one())
    status = in_mrkdwn("status_text", reference="MC-2026-0001", state=label(CaseState.NEW), date=registered)
    assert status in [b["text"]["text"] for b in view["blocks"] if "text" in b]
    assert PUPIL_NAME not in modal_text(view)


def test_director_reads_the_dossier_when_opening_a_case_of_the_school(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)

    slack.driver.click(DIRECTOR, Action.OPEN_CASE, coordinator_button_value(slack))

    assert PUPIL_NAME in modal_text(slack.fake.top_modal(DIRECTOR))


def test_unknown_case_is_reported_when_button_value_is_garbage(slack: LocalSlack) -> None:
    for value in ("not-a-number", "999999"):
        slack.driver.click(COORDINATOR, Action.OPEN_CASE, value)
        assert in_mrkdwn("error_case_not_found") in modal_text(slack.fake.top_modal(COORDINATOR))


def test_request_is_refused_when_signature_is_wrong_or_old(slack: LocalSlack) -> None:
    body = "command=%2Fmeldcode&user_id=UTEACH001&trigger_id=1.UTEACH001.trigger"

    forged = slack.driver.post(body, "application/x-www-form-urlencoded", signature="v0=" + "0" * 64)
    stale = slack.driver.post(body, "application/x-www-form-urlencoded", timestamp=int(time.time()) - 600)

    assert (forged.status, stale.status) == (401, 401)
    assert not slack.fake.calls_to("views.open")


def test_event_is_handled_once_when_slack_retries_it(slack: LocalSlack) -> None:
    slack.driver.write_dm(TEACHER, "hallo", event_id="Ev0RETRY")
    slack.driver.write_dm(TEACHER, "hallo", event_id="Ev0RETRY", retry_num=1)
    slack.driver.write_dm(TEACHER, "hallo", event_id="Ev0RETRY", retry_num=2)

    assert len(slack.fake.client(TEACHER).messages) == 1


def test_app_home_shows_the_coordinator_the_pupil_and_the_reporter_the_status_only(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)

    for user_id in (COORDINATOR, TEACHER, OUTSIDER):
        slack.driver.open_home(user_id)

    coordinator_home, teacher_home = (modal_text(slack.fake.client(u).home) for u in (COORDINATOR, TEACHER))
    open_cases = in_plain("desk_title", count=1)  # the school's one case
    assert open_cases in coordinator_home and "MC-2026-0001" in coordinator_home
    assert PUPIL_NAME in coordinator_home  # the Home is private to its user, who may open the case
    assert open_cases not in teacher_home and "MC-2026-0001" in teacher_home
    assert PUPIL_NAME not in teacher_home
    assert in_mrkdwn("error_not_a_member") in modal_text(slack.fake.client(OUTSIDER).home)


def test_health_endpoint_answers_when_database_is_up(slack: LocalSlack) -> None:
    with urllib.request.urlopen(slack.base_url + "/healthz", timeout=5) as answer:
        assert answer.status == 200 and b'"ok"' in answer.read()


def register_form(slack: LocalSlack, **overrides: object):
    assert slack.fake.top_modal(TEACHER)["callback_id"] == Form.SIGNAL  # type: ignore[index]
    return slack.driver.submit(TEACHER, signal_values(**overrides))


def coordinator_button_value(slack: LocalSlack) -> str:
    [message] = slack.fake.client(COORDINATOR).messages
    [actions] = [b for b in message["blocks"] if b["type"] == "actions"]
    return str(actions["elements"][0]["value"])
