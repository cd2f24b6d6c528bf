"""Each page speaks its own language; a form speaks the language of the page it came from."""

import re

import pytest

pytestmark = pytest.mark.django_db

ARTICLE = "/world/we-are-winning-in-mali/"


def html_lang(response):
    return re.search(r'<html lang="(\w+)"', response.content.decode()).group(1)


def test_a_form_reached_from_the_arabic_edition_speaks_arabic(client):
    response = client.get("/accounts/login/?next=/ar/")
    assert html_lang(response) == "ar"
    assert "<h1>تسجيل الدخول</h1>" in response.content.decode()


def test_an_english_page_asked_for_with_an_arabic_next_is_still_found(client):
    # The address resolves before `next` is read: the English tree still holds the page.
    response = client.get(f"{ARTICLE}?next=/ar/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(ARTICLE, 301)]  # pages read no `next`
    assert html_lang(response) == "en"


def test_a_page_keeps_its_own_language_whatever_next_says(client):
    arabic_home = client.get("/ar/?next=/", follow=True)
    assert arabic_home.status_code == 200
    assert html_lang(arabic_home) == "ar"


def test_a_missing_english_page_stays_english_with_an_arabic_next(client):
    response = client.get("/world/no-such-story/?next=/ar/", follow=True)
    assert response.status_code == 404
    assert html_lang(response) == "en"


def test_next_to_another_site_is_ignored(client):
    assert html_lang(client.get("/accounts/login/?next=https://elsewhere.example/ar/")) == "en"
