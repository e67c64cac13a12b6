"""Every Slack action_id, callback_id and block_id the bot uses: the only home of these strings."""

from enum import StrEnum

from bot.flows.vocabulary import DossierPart
from bot.forms import Field

PLATFORM = "slack"  # how storage names this platform (people, messages, event receipts)


class Command(StrEnum):
    MELDCODE = "/meldcode"


# What follows /meldcode to open the sociale kaart instead of a registration (either language).
CONTACTS_WORDS = frozenset({"contacten", "contacts", "sociale kaart"})
# And to open the guide to the five steps and the afwegingskader.
GUIDE_WORDS = frozenset({"help", "uitleg", "?"})


class Shortcut(StrEnum):
    REGISTER_CONCERN = "register_concern"


class Action(StrEnum):
    START_REGISTRATION = "start_registration"
    OPEN_CASE = "open_case"
    EXPORT_CASE = "export_case"
    FINISH_DRAFT = "finish_draft"
    TAKE_CASE = "take_case"
    ANSWER_YES = "answer_yes"
    ANSWER_NO = "answer_no"
    ANSWER_DOUBT = "answer_doubt"
    RECORD_CONSULTATION = "record_consultation"
    SET_TEAM = "set_team"
    RECORD_CONVERSATION = "record_conversation"
    SKIP_CONVERSATION = "skip_conversation"
    RECORD_REPORT = "record_report"
    RECORD_FEEDBACK = "record_feedback"
    RECORD_HELP_PLAN = "record_help_plan"
    NEW_WEIGHING = "new_weighing"
    CLOSE_CASE = "close_case"
    RECORD_KINDCHECK = "record_kindcheck"
    # One per part of the dossier: action ids must differ within one actions block.
    SHOW_SIGNALS = "show_signals"
    SHOW_CONSULTATIONS = "show_consultations"
    SHOW_CONVERSATIONS = "show_conversations"
    SHOW_WEIGHINGS = "show_weighings"
    SHOW_REPORTS = "show_reports"
    SHOW_HELP_PLANS = "show_help_plans"
    SHOW_TIMELINE = "show_timeline"
    SHOW_REMINDERS = "show_reminders"
    PAGE_NEWER = "page_newer"
    PAGE_OLDER = "page_older"
    HOME_PAGE = "home_page"  # a page of one of the App Home's lists
    HOME_FILTER_DUE = "home_filter_due"  # the desk's filters: what is due, which school
    HOME_FILTER_SCHOOL = "home_filter_school"
    CHOOSE_LANGUAGE = "choose_language"  # the App Home's language select
    OPEN_EVALUATION = "open_evaluation"  # the interne evaluatie, from the Home's statistics
    EVALUATION_SCHOOL = "evaluation_school"  # its selects: another school, another school year
    EVALUATION_PERIOD = "evaluation_period"
    # in reminders
    REMINDER_NOT_YET = "reminder_not_yet"
    POSTPONE_REMINDER = "postpone_reminder"
    CONFIRM_REFERRAL = "confirm_referral"
    FOLLOW_UP_GOOD = "follow_up_good"  # nazorg: the child is doing well
    FOLLOW_UP_SIGNAL = "follow_up_signal"  # nazorg: worries again, a new signal


def show_action(part: DossierPart) -> Action:
    """The button that opens one part of the dossier (action ids must differ within one block)."""
    return Action(f"show_{part.value}")


# A form's fields are a Slack modal's input blocks.
Block = Field


# Inside an input block the element's action_id; one fixed value keeps state parsing simple.
INPUT = "value"
