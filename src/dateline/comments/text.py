"""Comment text: plain text in, safe HTML out (paragraphs, links with rel="nofollow ugc")."""

import re

import nh3
from django.core.exceptions import ValidationError
from django.utils.html import escape

from dateline.core.inputs import COMMENT_MAX_LENGTH as MAX_LENGTH

# Control characters but line breaks and tabs, surrogates, noncharacters and the
# specials block (U+FFF0–U+FFFF): what no one types. Emoji and other scripts are text.
NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufdd0-\ufdef\ufff0-\uffff]")
URL = re.compile(r"\bhttps?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]", re.IGNORECASE)


def clean_body(body, *, max_length=MAX_LENGTH):
    """Trim and check a comment; returns the text to store, or raises ValidationError."""
    if not isinstance(body, str):
        raise ValidationError("A comment is text.", code="invalid_body")
    body = body.replace("\r\n", "\n").strip()
    if not body:
        raise ValidationError("Write something before posting.", code="empty")
    if len(body) > max_length:
        raise ValidationError(
            f"A comment has at most {max_length:,} characters (this one has {len(body):,}).",
            code="too_long",
        )
    if NOT_TEXT.search(body):
        raise ValidationError("The comment contains characters that are not text.", code="binary")
    return body


def render_body(body):
    """Paragraphs and auto-linked URLs, sanitised by nh3 whatever the input."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", body) if part.strip()]
    html = "".join(
        "<p>" + "<br>".join(link_urls(line) for line in paragraph.split("\n")) + "</p>"
        for paragraph in paragraphs
    )
    return nh3.clean(
        html,
        tags={"p", "br", "a"},
        attributes={"a": {"href"}},
        link_rel="nofollow ugc noopener",
        url_schemes={"http", "https"},
    )


def link_urls(line):
    pieces, last = [], 0
    for match in URL.finditer(line):
        pieces.append(escape(line[last : match.start()]))
        url = escape(match.group(0))
        pieces.append(f'<a href="{url}">{url}</a>')
        last = match.end()
    pieces.append(escape(line[last:]))
    return "".join(pieces)
