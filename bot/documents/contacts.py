"""A line of the sociale kaart, as every platform shows it: organisation, what for, how to reach it."""

from __future__ import annotations

from markupsafe import Markup

from bot.catalogue import t
from bot.documents.labels import label
from bot.flows.rules.social_map import Contact


def contact_line(contact: Contact) -> Markup:
    role = label(contact.role)
    if contact.phone and contact.website:
        return t("contact_line_both", organisation=contact.organisation, role=role, **_reach(contact))
    if contact.phone:
        return t("contact_line_phone", organisation=contact.organisation, role=role, phone=contact.phone)
    return t("contact_line_website", organisation=contact.organisation, role=role, website=contact.website)


def _reach(contact: Contact) -> dict[str, str]:
    return {"phone": contact.phone, "website": contact.website}
