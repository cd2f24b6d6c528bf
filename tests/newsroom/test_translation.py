"""The newsroom's interface in Arabic: every template string translated, the catalogue compiled."""

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

import dateline.newsroom

LOCALE = Path(dateline.newsroom.__file__).parent / "locale" / "ar" / "LC_MESSAGES"


def catalogue_entries():
    """(msgid, msgstr) for the singular entries of the Arabic catalogue's source."""
    entries, msgid = [], None
    for line in (LOCALE / "django.po").read_text().splitlines():
        if line.startswith("msgid "):
            msgid = line[7:-1]
        elif line.startswith("msgstr ") and msgid:
            entries.append((msgid, line[8:-1]))
    return entries


def test_every_string_has_an_arabic_translation():
    entries = catalogue_entries()
    assert len(entries) >= 25
    assert [msgid for msgid, msgstr in entries if not msgstr] == []


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="needs msgfmt")
def test_compiled_catalogue_matches_its_source(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check", "-o", str(compiled), str(LOCALE / "django.po")], check=True
    )
    assert compiled.read_bytes() == (LOCALE / "django.mo").read_bytes()


def test_templates_speak_arabic_when_arabic_is_active():
    with translation.override("ar"):
        assert "لا توجد قصص بعد." in render_to_string("newsroom/story_list.html", {"stories": []})
        related = Template('{% load i18n %}{% translate "READ:" %} {% translate "NEW:" %}')
        assert related.render(Context()) == "اقرأ: جديد:"
    assert "No stories yet." in render_to_string("newsroom/story_list.html", {"stories": []})


def test_edition_times_name_the_month_in_the_readers_language():
    template = Template("{% load newsroom_tags %}{% edition_time moment %}")
    context = Context({"moment": datetime(2013, 1, 29, 22, 38, tzinfo=UTC)})
    assert "January 29, 2013 -- 2238 UTC" in template.render(context)
    with translation.override("ar"):
        assert "يناير 29, 2013" in template.render(context)
