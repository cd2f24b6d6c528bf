"""Properties of the strict input layer (core.inputs): whatever arrives, a value or a refusal."""

import json

import pytest
from django.core.exceptions import ValidationError
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dateline.core.inputs import (
    MAX_JSON_DEPTH,
    MAX_NUMBER,
    clean_text,
    json_integer,
    parse_json,
    whole_number,
)

# Text that may hold NUL and lone surrogates (st.text() leaves surrogates out).
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()))
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
    max_leaves=20,
)
UNSTORABLE = ("\x00", "\ud800", "\udfff")
# The same examples on every run, no saved database, no timing flakes on a busy machine.
BOUNDED = settings(derandomize=True, database=None, deadline=None)


def depth(value):
    if isinstance(value, list | dict):
        items = value.values() if isinstance(value, dict) else value
        return 1 + max((depth(item) for item in items), default=0)
    return 0


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@settings(BOUNDED, max_examples=300)
@given(st.binary(max_size=2000))
@example(b"[" * 30_000)
@example(b'{"a":' * 30_000)
@example(b"1" * 5000)
@example(b"NaN")
@example(b'"\\ud800"')
@example(b"\xef\xbb\xbf{}")
def test_any_bytes_give_a_value_or_a_refusal(raw):
    try:
        parse_json(raw)
    except ValidationError as error:
        assert error.code in ("invalid_json", "invalid_text")


@settings(BOUNDED, max_examples=300)
@given(JSON_VALUES)
def test_any_json_is_kept_whole_or_refused_for_a_reason(value):
    raw = json.dumps(value).encode()
    # NUL, or any code point of the surrogate range (not only the samples above)
    unstorable = any(
        char == "\x00" or "\ud800" <= char <= "\udfff" for text in strings(value) for char in text
    )
    try:
        parsed = parse_json(raw)
    except ValidationError as error:
        assert error.code == "invalid_text" and unstorable
    else:
        assert parsed == value and not unstorable


@settings(BOUNDED, max_examples=100)
@given(st.integers(min_value=0, max_value=3 * MAX_JSON_DEPTH), st.sampled_from("[{"))
def test_depth_bound(levels, opener):
    inner = "0"
    for _ in range(levels):
        inner = f"[{inner}]" if opener == "[" else f'{{"k": {inner}}}'
    if levels <= MAX_JSON_DEPTH:
        assert depth(parse_json(inner.encode())) == levels
    else:
        with pytest.raises(ValidationError) as refused:
            parse_json(inner.encode())
        assert refused.value.code == "invalid_json"


@pytest.mark.parametrize(
    "raw",
    [
        '["' + "[" * 1000 + '"]',  # brackets inside a string are text
        '["\\"' + "{" * 1000 + '"]',  # so are they after an escaped quote
        '["\\\\", ' + "[" * 20 + "]" * 20 + "]",  # an escaped backslash ends the escape
    ],
)
def test_brackets_in_strings_do_not_count(raw):
    parse_json(raw.encode())


@settings(BOUNDED, max_examples=300)
@given(ANY_TEXT, st.sampled_from(UNSTORABLE), st.booleans())
def test_nul_and_lone_surrogates_are_refused_in_values_and_keys(text, bad, as_key):
    spoiled = text + bad
    document = {spoiled: 1} if as_key else {"note": [spoiled]}
    with pytest.raises(ValidationError) as refused:
        parse_json(json.dumps(document).encode())
    assert refused.value.code == "invalid_text"


def test_text_is_refused_not_cut():
    assert clean_text("x" * 300, name="note", max_length=300) == "x" * 300
    with pytest.raises(ValidationError) as refused:
        clean_text("x" * 301, name="note", max_length=300)
    assert refused.value.code == "too_long" and "301" in refused.value.messages[0]
    with pytest.raises(ValidationError):
        clean_text(["a list"], name="note")


@settings(BOUNDED, max_examples=500)
@given(ANY_TEXT)
@example("²")
@example("٣")
@example(" 7")
@example("+7")
@example("99999999999999999999")
@example("0")
def test_numbers_from_text_are_ascii_digits_within_bounds(text):
    plain = text.isascii() and text.isdigit() and len(text) <= 9
    try:
        number = whole_number(text, name="page")
    except ValidationError as error:
        assert error.code == "invalid_number"
        assert not plain or int(text) == 0
    else:
        assert plain and number == int(text) and 1 <= number <= MAX_NUMBER


@settings(BOUNDED, max_examples=200)
@given(st.integers() | st.booleans() | st.floats() | st.none() | st.text(max_size=3))
def test_numbers_from_json_are_integers_never_booleans_or_text(value):
    accepted = type(value) is int and 1 <= value <= MAX_NUMBER
    try:
        assert json_integer(value, name="parent") == value and accepted
    except ValidationError:
        assert not accepted
