"""Rules every format shares: how ids become keys, who a writer is, what a time means."""

import re
from datetime import UTC, datetime

from ..records import Writer

ANONYMOUS = "Anonymous"

_FRACTION = re.compile(r"(\.\d{6})\d+")  # nanoseconds (Go writes them) to microseconds


def qualify(ident: str, fmt: str) -> str:
    """A bare id from a file becomes "<fmt>:<id>"; an id already qualified (one this site
    exported carries "dateline:<site>:<id>") is kept as written, so it comes home unchanged."""
    ident = ident.strip()
    return ident if ":" in ident else f"{fmt}:{ident}"


def bare(key: str, fmt: str) -> str:
    """The id a writer puts in a file for `key`: the inverse of `qualify`."""
    prefix = f"{fmt}:"
    rest = key.removeprefix(prefix)
    return rest if key.startswith(prefix) and ":" not in rest else key


def writer(name: str, email: str = "", account: str = "") -> Writer:
    """A writer keyed by account when the format has one, else by email, else by name."""
    name = " ".join(name.split()) or ANONYMOUS
    email = email.strip().lower()
    key = account or (f"email:{email}" if email else f"name:{name}")
    return Writer(key=key, name=name, email=email)


def utc(text: str) -> datetime | None:
    """An ISO-8601 time as aware UTC (a time without offset is taken as UTC); None when
    the text is empty or not a time, so the reader can say which post it could not date."""
    text = _FRACTION.sub(r"\1", text.strip())
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def iso(when: datetime) -> str:
    """A time as writers put it: UTC, to the second, with a "Z"."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
