"""Every kind of answer carries the security headers; HSTS only over HTTPS."""

import pytest

from dateline.core.pagecache import PageCacheApplication
from tests.core.test_pagecache import ARTICLE, CountingApplication, wsgi_get

pytestmark = pytest.mark.django_db

STORY = "/security-brief/france-needs-partners-in-mali/"
ALWAYS = {
    "Content-Security-Policy",
    "Permissions-Policy",
    "Referrer-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
}


def check(headers):
    assert set(headers) >= ALWAYS, ALWAYS - set(headers)
    policy = dict(
        part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"  # no inline script, no eval, no other origin
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in headers["Permissions-Policy"]


@pytest.mark.parametrize("path", ["/", STORY, "/api/v1/openapi.json", "/no/such/page/"])
def test_pages_and_the_api_carry_the_headers(client, path):
    response = client.get(path)
    check(response.headers)
    assert "Strict-Transport-Security" not in response


def test_cached_pages_carry_the_headers_on_both_paths(client):
    assert client.get(ARTICLE)["X-Page-Cache"] == "miss"
    hit = client.get(ARTICLE)
    assert hit["X-Page-Cache"] == "hit"
    check(hit.headers)
    status, headers, _ = wsgi_get(
        PageCacheApplication(CountingApplication(), local_seconds=0), ARTICLE
    )
    assert headers["X-Page-Cache"] == "hit"
    check(headers)
    assert "Strict-Transport-Security" not in headers


def test_hsts_only_over_https_even_from_the_cache(client, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    client.get(ARTICLE)  # cached from a plain HTTP request
    secure = client.get(ARTICLE, secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=3600"
    assert client.get(ARTICLE, secure=True)["X-Page-Cache"] == "hit"
    assert client.get(ARTICLE, secure=True)["Strict-Transport-Security"] == "max-age=3600"
    assert "Strict-Transport-Security" not in client.get(ARTICLE)


def test_the_cms_gets_its_own_looser_policy(client):
    policy = client.get("/cms/login/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy and "frame-ancestors 'self'" in policy
