"""What counts as comment text: every script and emoji, never control characters."""

import pytest
from django.core.exceptions import ValidationError

from dateline.comments.text import clean_body


@pytest.mark.parametrize(
    "body",
    ["Bravo 👏🏽 well reported", "مقال ممتاز", "नमस्ते", "𝕏 marks the spot", "tab\tand\nline"],
)
def test_emoji_and_every_script_are_text(body):
    assert clean_body(body) == body


@pytest.mark.parametrize("body", ["nul\x00", "bell\x07", "del\x7f", "lone\ud800", "odd\ufffe"])
def test_control_characters_and_noncharacters_are_not(body):
    with pytest.raises(ValidationError) as refused:
        clean_body(body)
    assert refused.value.code == "binary"
