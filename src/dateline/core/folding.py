"""Unicode folding that several apps share: the TR39 skeleton under which look-alike
characters are one ("а" Cyrillic and "a" Latin), and each character's script.

Display names (`accounts.names`) and screening's word lists (`screening.text`) both fold
through the skeleton; names also keep to one script. The data files are Unicode's own
(confusables.txt, and Scripts.txt with its ranges merged).
"""

import unicodedata
from bisect import bisect_right
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
CONFUSABLES = DATA / "confusables.txt"
SCRIPTS = DATA / "scripts.txt"
# Characters of these go with any script: digits, punctuation, combining accents.
ANY_SCRIPT = frozenset({"Common", "Inherited"})


@cache
def confusables_table():
    """{character: replacement} from Unicode's confusables.txt (the skeleton mapping)."""
    table = {}
    with CONFUSABLES.open(encoding="utf-8-sig") as lines:
        for line in lines:
            data = line.split("#", 1)[0].strip()
            if not data:
                continue
            source, target, *_ = (field.strip() for field in data.split(";"))
            table[chr(int(source, 16))] = "".join(chr(int(code, 16)) for code in target.split())
    return table


def skeleton(text):
    """The TR39 skeleton of `text`: NFD, confusables mapping, NFD."""
    table = confusables_table()
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(table.get(ch, ch) for ch in decomposed))


@cache
def script_ranges():
    """(first code points, [(last code point, script)]) from scripts.txt, for bisecting."""
    firsts, rests = [], []
    with SCRIPTS.open(encoding="utf-8") as lines:
        for line in lines:
            data = line.split("#", 1)[0].strip()
            if not data:
                continue
            points, script = (field.strip() for field in data.split(";"))
            first, _, last = points.partition("..")
            firsts.append(int(first, 16))
            rests.append((int(last or first, 16), script))
    return firsts, rests


def script_of(ch):
    """The Unicode Script property of `ch` ("Latin", "Han", "Common", ...)."""
    firsts, rests = script_ranges()
    index = bisect_right(firsts, ord(ch)) - 1
    if index >= 0 and ord(ch) <= rests[index][0]:
        return rests[index][1]
    return "Unknown"


def scripts_of(text):
    """The scripts of `text`'s characters, less Common and Inherited (they go with any)."""
    return {script_of(ch) for ch in text} - ANY_SCRIPT
