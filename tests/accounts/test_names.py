"""Display-name keys: which names collide and which stay distinct."""

import unicodedata

import pytest

from dateline.accounts.names import KEY_LENGTH, clean_display_name, name_key
from dateline.core.folding import skeleton

COLLIDE = [
    ("George Patton", "Gеorge Patton"),  # Cyrillic е
    ("George Patton", "george  patton"),
    ("George Patton", "Ge0rge Patton"),
    ("George Patton", "GEORGE PATTON"),
    ("George Patton", "George_Patton"),
    ("George Patton", "George.Patton"),
    ("George Patton", "Geοrge Patton"),  # Greek ο
    ("George Patton", "George Pattοn"),  # Greek ο at the end
    ("George Patton", "Gеоrgе Раttоn"),  # mostly Cyrillic
    ("George Patton", "George\u200bPatton"),  # zero-width space
    ("George Patton", "Géorge Pattön"),  # accents
    ("George Patton", "ＧｅｏｒｇｅＰａｔｔｏｎ"),  # full-width
    ("George Patton", "G3orge Patton"),
    ("George Patton", "George Patt0n"),
    ("Amina Coulibaly", "Amina Couiibaly"),  # i for l
    ("Amina Coulibaly", "Amina Cou1ibaly"),  # 1 for l
    ("Amina Coulibaly", "Amina CouIibaly"),  # capital I for l
    ("Amina Coulibaly", "Arnina Coulibaly"),  # rn for m
    ("Warren", "VVarren"),  # VV for W
    ("Daniel", "cIaniel"),  # cl for d
    ("Sam Whitfield", "$am Whitfield"),
    ("Sam Whitfield", "5am Whitfield"),
    ("Kwame Mensah", "Kwame Mens@h"),
    ("Kwame Mensah", "Kwame Mensah."),
    ("Kwame Mensah", "kwame-mensah"),
    ("Lucie Fontaine", "Lucie Fontaіne"),  # Ukrainian і
    ("Lucie Fontaine", "Luсie Fontaine"),  # Cyrillic с
    ("Lucie Fontaine", "Lucie Fontaine\u00a0"),  # no-break space
    ("Tom Betts", "Tom 8etts"),
    ("Tom Betts", "T0m Bett5"),
    ("Moderator", "M0derat0r"),
    ("Admin", "Adrnin"),
]

DISTINCT = [
    ("George Patton", "George Patterson"),
    ("George Patton", "Georgia Patton"),
    ("George Patton", "George Paton"),
    ("Amina Coulibaly", "Aminata Coulibaly"),
    ("Sam Whitfield", "Sam Whitfeld"),
    ("Sam Whitfield", "Pam Whitfield"),
    ("Kwame Mensah", "Kwame Mensa"),
    ("Lucie Fontaine", "Lucien Fontaine"),
    ("Tom Betts", "Tim Betts"),
    ("Ann", "Anne"),
    ("Li Wei", "Li Wen"),
    ("Ахмед", "Ахмет"),
]


@pytest.mark.parametrize(("taken", "candidate"), COLLIDE)
def test_lookalike_names_collide(taken, candidate):
    assert name_key(taken) == name_key(candidate)


@pytest.mark.parametrize(("taken", "candidate"), DISTINCT)
def test_different_names_stay_distinct(taken, candidate):
    assert name_key(taken) != name_key(candidate)


def test_table_is_large_enough():
    assert len(COLLIDE) + len(DISTINCT) >= 30


def test_skeleton_follows_the_unicode_table():
    # Pairs from Unicode's own confusables data: Cyrillic а, Greek Α, Latin small capital.
    assert skeleton("раураl") == skeleton("paypal")
    assert skeleton("Α") == skeleton("A")
    assert skeleton("ℓ") == skeleton("l")


@pytest.mark.parametrize(
    "name", ["", " ", "x", "a" * 51, "<script>", "visit www.spam.com", "http://x.io", "___"]
)
def test_malformed_names_are_refused(name):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        clean_display_name(name)
    assert error.value.code == "display_name_invalid"


def test_white_space_is_tidied():
    assert clean_display_name("  George   Patton ") == "George Patton"


def test_keys_fit_their_column():
    # One Arabic ligature folds to 18 characters: 50 of them would overflow the column.
    name = clean_display_name("\ufdfa" * 50)
    assert len(name_key(name)) == KEY_LENGTH


@pytest.mark.parametrize(
    "name",
    ["प्रिया शर्मा", "Zoe\u0301 Martin", "ศุภชัย ใจดี"],  # Devanagari, an accent typed apart, Thai
)
def test_names_with_combining_marks_are_accepted(name):
    cleaned = clean_display_name(name)
    assert cleaned == unicodedata.normalize("NFC", name)
