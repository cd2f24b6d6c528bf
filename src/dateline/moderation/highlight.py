"""Mark, in a comment's text, the words that screening found (for the moderator queue).

Screening records where each reason's words are as [start, end] character ranges; those
are marked as they are. Verdicts recorded before screening kept ranges name only words,
which are found again by folding.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from dateline.screening.text import fold

TOKEN = re.compile(r"\S+")


def recorded_ranges(comment):
    """The (start, end) ranges the comment's reasons point at, or None if none recorded."""
    found, recorded = set(), False
    for reason in comment.reasons:
        ranges = reason.get("detail", {}).get("spans")
        if ranges is None:
            continue
        recorded = True
        for pair in ranges:
            if isinstance(pair, list | tuple) and len(pair) == 2:
                start, end = pair
                if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
                    found.add((start, min(end, len(comment.body))))
    return sorted(found) if recorded else None


def named_ranges(comment):
    """Ranges of the tokens that match a reason's words (verdicts without spans)."""
    words = set()
    for reason in comment.reasons:
        words.update(str(word) for word in reason.get("detail", {}).get("words", []))
    folded = {fold(word) for word in words if word.strip()}
    found = []
    for match in TOKEN.finditer(comment.body):
        token = match.group(0)
        bare = token.strip(".,;:!?\"'()[]")
        if token in words or bare in words or (fold(bare) in folded and fold(bare)):
            found.append(match.span())
    return found


def marked(text, offset, ranges):
    """`text` (which starts at `offset` of the comment) escaped, with `ranges` marked."""
    pieces, last = [], 0
    for start, end in ranges:
        start, end = max(start - offset, last), min(end - offset, len(text))
        if start >= end:
            continue
        pieces.append(escape(text[last:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    pieces.append(escape(text[last:]))
    return "".join(pieces).replace("\n", "<br>")


def highlight(comment):
    """The comment as escaped paragraphs with <mark> around every word behind a decision."""
    ranges = recorded_ranges(comment)
    if ranges is None:
        ranges = named_ranges(comment)
    paragraphs, offset = [], 0
    for paragraph in comment.body.split("\n\n"):
        paragraphs.append(f"<p>{marked(paragraph, offset, ranges)}</p>")
        offset += len(paragraph) + 2
    return mark_safe("".join(paragraphs))
