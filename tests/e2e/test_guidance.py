"""Guidance where it is needed: how to record facts, how to hold the conversation, the grey area
after a "nee" on question 1, and `/meldcode help` with the five steps and the afwegingskader."""

from __future__ import annotations

import pytest

from bot.catalogue import speaking
from bot.devtools.local import LocalSlack
from bot.documents.consequences import hint_lines
from bot.documents.dialogs import Form
from bot.documents.labels import QUESTIONS, named
from bot.flows.rules.framework import CURRENT, WeighingState, consequences
from bot.flows.vocabulary import Language
from bot.slack.ids import Action
from bot.slack.views.common import slack_mrkdwn
from tests.conftest import COORDINATOR, OTHER_SCHOOL_TEACHER, TEACHER
from tests.e2e.casework import in_json, open_case, ready_to_weigh, registered_and_taken, top_text
from tests.e2e.steps import start_intake
from tests.shown import in_mrkdwn, in_plain


@pytest.mark.parametrize("word", ["help", "Uitleg", " ? "])
def test_meldcode_help_shows_the_five_steps_and_every_question_with_where_each_answer_leads(
    slack: LocalSlack, word: str
) -> None:
    slack.driver.command(TEACHER, word)

    shown = top_text(slack, TEACHER)
    assert (slack.fake.top_modal(TEACHER) or {})["callback_id"] == Form.INFO
    assert in_plain("guide_title") in shown
    for key in ("guide_step_1", "guide_step_3", "guide_step_5"):
        assert in_mrkdwn(key) in shown
    for number in CURRENT.questions:
        assert in_mrkdwn("guide_question", number=number, question=named(QUESTIONS, number)) in shown
        state = WeighingState(question=number, help_running=number == 5)
        for line in hint_lines(consequences(CURRENT, state, number)):  # what each answer sets in motion
            assert in_json(slack_mrkdwn(line)) in shown


def test_the_guide_reads_in_the_readers_language(slack: LocalSlack) -> None:
    slack.driver.select_in_home(OTHER_SCHOOL_TEACHER, Action.CHOOSE_LANGUAGE, "en")  # their own choice
    slack.driver.command(OTHER_SCHOOL_TEACHER, "help")

    with speaking(Language.EN):
        assert in_plain("guide_title") in top_text(slack, OTHER_SCHOOL_TEACHER)


def test_the_signal_form_says_how_to_record_facts(slack: LocalSlack) -> None:
    start_intake(slack.driver, TEACHER)

    assert in_mrkdwn("signal_guidance") in top_text(slack, TEACHER)


def test_the_conversation_form_opens_with_the_tips(slack: LocalSlack) -> None:
    open_case(slack, COORDINATOR, registered_and_taken(slack))

    slack.driver.click_in_modal(COORDINATOR, Action.RECORD_CONVERSATION)

    assert in_mrkdwn("conversation_tips") in top_text(slack, COORDINATOR)


def test_a_no_on_question_1_points_to_the_grey_area_and_a_yes_does_not(slack: LocalSlack) -> None:
    ready_to_weigh(slack)

    slack.driver.click_in_modal(COORDINATOR, Action.ANSWER_NO)
    assert in_mrkdwn("grey_zone") in top_text(slack, COORDINATOR)
    slack.driver.close(COORDINATOR)
    slack.driver.click_in_modal(COORDINATOR, Action.ANSWER_YES)
    assert in_mrkdwn("grey_zone") not in top_text(slack, COORDINATOR)
