"""Mark, in a comment's text, the words that screening found (for the moderator queue)."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from dateline.screening.text import fold

TOKEN = re.compile(r"\S+")


def flagged_words(comment):
    words = set()
    for reason in comment.reasons:
        words.update(str(word) for word in reason.get("detail", {}).get("words", []))
    return words


def highlight(comment):
    """The comment as escaped text with <mark> around every word that drove a decision."""
    words = flagged_words(comment)
    folded = {fold(word) for word in words if word.strip()}
    pieces, last = [], 0
    for match in TOKEN.finditer(comment.body):
        token = match.group(0)
        pieces.append(escape(comment.body[last : match.start()]))
        bare = token.strip(".,;:!?\"'()[]")
        hit = token in words or bare in words or (fold(bare) in folded and fold(bare))
        pieces.append(f"<mark>{escape(token)}</mark>" if hit else escape(token))
        last = match.end()
    pieces.append(escape(comment.body[last:]))
    paragraphs = "".join(pieces).split("\n\n")
    return mark_safe("".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs))
