"""The registration modals: intake (route, acute danger), the signal form, and their outcomes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

from slack_sdk.models.blocks import (
    Block,
    Option,
    RadioButtonsElement,
)
from slack_sdk.models.views import View

from bot.catalogue import t
from bot.documents.labels import keys
from bot.flows.rules.directory import School
from bot.flows.rules.social_map import Contact
from bot.flows.steps.registration import OpenCaseFound, Registered
from bot.flows.steps.reminder_actions import PupilAgain
from bot.flows.steps.staff_route import StaffRouteRecorded
from bot.flows.vocabulary import AgeBand, BoardAlert, Route, SignalCategory, SignalSource
from bot.slack.ids import INPUT, Callback
from bot.slack.ids import Block as B
from bot.slack.views.common import (
    checkboxes,
    choice,
    context,
    date_input,
    input_block,
    modal,
    mrkdwn,
    named_option,
    option,
    radio,
    text_input,
)
from bot.slack.views.contacts import contact_sections

K = TypeVar("K", bound=str)

YES_NO_KEYS = {"yes": "yes", "no": "no"}


def intake_modal(schools: Sequence[School]) -> View:
    """Step one of registering: which school (when several), who it is about, acute danger."""
    blocks: list[Block] = [context(t("intake_intro"))]
    if len(schools) > 1:
        blocks.append(choice(B.SCHOOL, "label_school", school_options(schools)))
    blocks.append(radio(B.ROUTE, "label_route", keys(Route)))
    blocks.append(radio(B.ACUTE, "label_acute", YES_NO_KEYS))
    metadata = {"school": schools[0].id} if len(schools) == 1 else None
    return modal(
        Callback.INTAKE,
        t("modal_intake_title"),
        blocks,
        submit_key="modal_next",
        close_key="modal_cancel",
        metadata=metadata,
    )


def school_options(schools: Sequence[School]) -> list[Option]:
    return [named_option(s.name, s.id) for s in schools]


def signal_modal(
    school_id: str, acute: bool, today: date, contacts: Sequence[Contact] = (), pupil: PupilAgain | None = None
) -> View:
    """The step-1 form: the pupil, and what was seen or heard, as facts; with acute danger, first
    whom to call now (`contacts`, from the school's sociale kaart). From the nazorg of a closed
    case, the `pupil` is filled in already."""
    blocks: list[Block] = [mrkdwn(t("acute_banner")), *contact_sections(contacts)] if acute else []
    blocks += [
        context(t("signal_guidance")),
        text_input(B.PUPIL_NAME, "label_pupil_name", initial=pupil.pupil_name if pupil else ""),
        text_input(B.PUPIL_GROUP, "label_pupil_group", initial=pupil.pupil_group if pupil else ""),
        radio(B.AGE_BAND, "label_age_band", keys(AgeBand), initial=pupil.age_band if pupil else None),
        text_input(B.OBSERVED, "label_observed", multiline=True, hint_key="hint_observed"),
        date_input(B.OBSERVED_ON, "label_observed_on", today),
        text_input(B.LOCATION, "label_location"),
        radio(B.SOURCE, "label_source", keys(SignalSource)),
        text_input(B.SOURCE_DETAIL, "label_source_detail", optional=True, hint_key="hint_source_detail"),
        checkboxes(B.CATEGORIES, "label_categories", keys(SignalCategory)),
        text_input(
            B.COUNTER_FACTS, "label_counter_facts", multiline=True, optional=True, hint_key="hint_counter_facts"
        ),
    ]
    return modal(
        Callback.SIGNAL,
        t("modal_signal_title"),
        blocks,
        submit_key="modal_save",
        close_key="modal_cancel",
        metadata={"school": school_id, "acute": acute},
    )


def safety_plan_modal(acute: bool) -> View:
    """Between children: the school's safety plan, not the meldcode."""
    blocks: list[Block] = [mrkdwn(t("acute_banner"))] if acute else []
    blocks.append(mrkdwn(t("safety_plan_route")))
    return modal(Callback.INFO, t("guidance_title"), blocks)


BOARD_ALERT_KEYS = {BoardAlert.DIRECTOR: "board_alert_director", BoardAlert.BOARD: "board_alert_board"}


def board_choice_modal(school_id: str, acute: bool, options: Sequence[BoardAlert]) -> View:
    """A suspicion against a staff member: what the law asks, and whom the bot should alert."""
    blocks: list[Block] = [mrkdwn(t("acute_banner_staff"))] if acute else []
    blocks.append(mrkdwn(t("board_route_intro")))
    if options:
        labels = {option: BOARD_ALERT_KEYS[option] for option in options}
        blocks.append(radio(B.BOARD_ALERT, "label_board_alert", labels, initial=options[0]))
    else:
        blocks.append(mrkdwn(t("board_alert_nobody")))
    return modal(
        Callback.BOARD_CHOICE,
        t("guidance_title"),
        blocks,
        submit_key="modal_save",
        close_key="modal_cancel",
        metadata={"school": school_id, "acute": acute},
        notify_on_close=True,
    )


def board_route_modal(recorded: StaffRouteRecorded, acute: bool) -> View:
    """After the choice: the route is recorded, who was alerted, and what the board must do."""
    blocks: list[Block] = [mrkdwn(t("acute_banner"))] if acute else []
    outcome = {
        BoardAlert.DIRECTOR: "board_route_director",
        BoardAlert.BOARD: "board_route_board",
        None: "board_route_nobody",
    }
    blocks.append(mrkdwn(t(outcome[recorded.alerted], reference=recorded.reference)))
    return modal(Callback.INFO, t("guidance_title"), blocks)


def registered_modal(result: Registered) -> View:
    key = "registered_new" if result.new_case else "registered_added"
    blocks: list[Block] = [mrkdwn(t("acute_banner"))] if result.acute else []
    blocks += [mrkdwn(t(key, reference=result.reference)), mrkdwn(t("registered_next")), context(t("advice_line"))]
    return modal(Callback.INFO, t("registered_title"), blocks)


def open_case_choice_modal(found: OpenCaseFound) -> View:
    choices = RadioButtonsElement(
        action_id=INPUT,
        options=[option("choice_add", "add", reference=found.reference), option("choice_new", "new")],
        initial_option=option("choice_add", "add", reference=found.reference),
    )
    blocks: list[Block] = [
        mrkdwn(t("choice_intro", reference=found.reference)),
        input_block(B.CHOICE, "choice_title", choices),
    ]
    return modal(
        Callback.OPEN_CASE_CHOICE,
        t("choice_title"),
        blocks,
        submit_key="modal_save",
        metadata={"draft": found.draft_id},
        notify_on_close=True,
    )
