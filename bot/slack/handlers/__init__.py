"""Thin Slack listeners: ack, parse, call a flow, render. One module per user task."""

from slack_bolt.async_app import AsyncApp

from bot.slack.handlers import (
    case,
    errors,
    evaluation,
    export,
    home,
    member_groups,
    registration,
    reminders,
    steps,
    suggestions,
)


def register_all(app: AsyncApp) -> None:
    errors.register(app)
    registration.register(app)
    case.register(app)
    steps.register(app)
    reminders.register(app)
    export.register(app)
    home.register(app)
    evaluation.register(app)
    suggestions.register(app)
    member_groups.register(app)
