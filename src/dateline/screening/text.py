"""Text folding for the word lists, and near-duplicate fingerprints.

People dodge word filters with leetspeak ("sh1t", "@ss"), spacing ("f u c k"),
separators ("f.u.c.k", "f-u-c-k"), repeated letters ("fuuuck"), look-alike letters
from other scripts and accents. `fold` undoes all of these so that one list entry
matches every variant; `find_words` reports the words as they were written, so the
moderator queue can highlight them.
"""

import re
import unicodedata
import zlib
from functools import lru_cache

from dateline.core.folding import skeleton

LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
     "@": "a", "$": "s", "!": "i", "|": "i", "+": "t", "€": "e", "£": "l"}
)  # fmt: skip
WORD = re.compile(r"[^\W_]+|[@$!|+€£]", re.UNICODE)
# A run of single characters split by spaces or punctuation: "f u c k", "f.u.c.k", "f*u*c*k".
SPACED = re.compile(r"(?<![^\W_])(?:[^\W_][\s.\-_*~'·,]{1,3}){2,}[^\W_](?![^\W_])", re.UNICODE)
TOKEN = re.compile(r"[\w@$!|+€£*]+")  # a word as `fold` reads it: leetspeak and masks
NEAR_SHARE = 0.8
SHORT_WORDS = 6


@lru_cache(maxsize=50_000)  # called per word; most words recur from comment to comment
def strip_marks(text):
    """Drop accents and map look-alike letters from other scripts to Latin ones."""
    text = skeleton(text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def squeeze(word):
    """Letters repeated three or more times count once: "fuuuuck" -> "fuck"."""
    return re.sub(r"(.)\1{2,}", r"\1", word)


@lru_cache(maxsize=1024)  # one comment is folded by several rules; do the work once
def fold(text):
    """The form word lists are matched against: lower case, no tricks, single spaces.

    A "*" standing for a letter ("f*ck") is kept; `find_words` treats it as a wildcard.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    words = []
    for token in TOKEN.findall(text):
        # "!" and "|" stand for i inside a word ("sh!t"), not at its ends ("mission!").
        token = strip_marks(token.strip("!|").translate(LEET))
        token = re.sub(r"[^\w*]", "", token).replace("_", "").strip("*")
        if token:
            words.append(squeeze(token))
    return " ".join(words)


@lru_cache(maxsize=64)
def word_pattern(entries):
    """One regular expression for a tuple of folded list entries (words or phrases)."""
    alternatives = sorted((re.escape(entry) for entry in entries), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?:s|es|ed|ing|er|ers)?(?!\w)")


@lru_cache(maxsize=64)
def folded_entries(entries):
    """{folded form: entry as listed} for a tuple of list entries."""
    return {fold(entry): entry for entry in entries if entry.strip()}


def find_words(text, entries):
    """The list entries that occur in `text`, however disguised, as they are listed.

    Words hidden inside longer ones do not count ("classic" holds no "ass"), except in
    letters spaced out on purpose.
    """
    listed = folded_entries(tuple(entries))
    if not listed:
        return []
    folded = fold(text)
    found = set()
    for match in word_pattern(tuple(sorted(listed))).finditer(folded):
        key = max((key for key in listed if match.group(0).startswith(key)), key=len)
        found.add(listed[key])
    # Letters spaced out ("f u c k", "a f.a.g") are joined, and entries looked for inside.
    for run in SPACED.finditer(unicodedata.normalize("NFKC", text).casefold()):
        joined = fold(re.sub(r"[\s.\-_~'·,]", "", run.group(0)))
        found.update(entry for key, entry in listed.items() if len(key) >= 3 and key in joined)
    for token in folded.split():
        if "*" in token:  # "f*ck", "sh**": a masked word matches entries of its length
            masked = re.compile(re.escape(token).replace(r"\*", r"\w"))
            found.update(entry for key, entry in listed.items() if masked.fullmatch(key))
    # "fag" inside a found "faggot" is the same finding.
    return sorted(
        entry
        for entry in found
        if not any(entry != other and fold(entry) in fold(other) for other in found)
    )


def word_positions(text):
    """(start, end, word as written) of each word, leetspeak and masks included.

    A "!" or "|" at either end is punctuation ("sh1t!"), as `fold` reads it.
    """
    found = []
    for match in TOKEN.finditer(text):
        word = match.group().strip("!|")
        if word:
            start = match.start() + match.group().index(word)
            found.append((start, start + len(word), word))
    return found


def where(text, words):
    """The sorted (start, end) ranges where `words` occur in `text`, disguised or not.

    A word is looked for as written (any case), then word by word after folding, so a
    listed "kike" finds "k1ke" and "towel head" finds "Towel-heads".
    """
    found = set()
    for word in words:
        parts = [re.escape(part) for part in re.findall(r"\S+", word)]
        if not parts:
            continue
        pattern = re.compile(
            r"(?<!\w)" + r"[\W_]+".join(parts) + r"(?:s|es|ed|ing|er|ers)?(?!\w)", re.I
        )
        found.update(match.span() for match in pattern.finditer(text))
    singles = tuple(word for word in words if len(word.split()) == 1)
    if singles:
        found.update(
            (start, end)
            for start, end, token in word_positions(text)
            if not any(s <= start < e for s, e in found) and find_words(token, singles)
        )
        # Letters spaced out on purpose ("f u c k"): the whole run is the word.
        folded = [fold(word) for word in singles]
        for run in SPACED.finditer(text):
            joined = fold(re.sub(r"[\s.\-_~'·,]", "", run.group(0)))
            if any(len(word) >= 3 and word in joined for word in folded):
                found.add(run.span())
    return sorted(found)


def fingerprint(text):
    """The distinct words of a text, folded and hashed small: what near-duplicate checks
    compare (kept in the cache for an hour, so compact)."""
    return tuple(sorted({zlib.crc32(word.encode()) for word in fold(text).split()}))


def near_to(fingerprint):
    """A test of whether another fingerprint belongs to the same text with a word or two
    changed.

    Word sets that overlap by NEAR_SHARE or more (Jaccard) are near; short texts, where
    one word is a large part, must have the same words. One comment is compared with up
    to a few hundred recent ones, so its own side of the work is done once, here.
    """
    words, size = frozenset(fingerprint), len(fingerprint)

    def test(other):
        if size < SHORT_WORDS or len(other) < SHORT_WORDS:
            return fingerprint == other
        if min(size, len(other)) < NEAR_SHARE * max(size, len(other)):
            return False  # the overlap can be no more than the smaller set
        shared = len(words.intersection(other))
        return shared / (size + len(other) - shared) >= NEAR_SHARE

    return test
