"""Field encryption: authenticated, bound to its column, with a key id that allows rotation."""

from __future__ import annotations

import pytest

from storage.crypto import DecryptionError, FieldCipher, KeyConfigError, generate_key, key_id, parse_key


@pytest.fixture
def cipher() -> FieldCipher:
    return FieldCipher(parse_key(generate_key()))


def test_value_round_trips_when_opened_for_its_own_column(cipher: FieldCipher) -> None:
    sealed = cipher.seal("Fenna Testkind — groep 5 ✓", "meldcase.pupil_name")

    assert "Fenna" not in sealed
    assert sealed.split(":")[1] == cipher.active_key_id
    assert cipher.open(sealed, "meldcase.pupil_name") == "Fenna Testkind — groep 5 ✓"


def test_same_text_seals_differently_each_time(cipher: FieldCipher) -> None:
    assert cipher.seal("x", "p") != cipher.seal("x", "p")


def test_value_does_not_open_when_copied_into_another_column(cipher: FieldCipher) -> None:
    sealed = cipher.seal("geheim", "signal.observed")

    with pytest.raises(DecryptionError):
        cipher.open(sealed, "signal.location")


def test_value_does_not_open_when_one_byte_was_changed(cipher: FieldCipher) -> None:
    sealed = cipher.seal("geheim", "p")
    prefix, token = sealed.rsplit(":", 1)
    flipped = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]

    with pytest.raises(DecryptionError):
        cipher.open(f"{prefix}:{flipped}", "p")


def test_older_key_still_opens_when_a_new_key_is_active() -> None:
    old, new = parse_key(generate_key()), parse_key(generate_key())
    sealed = FieldCipher(old).seal("uit 2025", "p")

    rotated = FieldCipher(new, older_keys=(old,))

    assert rotated.open(sealed, "p") == "uit 2025"
    assert rotated.seal("nieuw", "p").split(":")[1] == key_id(new)


def test_unknown_key_is_named_when_value_was_sealed_under_another_key() -> None:
    sealed = FieldCipher(parse_key(generate_key())).seal("x", "p")

    with pytest.raises(KeyConfigError, match="not configured"):
        FieldCipher(parse_key(generate_key())).open(sealed, "p")


@pytest.mark.parametrize("text, reason", [("not base64!!", "base64"), ("c2hvcnQ=", "32 bytes")])
def test_malformed_key_is_refused_with_reason(text: str, reason: str) -> None:
    with pytest.raises(KeyConfigError, match=reason):
        parse_key(text)


def test_lookup_token_ignores_case_accents_and_spacing(cipher: FieldCipher) -> None:
    assert cipher.lookup_token("linde", "Fénna  de Vries", "5") == cipher.lookup_token("linde", " fenna de vries", "5")
    assert cipher.lookup_token("linde", "Fenna", "5") != cipher.lookup_token("eik", "Fenna", "5")
    assert cipher.lookup_token("linde", "Fenna", "5") != cipher.lookup_token("linde", "Fenna", "6")


def test_every_free_text_column_is_sealed() -> None:
    """A new Text column must be listed in SEALED_COLUMNS (and so encrypted) or this fails."""
    from sqlalchemy import Text

    from storage.models import SEALED_COLUMNS, Base

    text_columns = {
        (mapper.class_, column.key)
        for mapper in Base.registry.mappers
        for column in mapper.columns
        if isinstance(column.type, Text)
    }
    sealed = {(model, name) for model, names in SEALED_COLUMNS.items() for name in names}

    assert text_columns == sealed
