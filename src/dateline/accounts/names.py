"""Display names that cannot be impersonated.

Two names collide when their keys are equal. The key is the Unicode TR39 skeleton
(NFD, map every character through Unicode's confusables table, NFD again), folded
further for the tricks people use on comment sections: case, white space and
punctuation, invisible characters, and digits or letter pairs that pass for letters
(0/o, 1/l/I, rn/m, vv/w, ...), and compatibility forms such as full-width letters. "Gеorge Patton" with a Cyrillic e, "george  patton"
and "Ge0rge Patton" all have the key of "George Patton".

A name must also keep to one script, or to a mix common in one language: Unicode TR39's
"highly restrictive" level, so that a single look-alike letter from another alphabet
cannot hide in it.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from dateline.core.folding import scripts_of, skeleton
from dateline.core.links import mentions_link

MIN_LENGTH, MAX_LENGTH = 2, 50
# Keys are stored in columns this long; one character can fold to many (NFKC of U+FDFA is 18).
KEY_LENGTH = 200
PUNCTUATION = frozenset(" .'-_")
# Names nobody may take, nor anything that looks like them.
RESERVED_NAMES = ("moderator", "admin", "administrator", "staff", "editor", "dateline")
# After the skeleton: characters and pairs that pass for letters in a display name.
LOOKALIKES = str.maketrans(
    {
        "0": "o",
        "1": "l",
        "i": "l",
        "|": "l",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "$": "s",
        "@": "a",
        "!": "l",
    }
)
LOOKALIKE_PAIRS = (("rn", "m"), ("vv", "w"), ("cl", "d"))
# TR39 "highly restrictive": one script, or a subset of one of these mixes.
SAFE_MIXES = (
    frozenset({"Latin", "Han", "Hiragana", "Katakana"}),
    frozenset({"Latin", "Han", "Bopomofo"}),
    frozenset({"Latin", "Han", "Hangul"}),
)


def is_highly_restrictive(text):
    """True when `text` keeps to one script or to a mix TR39 calls highly restrictive."""
    scripts = scripts_of(text)
    return len(scripts) <= 1 or any(scripts <= mix for mix in SAFE_MIXES)


def name_key(name):
    """The key under which display names collide."""
    # NFKC first: full-width and other compatibility forms are not in the skeleton table.
    folded = skeleton(unicodedata.normalize("NFKC", name)).casefold()
    # Drop accents, spaces, punctuation and invisible characters: letters and digits remain.
    kept = "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN" or ch in "$@|!")
    kept = skeleton(kept).casefold().translate(LOOKALIKES)
    for pair, letter in LOOKALIKE_PAIRS:
        kept = kept.replace(pair, letter)
    return kept[:KEY_LENGTH]


def allowed(ch):
    """Letters (with their combining marks: Devanagari vowel signs, accents typed apart),
    digits, and a little punctuation."""
    return ch.isalnum() or unicodedata.category(ch).startswith("M") or ch in PUNCTUATION


def clean_display_name(name):
    """Trim and check the shape of a display name; returns the cleaned name."""
    name = unicodedata.normalize("NFC", " ".join((name or "").split()))
    if not MIN_LENGTH <= len(name) <= MAX_LENGTH:
        raise ValidationError(
            _("A display name has %(min)d to %(max)d characters.")
            % {"min": MIN_LENGTH, "max": MAX_LENGTH},
            code="display_name_invalid",
        )
    if not all(allowed(ch) for ch in name) or mentions_link(name):
        raise ValidationError(
            _("Use letters, digits, spaces and . ' - _ only (no links)."),
            code="display_name_invalid",
        )
    if not name_key(name):
        raise ValidationError(
            _("A display name needs at least one letter."), code="display_name_invalid"
        )
    if not is_highly_restrictive(name):
        # Scripts keep their Unicode names ("Cyrillic and Latin") in every language.
        mixed = get_text_list(sorted(scripts_of(name)), _("and"))
        raise ValidationError(
            _(
                "Use letters from one alphabet: this name mixes %(scripts)s letters. Only "
                "Chinese, Japanese or Korean may be mixed with Latin letters."
            )
            % {"scripts": mixed},
            code="display_name_invalid",
        )
    return name


def check_available(name, *, users, bylines, user=None):
    """Raise ValidationError unless `name` is free for `user` (None: a new account).

    Free means not reserved, not confusable with another account's name, and not
    confusable with a byline other than `user`'s own. `users` and `bylines` are the
    querysets to check against (accounts' User and ReservedByline); returns the name's key.
    """
    key = name_key(name)
    if any(name_key(reserved) == key for reserved in RESERVED_NAMES):
        raise ValidationError(_("That display name is reserved."), code="display_name_taken")
    holder = users.filter(display_name_key=key).exclude(pk=getattr(user, "pk", None)).first()
    if holder is not None:
        if holder.display_name.casefold() == name.casefold():
            raise ValidationError(_("That display name is taken."), code="display_name_taken")
        raise ValidationError(
            _("That display name looks too much like “%(name)s”, which is taken.")
            % {"name": holder.display_name},
            code="display_name_confusable",
        )
    byline = (
        bylines.filter(name_key=key)
        .exclude(author_id=getattr(user, "byline_id", None))
        .select_related("author")
        .first()
    )
    if byline is None:
        return key
    if byline.author.name.casefold() == name.casefold():
        raise ValidationError(
            _("That display name is reserved: it is a byline of the newsroom."),
            code="display_name_taken",
        )
    raise ValidationError(
        _("That display name looks too much like “%(name)s”, a byline of the newsroom.")
        % {"name": byline.author.name},
        code="display_name_confusable",
    )
