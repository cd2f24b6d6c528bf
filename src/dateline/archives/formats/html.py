"""Comment markup to the plain text dateline stores, and plain text back to markup.

Archived comments arrive as HTML (Disqus, Commento) or as text with a little HTML and raw
newlines (WordPress). dateline stores plain text: paragraphs split by a blank line, line
breaks kept, links reduced to their address so nothing but http(s) survives the trip.
"""

import html
import re
from html.parser import HTMLParser

# Elements whose edges separate paragraphs.
_BLOCKS = frozenset(
    {"p", "div", "blockquote", "li", "ul", "ol", "dl", "dt", "dd", "pre", "hr", "table", "tr"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "aside"}
    | {"figure", "figcaption"}
)
_DROPPED = frozenset({"script", "style", "template", "noscript"})
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # \r becomes \n before this runs
_TRAILING = re.compile(r"[ \t]+\n")
_GAPS = re.compile(r"\n{3,}")
_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
_BREAK = "\n"
_PARAGRAPH = "\n\n"


def text_of(markup: str) -> str:
    """The plain text of a comment's markup; entities are decoded exactly once."""
    markup = markup.replace("\r\n", "\n").replace("\r", "\n")
    if "<" not in markup and "&" not in markup:
        return _tidy(markup)  # plain text already, as most WordPress comments are
    converter = _Converter()
    converter.feed(markup)
    converter.close()
    return _tidy("".join(converter.out))


def _tidy(text: str) -> str:
    text = _CONTROL.sub("", text)
    text = _TRAILING.sub("\n", text)
    return _GAPS.sub(_PARAGRAPH, text).strip()


def _address(href: str | None) -> str:
    """The link's address if it is one a reader may follow (http or https), else ""."""
    href = _CONTROL.sub("", href or "").strip()
    return href if _SCHEME.match(href) else ""


def _same_place(text: str, href: str) -> bool:
    """Whether a link's text just shows its address: whole, without the scheme, or cut
    short with an ellipsis the way comment systems shorten long links."""
    text = text.strip()
    bare = _SCHEME.sub("", href)
    if text.endswith(("…", "...")):
        start = text.rstrip(".…")
        return bool(start) and (href.startswith(start) or bare.startswith(start))
    return text.rstrip("/") in (href.rstrip("/"), bare.rstrip("/"))


class _Converter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.links: list[tuple[int, str]] = []  # (where the link's text starts, address)
        self.dropping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _DROPPED:
            self.dropping += 1
        elif tag == "br":
            self.out.append(_BREAK)
        elif tag in _BLOCKS:
            self.out.append(_PARAGRAPH)
        elif tag == "a":
            self.links.append((len(self.out), _address(dict(attrs).get("href"))))

    def handle_startendtag(self, tag, attrs):
        if tag in _DROPPED:
            return  # <script/>: nothing opened, nothing to drop
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in _DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif tag in _BLOCKS:
            self.out.append(_PARAGRAPH)
        elif tag == "a" and self.links:
            self._close_link()

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(data)

    def close(self):
        super().close()
        while self.links:
            self._close_link()

    def _close_link(self):
        start, href = self.links.pop()
        if not href:
            return  # not a followable address: its text stays as it is
        text = "".join(self.out[start:])
        del self.out[start:]
        if not text.strip() or _same_place(text, href):
            self.out.append(href)
        else:
            self.out.append(f"{text} ({href})")


_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_URL_END = ".,;:!?)]}'\""


def markup_of(text: str) -> str:
    """Plain text as comment HTML: paragraphs, line breaks and links; `text_of` gives the
    same text back."""
    paragraphs = (part.strip("\n") for part in re.split(r"\n{2,}", text))
    return "".join(
        "<p>" + "<br>".join(_linked(line) for line in part.split("\n")) + "</p>"
        for part in paragraphs
        if part
    )


def _linked(line: str) -> str:
    pieces, at = [], 0
    for match in _URL.finditer(line):
        url = match.group().rstrip(_URL_END)
        pieces.append(html.escape(line[at : match.start()], quote=False))
        address = html.escape(url)
        pieces.append(f'<a href="{address}" rel="nofollow">{html.escape(url, quote=False)}</a>')
        at = match.start() + len(url)
    pieces.append(html.escape(line[at:], quote=False))
    return "".join(pieces)
