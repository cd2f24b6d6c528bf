"""The strict input layer: what a request may carry, checked before any action sees it.

The JSON API (`core.api`), the HTML forms and the moderation actions use the same rules,
so a value refused on one path is refused on the others with the same words: text that a
database cannot store (NUL, lone surrogates), text longer than documented (refused, never
cut), numbers that are not plain ASCII digits or lie outside their bounds, and JSON nested
deeper than anything the API describes. Every refusal is a ValidationError with a code.
"""

import json
import re

from django.core.exceptions import ValidationError

# The API's documents are two levels deep; the parser recurses once per level, so a
# 30,000-deep array must be refused before it is parsed.
MAX_JSON_DEPTH = 32
# Nine digits at most: page offsets and ids stay far inside every database's integers.
MAX_NUMBER = 999_999_999
DIGITS = re.compile(r"[0-9]{1,9}")
# NUL is refused by PostgreSQL; lone surrogates cannot be encoded for any database.
UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")
JSON_SYNTAX = re.compile(r'[\[\]{}"\\]')
# A comment's text: comments store at most this much, screening rejects anything longer.
COMMENT_MAX_LENGTH = 5000


def clean_text(value, *, name, max_length=None):
    """`value` unchanged when it is storable text of at most `max_length` characters."""
    if not isinstance(value, str):
        raise ValidationError(f"“{name}” is text.", code="invalid_text")
    if UNSTORABLE.search(value):
        raise ValidationError(
            f"“{name}” holds characters that are not text (NUL or a lone surrogate).",
            code="invalid_text",
        )
    if max_length is not None and len(value) > max_length:
        raise ValidationError(
            f"“{name}” has at most {max_length:,} characters (this one has {len(value):,}).",
            code="too_long",
        )
    return value


def whole_number(text, *, name, low=1, high=MAX_NUMBER):
    """A number from text (a query string, a form field) as an int from `low` to `high`.

    Only ASCII digits: "²".isdigit() is True, yet int("²") fails, and a twenty-digit
    page number overflows the database.
    """
    number = int(text) if isinstance(text, str) and DIGITS.fullmatch(text) else None
    return bounded(number, name=name, low=low, high=high)


def json_integer(value, *, name, low=1, high=MAX_NUMBER):
    """A number from JSON: an integer from `low` to `high`, never text or a boolean
    (True is an int in Python)."""
    return bounded(value if type(value) is int else None, name=name, low=low, high=high)


def bounded(number, *, name, low, high):
    if number is None or not low <= number <= high:
        raise ValidationError(
            f"“{name}” must be a whole number from {low:,} to {high:,}.", code="invalid_number"
        )
    return number


def parse_json(raw):
    """The JSON document in the bytes `raw`, with its depth and every string checked."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise not_json() from error
    check_depth(text)
    try:
        data = json.loads(text, parse_constant=refuse_constant)
    except ValueError as error:  # also integers too long to convert
        raise not_json() from error
    check_strings(data)
    return data


def not_json():
    return ValidationError("The request body is not valid UTF-8 JSON.", code="invalid_json")


def refuse_constant(name):
    raise ValueError(f"{name} is not JSON")


def check_depth(text):
    """Refuse JSON nested deeper than MAX_JSON_DEPTH, reading only its brackets and strings."""
    depth, in_string, escaped_at = 0, False, -1
    for match in JSON_SYNTAX.finditer(text):
        at, char = match.start(), match.group()
        if at == escaped_at:
            continue
        if in_string:
            if char == "\\":
                escaped_at = at + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise ValidationError(
                    f"The JSON is nested deeper than {MAX_JSON_DEPTH} levels.", code="invalid_json"
                )
        elif char in "]}":
            depth -= 1


def check_strings(value, name="the body"):
    """Every string and key in a parsed document must be storable text."""
    if isinstance(value, str):
        clean_text(value, name=name)
    elif isinstance(value, dict):
        for key, item in value.items():
            clean_text(key, name="a key")
            check_strings(item, key)
    elif isinstance(value, list):
        for item in value:
            check_strings(item, name)
