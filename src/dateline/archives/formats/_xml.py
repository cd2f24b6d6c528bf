"""Streaming XML for the XML formats: read with expat, write by hand.

ElementTree's iterparse knows no line numbers, and the import report must say where each
post starts, so the reader drives expat directly. It builds small trees only for the
elements a format calls records (a Disqus <post>, a WordPress <wp:comment>) and forgets each
one once yielded: memory follows the largest record, never the file.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO
from xml.parsers import expat

from ..records import BrokenArchive

CHUNK = 1 << 16


class Element:
    """A record's element: its tag ("prefix:local"), attributes, own text and children."""

    __slots__ = ("tag", "attrs", "line", "children", "text")

    def __init__(self, tag: str, attrs: dict[str, str], line: int):
        self.tag, self.attrs, self.line = tag, attrs, line
        self.children: list[Element] = []
        self.text = ""  # expat hands text over in a few pieces: += stays cheap

    def find(self, tag: str) -> "Element | None":
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def findall(self, tag: str) -> list["Element"]:
        return [child for child in self.children if child.tag == tag]

    def findtext(self, tag: str) -> str:
        child = self.find(tag)
        return child.text.strip() if child is not None else ""


@dataclass(slots=True, frozen=True)
class Start:
    """A container element opened (one not inside a record)."""

    tag: str
    depth: int
    line: int


@dataclass(slots=True, frozen=True)
class End:
    """A container element closed."""

    tag: str
    depth: int


Event = Start | End | Element


def events(
    stream: BinaryIO,
    *,
    kind: str,
    root: str,
    prefix: Callable[[str], str],
    is_record: Callable[[int, str], bool],
) -> Iterator[Event]:
    """The file as a stream of container starts and ends and whole record elements.

    `kind` names the format in messages ("Disqus"), `root` is the local name its root
    element must have. `prefix` maps a namespace URI to the prefix tags are written with
    ("" for none). `is_record(depth, tag)` picks the elements built whole (the root is at
    depth 1). Anything that makes the file unreadable raises `BrokenArchive` with the line.
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    names: dict[str, str] = {}
    ready: list[Event] = []
    building: list[Element] = []
    depth = 0
    seen_root = ""

    def name(raw: str) -> str:
        known = names.get(raw)
        if known is None:
            uri, _, local = raw.rpartition(" ")
            short = prefix(uri) if uri else ""
            known = names[raw] = f"{short}:{local}" if short else local
        return known

    def start(raw: str, attrs: dict[str, str]) -> None:
        nonlocal depth, seen_root
        depth += 1
        tag = names.get(raw) or name(raw)
        if building:
            attrs = {name(k): v for k, v in attrs.items()} if attrs else attrs
            element = Element(tag, attrs, parser.CurrentLineNumber)
            building[-1].children.append(element)
            building.append(element)
            return
        line = parser.CurrentLineNumber
        if depth == 1:
            seen_root = raw.rpartition(" ")[2]
            if seen_root != root:
                raise BrokenArchive(
                    f"this is not a {kind} export: its root element is <{seen_root}>", line=line
                )
        if is_record(depth, tag):
            building.append(Element(tag, {name(k): v for k, v in attrs.items()}, line))
        else:
            ready.append(Start(tag, depth, line))

    def end(raw: str) -> None:
        nonlocal depth
        depth -= 1
        if building:
            element = building.pop()
            if not building:
                ready.append(element)
        else:
            ready.append(End(name(raw), depth + 1))

    def text(data: str) -> None:
        if building:
            building[-1].text += data

    def no_entities(*_args) -> None:
        # An export never declares entities; a file that does may be an expansion bomb.
        raise BrokenArchive(
            "the file declares its own XML entities, which no export does",
            line=parser.CurrentLineNumber,
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.EntityDeclHandler = no_entities

    blank = True
    while True:
        chunk = stream.read(CHUNK)
        blank = blank and not chunk.strip()
        try:
            parser.Parse(chunk, not chunk)
        except expat.ExpatError as error:
            raise _broken(error, kind, seen_root, blank, final=not chunk) from None
        if ready:
            done, ready[:] = list(ready), []
            yield from done
        if not chunk:
            return


def _broken(error: expat.ExpatError, kind: str, root: str, blank: bool, final: bool):
    message = expat.errors.messages[error.code]
    if blank:
        return BrokenArchive("the file is empty")
    if not root:
        return BrokenArchive(f"this is not a {kind} export: it is not XML ({message})", line=1)
    if final:
        return BrokenArchive(f"the file ends before </{root}>: is it truncated?", line=error.lineno)
    return BrokenArchive(f"the XML is malformed: {message}", line=error.lineno)


# Writing. Characters XML 1.0 cannot carry at all are dropped rather than failing the export.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def escape(text: str) -> str:
    """Text for an element or an attribute value."""
    text = _NOT_XML.sub("", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def cdata(text: str) -> str:
    """Text as a CDATA section; a "]]>" inside is split across two sections."""
    return "<![CDATA[" + _NOT_XML.sub("", text).replace("]]>", "]]]]><![CDATA[>") + "]]>"
