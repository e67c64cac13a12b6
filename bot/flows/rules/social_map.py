"""The sociale kaart: whom a school calls, for what (seed 000, bijlage 1; seed 004).

Every school has the national numbers; `meldbot.yml` adds its own local organisations. Which
of them a step shows is decided here, once for every platform.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ContactRole(StrEnum):
    ACUTE = "acute"  # immediate danger
    ADVICE = "advice"  # Veilig Thuis: advice, also anonymously, and meldingen
    POLICE = "police"
    MEDICAL_EXPERT = "medical_expert"  # vertrouwensarts or forensic doctor, with injuries
    SCHOOL_SOCIAL_WORK = "school_social_work"
    YOUTH_DOCTOR = "youth_doctor"  # jeugdarts (GGD)
    CJG = "cjg"  # centrum voor jeugd en gezin
    NEIGHBOURHOOD_TEAM = "neighbourhood_team"  # wijkteam
    HELP = "help"  # any other help the school refers to
    REFERENCE_INDEX = "reference_index"  # verwijsindex
    OTHER = "other"


@dataclass(frozen=True)
class Contact:
    organisation: str
    role: ContactRole
    phone: str = ""
    website: str = ""


NATIONAL: tuple[Contact, ...] = (
    Contact("112", ContactRole.ACUTE, phone="112"),
    Contact("Veilig Thuis", ContactRole.ADVICE, phone="0800-2000", website="https://www.veiligthuis.nl"),
    Contact("Politie", ContactRole.POLICE, phone="0900-8844", website="https://www.politie.nl"),
)

# Step 2: whom the school may consult (Veilig Thuis' advice, a doctor for injuries, the partners
# of the care structure).
CONSULTED: frozenset[ContactRole] = frozenset(
    {ContactRole.ADVICE, ContactRole.MEDICAL_EXPERT, ContactRole.SCHOOL_SOCIAL_WORK, ContactRole.YOUTH_DOCTOR}
)


# The help plan: where the school may refer a family for help (question 4).
REFERRED: frozenset[ContactRole] = frozenset(
    {
        ContactRole.SCHOOL_SOCIAL_WORK,
        ContactRole.YOUTH_DOCTOR,
        ContactRole.CJG,
        ContactRole.NEIGHBOURHOOD_TEAM,
        ContactRole.HELP,
        ContactRole.OTHER,
    }
)

# With acute danger: whom to call now.
ACUTE_DANGER: frozenset[ContactRole] = frozenset({ContactRole.ACUTE, ContactRole.ADVICE, ContactRole.POLICE})


def social_map(own: tuple[Contact, ...]) -> tuple[Contact, ...]:
    """The national numbers, then the school's own, in the order of its file."""
    return NATIONAL + own


def for_consultation(contacts: tuple[Contact, ...]) -> tuple[Contact, ...]:
    return tuple(c for c in contacts if c.role in CONSULTED)


def for_referral(contacts: tuple[Contact, ...]) -> tuple[Contact, ...]:
    return tuple(c for c in contacts if c.role in REFERRED)


def for_acute_danger(contacts: tuple[Contact, ...]) -> tuple[Contact, ...]:
    return tuple(c for c in contacts if c.role in ACUTE_DANGER)
