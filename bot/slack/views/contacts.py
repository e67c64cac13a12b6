"""The sociale kaart in Slack: `/meldcode contacten`, and the contacts a step needs."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.catalogue import t
from bot.documents.dialogs import Form, contact_paragraphs
from bot.flows.rules.social_map import NATIONAL, Contact
from bot.slack.views.common import MAX_MODAL_BLOCKS, context, modal, mrkdwn


def contact_sections(contacts: Sequence[Contact], head: Markup | None = None) -> list[Block]:
    """The contacts as sections of a few lines each (a head, when given, opens the first)."""
    return [mrkdwn(paragraph.text) for paragraph in contact_paragraphs(contacts, head)]


def contacts_modal(schools: Sequence[tuple[str, tuple[Contact, ...]]]) -> View:
    """Each school's sociale kaart (the national numbers once, where the user has no school), as
    many schools as a modal holds."""
    blocks: list[Block] = [context(t("contacts_intro"))]
    for name, contacts in schools or [("", NATIONAL)]:
        sections = contact_sections(contacts, t("contacts_school", school=name) if name else None)
        if len(blocks) + len(sections) > MAX_MODAL_BLOCKS:
            break
        blocks += sections
    return modal(Form.INFO, t("contacts_title"), blocks)
