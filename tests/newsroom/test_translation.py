"""The newsroom's interface in Arabic: every template string translated, the catalogue compiled."""

import re
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


def test_templates_speak_arabic_when_arabic_is_active():
    with translation.override("ar"):
        assert "لا توجد قصص بعد." in render_to_string("newsroom/story_list.html", {"stories": []})
        related = Template('{% load i18n %}{% translate "READ:" %} {% translate "NEW:" %}')
        assert related.render(Context()) == "اقرأ: جديد:"
    assert "No stories yet." in render_to_string("newsroom/story_list.html", {"stories": []})


def test_edition_times_follow_the_readers_date_format():
    template = Template("{% load newsroom_tags %}{% edition_time moment %}")
    context = Context({"moment": datetime(2013, 1, 29, 22, 38, tzinfo=UTC)})
    assert "January 29, 2013 -- 2238 UTC" in template.render(context)
    with translation.override("ar"):
        assert "29 يناير 2013 -- 2238 UTC" in template.render(context)


@pytest.mark.django_db
def test_the_arabic_edition_searches_its_own_stories_in_arabic(client):
    arabic = client.get("/ar/search/", {"q": "تمبكتو"}).content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "الرئيس الفرنسي: الحملة في مالي تحقق النجاح" in arabic
    assert 'action="/ar/search/"' in arabic
    english = client.get("/search/", {"q": "Timbuktu Gao president"}).content.decode()
    assert "French leader says the campaign in Mali is being won" in english
    assert "الرئيس الفرنسي" not in english
    assert 'action="/search/"' in english


@pytest.mark.django_db
def test_a_form_reached_from_the_arabic_edition_offers_its_sections_and_search(client):
    login = client.get("/accounts/login/", {"next": "/ar/"}).content.decode()
    menu = re.search(r'<nav aria-label="[^"]*" class="sections-nav">(.*?)</nav>', login, re.S)
    links = re.findall(r'href="([^"]+)"', menu.group(1))
    assert links and all(link.startswith("/ar/") for link in links)
    assert 'action="/ar/search/"' in login
