"""The export modal: which document, and the warning that the file will then be stored in Slack
(bot.documents.export describes it; a long list of documents is searched as its menu opens)."""

from __future__ import annotations

from slack_sdk.models.blocks import Option
from slack_sdk.models.views import View

from bot.catalogue import t
from bot.documents.export import export_choices, export_dialog
from bot.flows.steps.export import Exportable
from bot.slack.views.dialogs import modal_of, slack_options


def document_options(made: Exportable) -> list[Option]:
    return slack_options(export_choices(made))


def export_modal(made: Exportable) -> View:
    return modal_of(export_dialog(made, t("export_stored_in_slack")))
