"""Threat and profanity: two attributes that rules judge better than the data could teach.

The shared data holds no labelled threats, and a model of "kill" alone would hold "the
drought will kill the crops". A threat here is a harm aimed at someone: a violent verb
with a person or a group as its object, said as an intention, a wish or a call ("I will
find where you live and kill you", "let's kill all the …", "they should be hanged"),
or one of the set phrases of intimidation ("I know where you live"). Profanity is a
list of swear words, matched however they are disguised. Both scores are fixed levels,
not probabilities, and each comes with the words behind it.
"""

import re
from functools import cache

from . import text
from .classifiers import Score
from .policy import DATA

VIOLENT = (
    r"kill|murder|shoot|shot|hang|lynch|stab|behead|burn|gas|exterminate|slaughter|butcher|"
    r"massacre|punch|rape|bomb|nuke|execute|strangle|torture|slit|string\s+up|"
    r"run\s+over|wipe\s+out|gun\s+down|hunt\s+down"
)
VIOLENT_WORD = rf"(?:{VIOLENT})(?:s|es|ed|d|ing|ting|ning)?"
# Whom a harm is aimed at: a person, or a whole group ("all the ...", "these ...").
VICTIM = (
    r"you|ya|u|him|her|them|'?em|yourself|your\s+(?:family|kids|children|wife|husband)|"
    r"(?:all|every|these|those)\s+(?:of\s+)?(?:the\s+|them\s+|these\s+|those\s+)?"
    r"[a-z'-]+(?:\s+[a-z'-]+)?|(?:the|this|that)\s+(?:reporter|author|writer|journalist|"
    r"mayor|minister|president|judge|moderators?)"
)
INTENT = (
    r"i\s*(?:will|'ll|ll|shall|am\s+going\s+to|'m\s+going\s+to|m\s+going\s+to|am\s+gonna|"
    r"'m\s+gonna|m\s+gonna|want\s+to|wanna|would\s+love\s+to|'d\s+love\s+to|swear\s+i\s*'?ll)|"
    r"we\s*(?:will|'ll|should|must|need\s+to|have\s+to|ought\s+to|are\s+going\s+to)|"
    r"let'?s|lets|(?:some|any)(?:one|body)\s+(?:should|needs?\s+to|ought\s+to|has\s+to|will|"
    r"must|oughta|gotta)|(?:hope|wish)(?:\s+some(?:one|body))?|time\s+to|need\s+to|gonna|"
    r"you\s+(?:should|need\s+to)\s+(?:be|get)"
)
PASSIVE = (
    r"(?:should|must|needs?\s+to|ought\s+to|deserves?\s+to|oughta)\s+(?:all\s+)?(?:be|get)\s+"
    rf"(?:{VIOLENT})(?:ed|d|t|n|ned|ted|ered)?\b"
)
GAP = r"(?:\W+[\w']+){0,6}?\W+"
THREATS = (
    # An intention, wish or call to harm someone: "I will ... kill you", "let's gas them".
    (0.95, re.compile(rf"\b(?:{INTENT}){GAP}{VIOLENT_WORD}\s+(?:{VICTIM})\b")),
    # Someone "should be hanged", "deserves to be shot".
    (0.95, re.compile(rf"\b(?:{PASSIVE})")),
    # Set phrases of intimidation.
    (
        0.9,
        re.compile(
            r"\b(?:(?:know|found|find|finding)\s+(?:out\s+)?where\s+you\s+(?:live|work|sleep)|"
            r"watch\s+your\s+back|you(?:'ll|\s+will)\s+(?:regret|pay\s+for)\b|"
            r"(?:coming|come)\s+for\s+you|you(?:'re|\s+are)\s+(?:dead|next)\b|"
            r"put\s+a\s+bullet\s+in|bullet\s+(?:in|through)\s+(?:your|his|her|their)|"
            r"kill\s+yourself|kys|go\s+die|drop\s+dead|hope\s+you\s+die|"
            r"(?:deserves?|ought)\s+to\s+die|should\s+(?:all\s+)?die)\b"
        ),
    ),
    # A sentence that starts with the harm: "Kill all the ...", "Hang them".
    (0.9, re.compile(rf"(?:^|[.!?\n]\s*)(?:{VIOLENT_WORD})\s+(?:{VICTIM})\b")),
    # A violent verb aimed at someone, with no intent said ("they shot him" may be news).
    (0.5, re.compile(rf"\b{VIOLENT_WORD}\s+(?:you|him|her|them|'?em)\b")),
)


def threat(comment: str) -> Score:
    """The strongest threat pattern in `comment`, with where it is."""
    lowered = comment.lower().replace("’", "'")
    level, found = 0.0, []
    for strength, pattern in THREATS:
        matches = [m.span() for m in pattern.finditer(lowered)]
        if matches and strength >= level:
            level, found = strength, found + matches if strength == level else matches
    if not found:
        folded = text.fold(comment)  # "k1ll y0u": disguised, so no place to point at
        level = max(
            (strength for strength, pattern in THREATS if pattern.search(folded)), default=0.0
        )
    if len(lowered) != len(comment):
        found = []  # lower-casing moved the characters: the ranges would point elsewhere
    ranges = tuple(sorted((start + lead(lowered[start:end]), end) for start, end in found))
    return Score(level, tuple(comment[start:end] for start, end in ranges), ranges)


def lead(piece):
    """How many characters of sentence punctuation and space a match starts with."""
    return len(piece) - len(piece.lstrip(".!?\n \t"))


@cache
def swear_words():
    """{entry: strength} from data/profanity.txt."""
    found = {}
    for line in (DATA / "profanity.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            strength, entry = line.split(maxsplit=1)
            found[entry.strip().lower()] = {"strong": 0.95, "mild": 0.6}[strength]
    return found


def profanity(comment: str) -> Score:
    """The strongest swear word in `comment`, however disguised, and where each is."""
    listed = swear_words()
    found = text.find_words(comment, tuple(listed))
    if not found:
        return Score(0.0, ())
    ranges = tuple(text.where(comment, found))
    return Score(
        max(listed[entry] for entry in found),
        tuple(comment[start:end] for start, end in ranges) or tuple(found),
        ranges,
    )
