"""The registration modals: intake (route, acute danger), the signal form, and their outcomes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TypeVar

from slack_sdk.models.blocks import (
    Block,
    CheckboxesElement,
    DatePickerElement,
    InputBlock,
    InputInteractiveElement,
    PlainTextInputElement,
    PlainTextObject,
    RadioButtonsElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.flows.directory import School
from bot.flows.registration import LIMITS, OpenCaseFound, Registered, RouteResult
from bot.flows.vocabulary import AgeBand, Route, SignalCategory, SignalSource
from bot.ids import INPUT, Callback
from bot.ids import Block as B
from bot.texts import t
from bot.views.common import context, modal, mrkdwn, named_option, option

K = TypeVar("K", bound=str)

ROUTE_KEYS = {
    Route.HOME: "route_home",
    Route.STAFF_MEMBER: "route_staff_member",
    Route.BETWEEN_CHILDREN: "route_between_children",
}
AGE_KEYS = {AgeBand.UNDER_12: "age_under_12", AgeBand.FROM_12_TO_16: "age_12_16", AgeBand.FROM_16: "age_16_plus"}
SOURCE_KEYS = {SignalSource.OWN_OBSERVATION: "source_own", SignalSource.TOLD_BY_OTHER: "source_told"}
YES_NO_KEYS = {"yes": "yes", "no": "no"}
CATEGORY_KEYS = {c: f"category_{c.value}" for c in SignalCategory}


def _input(
    block: B, label_key: str, element: InputInteractiveElement, *, optional: bool = False, hint_key: str | None = None
) -> InputBlock:
    return InputBlock(
        block_id=block,
        label=PlainTextObject(text=t(label_key)),
        element=element,
        optional=optional,
        hint=PlainTextObject(text=t(hint_key)) if hint_key else None,
    )


def _choice(block: B, label_key: str, labels: Mapping[K, str]) -> InputBlock:
    """Radio buttons, one per value, labelled from the catalogue."""
    options = [option(key, value) for value, key in labels.items()]
    return _input(block, label_key, RadioButtonsElement(action_id=INPUT, options=options))


def _text(
    block: B, label_key: str, *, multiline: bool = False, optional: bool = False, hint_key: str | None = None
) -> InputBlock:
    element = PlainTextInputElement(action_id=INPUT, multiline=multiline, max_length=LIMITS[block.value])
    return _input(block, label_key, element, optional=optional, hint_key=hint_key)


def intake_modal(schools: Sequence[School]) -> View:
    """Step one of registering: which school (when several), who it is about, acute danger."""
    blocks: list[Block] = [context(t("intake_intro"))]
    if len(schools) > 1:
        blocks.append(
            _input(
                B.SCHOOL,
                "label_school",
                StaticSelectElement(action_id=INPUT, options=[named_option(s.name, s.id) for s in schools]),
            )
        )
    blocks.append(_choice(B.ROUTE, "label_route", ROUTE_KEYS))
    blocks.append(_choice(B.ACUTE, "label_acute", YES_NO_KEYS))
    metadata = {"school": schools[0].id} if len(schools) == 1 else None
    return modal(
        Callback.INTAKE,
        t("modal_intake_title"),
        blocks,
        submit_key="modal_next",
        close_key="modal_cancel",
        metadata=metadata,
    )


def signal_modal(school_id: str, acute: bool, today: date) -> View:
    """The step-1 form: the pupil, and what was seen or heard, as facts."""
    blocks: list[Block] = [mrkdwn(t("acute_banner"))] if acute else []
    blocks += [
        _text(B.PUPIL_NAME, "label_pupil_name"),
        _text(B.PUPIL_GROUP, "label_pupil_group"),
        _choice(B.AGE_BAND, "label_age_band", AGE_KEYS),
        _text(B.OBSERVED, "label_observed", multiline=True, hint_key="hint_observed"),
        _input(B.OBSERVED_ON, "label_observed_on", DatePickerElement(action_id=INPUT, initial_date=today.isoformat())),
        _text(B.LOCATION, "label_location"),
        _choice(B.SOURCE, "label_source", SOURCE_KEYS),
        _text(B.SOURCE_DETAIL, "label_source_detail", optional=True, hint_key="hint_source_detail"),
        _input(
            B.CATEGORIES,
            "label_categories",
            CheckboxesElement(
                action_id=INPUT, options=[option(key, category) for category, key in CATEGORY_KEYS.items()]
            ),
        ),
        _text(B.COUNTER_FACTS, "label_counter_facts", multiline=True, optional=True, hint_key="hint_counter_facts"),
    ]
    return modal(
        Callback.SIGNAL,
        t("modal_signal_title"),
        blocks,
        submit_key="modal_save",
        close_key="modal_cancel",
        metadata={"school": school_id, "acute": acute},
    )


def route_outcome_modal(result: RouteResult) -> View:
    """What the reporter sees after choosing a route other than the meldcode."""
    blocks: list[Block] = [mrkdwn(t("acute_banner"))] if result.acute else []
    if result.route is Route.STAFF_MEMBER:
        blocks.append(mrkdwn(t("board_route", reference=result.reference)))
    else:
        blocks.append(mrkdwn(t("safety_plan_route")))
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
        _input(B.CHOICE, "choice_title", choices),
    ]
    return modal(
        Callback.OPEN_CASE_CHOICE,
        t("choice_title"),
        blocks,
        submit_key="modal_save",
        metadata={"draft": found.draft_id},
        notify_on_close=True,
    )
