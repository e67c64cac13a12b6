"""Registering a concern in Teams: the start button opens the intake dialog, and each submission
answers with the dialog that follows (bot.interactions.registration decides which)."""

from __future__ import annotations

from bot.documents.dialogs import Dialog
from bot.flows.services import Services
from bot.forms import record_id
from bot.interactions import registration as registering
from bot.teams.handlers.answer import Asked, Shown


def start(services: Services, asked: Asked) -> Shown:
    return Shown(registering.intake(services, asked.user_id))


def finish_draft(services: Services, asked: Asked) -> Shown:
    return Shown(registering.draft_choice(services, asked.user_id, record_id(asked.data.get("value"))))


def intake(services: Services, asked: Asked) -> Shown:
    return Shown(registering.after_intake(services, asked.user_id, asked.values, asked.meta, asked.key("intake")))


def intake_again(services: Services, asked: Asked) -> Dialog:
    return registering.intake(services, asked.user_id)


def signal(services: Services, asked: Asked) -> Shown:
    return Shown(registering.after_signal(services, asked.user_id, asked.values, asked.meta, asked.key("signal")))


def signal_again(services: Services, asked: Asked) -> Dialog:
    return registering.signal_again(services, asked.meta)


def board_choice(services: Services, asked: Asked) -> Shown:
    return Shown(registering.after_board_choice(services, asked.user_id, asked.values, asked.meta, asked.key("board")))


def open_case_choice(services: Services, asked: Asked) -> Shown:
    return Shown(registering.after_choice(services, asked.user_id, asked.values, asked.meta))
