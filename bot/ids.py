"""Every Slack action_id, callback_id and block_id the bot uses: the only home of these strings."""

from enum import StrEnum


class Command(StrEnum):
    MELDCODE = "/meldcode"


class Shortcut(StrEnum):
    REGISTER_CONCERN = "register_concern"


class Callback(StrEnum):
    """Modal callback ids."""

    INTAKE = "intake"
    SIGNAL = "signal"
    OPEN_CASE_CHOICE = "open_case_choice"
    INFO = "info"  # read-only modals: dossier, status, guidance


class Action(StrEnum):
    START_REGISTRATION = "start_registration"
    OPEN_CASE = "open_case"
    FINISH_DRAFT = "finish_draft"


class Block(StrEnum):
    """Input block ids. For signal fields the value equals the SignalForm field it fills."""

    SCHOOL = "school"
    ROUTE = "route"
    ACUTE = "acute"
    PUPIL_NAME = "pupil_name"
    PUPIL_GROUP = "pupil_group"
    AGE_BAND = "age_band"
    OBSERVED = "observed"
    OBSERVED_ON = "observed_on"
    LOCATION = "location"
    SOURCE = "source"
    SOURCE_DETAIL = "source_detail"
    CATEGORIES = "categories"
    COUNTER_FACTS = "counter_facts"
    CHOICE = "choice"


# Inside an input block the element's action_id; one fixed value keeps state parsing simple.
INPUT = "value"
