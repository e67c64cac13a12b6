"""The bot's forms and the read-only windows that follow them, on every platform: what each shows,
in which order, and what it carries back. A Slack modal and a Teams dialog are two drawings of one
`Dialog`; the platform adapters never decide what a form asks.

Texts are the bot's own (catalogue sentences) or a form's initial values; a dialog is only ever
opened for the person the flow let see it, so a pupil's name may be among its initial values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from markupsafe import Markup

from bot.catalogue import joined, t
from bot.documents.contacts import contact_line
from bot.documents.labels import keys, label
from bot.documents.notices import Button
from bot.flows.errors import MeldcodeError
from bot.flows.rules.directory import School
from bot.flows.rules.social_map import Contact
from bot.flows.rules.validation import TEXT_LIMITS
from bot.flows.steps.registration import OpenCaseFound, Registered
from bot.flows.steps.reminder_actions import PupilAgain, ReminderBrief
from bot.flows.steps.staff_route import StaffRouteRecorded
from bot.flows.vocabulary import AgeBand, BoardAlert, Route, SignalCategory, SignalSource
from bot.forms import Field

K = TypeVar("K", bound=str)


class Form(StrEnum):
    """Which dialog a submission comes from (a Slack modal's callback id, a Teams dialog's action)."""

    INTAKE = "intake"
    SIGNAL = "signal"
    OPEN_CASE_CHOICE = "open_case_choice"
    BOARD_CHOICE = "board_choice"  # the staff-member route: whom to alert
    INFO = "info"  # read-only: an outcome, guidance, a refusal
    CASE = "case"  # the case view: the dossier and the next steps
    SECTION = "case_section"  # one part of the dossier, page by page
    CONSULTATION = "consultation"
    TEAM = "team"
    CONVERSATION = "conversation"
    SKIP_CONVERSATION = "skip_conversation"
    ANSWER = "answer"
    REPORT = "report"
    FEEDBACK = "feedback"
    HELP_PLAN = "help_plan"
    CLOSE_CASE = "close_case"
    KINDCHECK = "kindcheck"
    POSTPONE = "postpone_reminder"
    EXPORT = "export_case"  # choose the document to make a PDF of


@dataclass(frozen=True)
class Says:
    """The bot's own text: a paragraph (`aside`: a small note beside the form)."""

    text: Markup | str
    aside: bool = False


@dataclass(frozen=True)
class Heading:
    text: Markup | str


@dataclass(frozen=True)
class Written:
    """Someone's own words (a pupil's name, an observation): shown whole, as plain text."""

    text: str


@dataclass(frozen=True)
class Divider:
    pass


@dataclass(frozen=True)
class Buttons:
    """A row of buttons; each opens a dialog in place of this one, or takes a step and shows the case."""

    buttons: tuple[Button, ...]


@dataclass(frozen=True)
class Option:
    value: str
    label: Markup | str


class Kind(StrEnum):
    """How a field is answered."""

    TEXT = "text"
    LONG_TEXT = "long_text"
    ONE_OF = "one_of"
    MANY_OF = "many_of"
    DATE = "date"
    PERSON = "person"  # someone at the school (a platform user id)
    PEOPLE = "people"  # several; `initial` joins their ids with commas


@dataclass(frozen=True)
class Input:
    """One field. `options` for a choice; `initial` as it opens (a text, an option's value, an ISO date)."""

    field: Field
    label_key: str
    kind: Kind
    optional: bool = False
    hint_key: str | None = None
    options: tuple[Option, ...] = ()
    initial: str = ""

    @property
    def limit(self) -> int:
        """The longest text the flow takes for this field."""
        return TEXT_LIMITS[self.field.value]


Part = Says | Heading | Written | Divider | Buttons | Input

# How much one dialog shows, counted as Slack counts its modal's blocks (the smaller of the two
# platforms): one per part, and someone's own words one per 3,000 characters (a section's most).
MAX_PARTS = 100
WRITTEN_CHUNK = 3000


def size(part: Part) -> int:
    return -(-len(part.text) // WRITTEN_CHUNK) if isinstance(part, Written) else 1


@dataclass(frozen=True)
class Dialog:
    form: Form
    title: Markup | str
    parts: tuple[Part, ...]
    submit_key: str | None = None  # None: read-only
    close_key: str = "modal_close"
    metadata: Mapping[str, Any] | None = None  # what the submission carries back (ids and flags only)
    closing_matters: bool = False  # closing it unanswered must reach the bot (Slack: notify_on_close)

    @property
    def inputs(self) -> list[Input]:
        return [part for part in self.parts if isinstance(part, Input)]


def text(field: Field, label_key: str, *, long: bool = False, optional: bool = False,
         hint_key: str | None = None, initial: str = "") -> Input:  # fmt: skip
    return Input(field, label_key, Kind.LONG_TEXT if long else Kind.TEXT, optional, hint_key, initial=initial)


def one_of(
    field: Field, label_key: str, labels: Mapping[K, str], *, initial: str = "", optional: bool = False
) -> Input:
    """One of several values, each labelled by its catalogue key."""
    return Input(field, label_key, Kind.ONE_OF, optional, options=_options(labels), initial=initial)


def many_of(field: Field, label_key: str, labels: Mapping[K, str], *, optional: bool = False) -> Input:
    return Input(field, label_key, Kind.MANY_OF, optional, options=_options(labels))


def on_date(field: Field, label_key: str, initial: date | None = None, *, optional: bool = False,
            hint_key: str | None = None) -> Input:  # fmt: skip
    return Input(field, label_key, Kind.DATE, optional, hint_key, initial=initial.isoformat() if initial else "")


def person(field: Field, label_key: str, *, initial: str = "", optional: bool = False) -> Input:
    return Input(field, label_key, Kind.PERSON, optional, initial=initial)


def people(field: Field, label_key: str, initial: Sequence[str], *, hint_key: str | None = None) -> Input:
    return Input(field, label_key, Kind.PEOPLE, True, hint_key, initial=",".join(initial))


def buttons(*row: Button) -> list[Buttons]:
    """A row of buttons, or nothing when there is no button to offer."""
    return [Buttons(row)] if row else []


def _options(labels: Mapping[K, str]) -> tuple[Option, ...]:
    return tuple(Option(value, t(key)) for value, key in labels.items())


def info(title: Markup | str, *parts: Part) -> Dialog:
    return Dialog(Form.INFO, title, parts)


def refusal(error: MeldcodeError) -> Dialog:
    """What the user sees in place of a form the flow refused: why."""
    return info(t("error_title"), Says(refusal_text(error)))


def refusal_text(error: MeldcodeError) -> Markup:
    values = {k: label(v) if isinstance(v, StrEnum) else v for k, v in error.values.items()}
    return t(error.text_key, **values)


def problem_text(key: str, field: str, typed: str) -> Markup:
    """The sentence under a field the flow refused (`typed`: what it held, for a text too long)."""
    if key == "error_too_long":
        return t(key, length=len(typed), limit=TEXT_LIMITS[field])
    return t(key)


LINES_PER_PARAGRAPH = 12  # well within a Slack section's 3,000 characters at the longest line allowed


def contact_paragraphs(contacts: Sequence[Contact], head: Markup | None = None) -> list[Says]:
    """The contacts, a few lines to a paragraph (a head, when given, opens the first)."""
    lines = [contact_line(c) for c in contacts]
    if head is not None:
        lines.insert(0, head)
    return [Says(joined(lines[i : i + LINES_PER_PARAGRAPH])) for i in range(0, len(lines), LINES_PER_PARAGRAPH)]


# --- registering a concern ----------------------------------------------------------------------

YES_NO_KEYS = {"yes": "yes", "no": "no"}


def intake(schools: Sequence[School]) -> Dialog:
    """Step one of registering: which school (when several), who it is about, acute danger."""
    parts: list[Part] = [Says(t("intake_intro"), aside=True)]
    if len(schools) > 1:
        parts.append(Input(Field.SCHOOL, "label_school", Kind.ONE_OF, options=school_options(schools)))
    parts.append(one_of(Field.ROUTE, "label_route", keys(Route)))
    parts.append(one_of(Field.ACUTE, "label_acute", YES_NO_KEYS))
    return Dialog(
        Form.INTAKE,
        t("modal_intake_title"),
        tuple(parts),
        submit_key="modal_next",
        close_key="modal_cancel",
        metadata={"school": schools[0].id} if len(schools) == 1 else None,
    )


def school_options(schools: Sequence[School]) -> tuple[Option, ...]:
    return tuple(Option(s.id, s.name) for s in schools)


def signal(
    school_id: str, acute: bool, today: date, contacts: Sequence[Contact] = (), pupil: PupilAgain | None = None
) -> Dialog:
    """The step-1 form: the pupil, and what was seen or heard, as facts; with acute danger, first
    whom to call now (`contacts`, from the school's sociale kaart). From the nazorg of a closed
    case, the `pupil` is filled in already."""
    parts: list[Part] = [Says(t("acute_banner")), *contact_paragraphs(contacts)] if acute else []
    parts += [
        Says(t("signal_guidance"), aside=True),
        text(Field.PUPIL_NAME, "label_pupil_name", initial=pupil.pupil_name if pupil else ""),
        text(Field.PUPIL_GROUP, "label_pupil_group", initial=pupil.pupil_group if pupil else ""),
        one_of(Field.AGE_BAND, "label_age_band", keys(AgeBand), initial=(pupil.age_band or "") if pupil else ""),
        text(Field.OBSERVED, "label_observed", long=True, hint_key="hint_observed"),
        on_date(Field.OBSERVED_ON, "label_observed_on", today),
        text(Field.LOCATION, "label_location"),
        one_of(Field.SOURCE, "label_source", keys(SignalSource)),
        text(Field.SOURCE_DETAIL, "label_source_detail", optional=True, hint_key="hint_source_detail"),
        many_of(Field.CATEGORIES, "label_categories", keys(SignalCategory)),
        text(Field.COUNTER_FACTS, "label_counter_facts", long=True, optional=True, hint_key="hint_counter_facts"),
    ]
    return Dialog(
        Form.SIGNAL,
        t("modal_signal_title"),
        tuple(parts),
        submit_key="modal_save",
        close_key="modal_cancel",
        metadata={"school": school_id, "acute": acute},
    )


def safety_plan(acute: bool) -> Dialog:
    """Between children: the school's safety plan, not the meldcode."""
    banner = [Says(t("acute_banner"))] if acute else []
    return info(t("guidance_title"), *banner, Says(t("safety_plan_route")))


BOARD_ALERT_KEYS = {BoardAlert.DIRECTOR: "board_alert_director", BoardAlert.BOARD: "board_alert_board"}


def board_choice(school_id: str, acute: bool, options: Sequence[BoardAlert]) -> Dialog:
    """A suspicion against a staff member: what the law asks, and whom the bot should alert."""
    parts: list[Part] = [Says(t("acute_banner_staff"))] if acute else []
    parts.append(Says(t("board_route_intro")))
    if options:
        labels = {option.value: BOARD_ALERT_KEYS[option] for option in options}
        parts.append(one_of(Field.BOARD_ALERT, "label_board_alert", labels, initial=options[0]))
    else:
        parts.append(Says(t("board_alert_nobody")))
    return Dialog(
        Form.BOARD_CHOICE,
        t("guidance_title"),
        tuple(parts),
        submit_key="modal_save",
        close_key="modal_cancel",
        metadata={"school": school_id, "acute": acute},
        closing_matters=True,
    )


def board_route(recorded: StaffRouteRecorded, acute: bool) -> Dialog:
    """After the choice: the route is recorded, who was alerted, and what the board must do."""
    banner = [Says(t("acute_banner"))] if acute else []
    outcome = {
        BoardAlert.DIRECTOR: "board_route_director",
        BoardAlert.BOARD: "board_route_board",
        None: "board_route_nobody",
    }
    return info(t("guidance_title"), *banner, Says(t(outcome[recorded.alerted], reference=recorded.reference)))


def registered(result: Registered) -> Dialog:
    key = "registered_new" if result.new_case else "registered_added"
    banner = [Says(t("acute_banner"))] if result.acute else []
    return info(
        t("registered_title"),
        *banner,
        Says(t(key, reference=result.reference)),
        Says(t("registered_next")),
        Says(t("advice_line"), aside=True),
    )


def open_case_choice(found: OpenCaseFound) -> Dialog:
    options = (Option("add", t("choice_add", reference=found.reference)), Option("new", t("choice_new")))
    return Dialog(
        Form.OPEN_CASE_CHOICE,
        t("choice_title"),
        (
            Says(t("choice_intro", reference=found.reference)),
            Input(Field.CHOICE, "choice_title", Kind.ONE_OF, options=options, initial="add"),
        ),
        submit_key="modal_save",
        metadata={"draft": found.draft_id},
        closing_matters=True,
    )


# --- acting on a reminder -------------------------------------------------------------------------


def postpone(brief: ReminderBrief, today: date, place: Mapping[str, str]) -> Dialog:
    """ "Remind me on …". `place` is where the reminder's message is, so that it can say what was decided."""
    return Dialog(
        Form.POSTPONE,
        t("postpone_title"),
        (
            Says(t("postpone_intro", reference=brief.reference, kind=label(brief.kind))),
            on_date(Field.UNTIL, "label_until", today + timedelta(days=7)),
            text(Field.POSTPONE_REASON, "label_postpone_reason", long=True),
        ),
        submit_key="modal_save",
        close_key="modal_cancel",
        metadata={"reminder": brief.reminder_id, **place},
    )
