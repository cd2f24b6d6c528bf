"""The suite's API contract check (tests/api_contract.py) catches drift, and is wired in."""

import copy

import pytest
from django.http import HttpResponse, JsonResponse
from django.test import Client

from dateline.comments.openapi import build
from dateline.newsroom.models import BlogPostPage
from tests import api_contract
from tests.api_contract import Contract, Drift

COMMENT = {
    "id": 7,
    "page": 3,
    "parent": None,
    "thread": 7,
    "depth": 0,
    "status": "published",
    "url": "/comments/7/",
    "created": "2025-01-02T03:04:05.678901+00:00",
    "edited": None,
    "author": {"id": 2, "display_name": "A Reader", "badge": ""},
    "body": "Hello.",
    "html": "<p>Hello.</p>",
    "featured": False,
    "reactions": 0,
    "reacted": False,
    "reply_count": 0,
}
FLAGS = "/api/v1/comments/7/flags"


@pytest.fixture
def contract():
    return Contract(build())


def check(contract, response, method="GET", path="/api/v1/comments/7"):
    contract.check(method, path, response)


def error(code, status):
    return JsonResponse({"error": {"code": code, "message": "No."}}, status=status)


def test_a_documented_answer_passes(contract):
    check(contract, JsonResponse({"comment": COMMENT}))
    check(contract, error("not_found", 404))
    flagged = JsonResponse({"flag": {"id": 1, "reason": "spam"}}, status=201)
    check(contract, flagged, "POST", FLAGS)


@pytest.mark.parametrize(
    "comment, complaint",
    [
        ({**COMMENT, "id": "seven"}, 'at /comment/id: "seven" is not of type "integer"'),
        ({**COMMENT, "secret": "x"}, "at /comment: Additional properties are not allowed"),
        ({k: v for k, v in COMMENT.items() if k != "created"}, '"created" is a required'),
        ({**COMMENT, "created": "yesterday"}, 'at /comment/created: "yesterday" is not a'),
        ({**COMMENT, "status": "hidden"}, "at /comment/status"),
        ({**COMMENT, "author": {"id": 2}}, "at /comment/author"),
    ],
    ids=["wrong type", "undocumented field", "missing field", "bad date", "bad enum", "author"],
)
def test_a_body_the_schema_does_not_allow_is_drift(contract, comment, complaint):
    with pytest.raises(Drift, match="schema") as raised:
        check(contract, JsonResponse({"comment": comment}))
    assert "GET /comments/{comment_id} → 200" in str(raised.value)
    assert complaint in str(raised.value)


def test_an_undocumented_status_is_drift(contract):
    with pytest.raises(Drift, match=r"GET /comments/\{comment_id\} answered 418, which the"):
        check(contract, error("not_found", 418))


def test_html_where_the_document_says_json_is_drift(contract):
    with pytest.raises(
        Drift, match="Content-Type is text/html, the document says application/json"
    ):
        check(contract, HttpResponse("<h1>Not found</h1>", status=404))


def test_an_error_code_the_document_does_not_list_is_drift(contract):
    with pytest.raises(Drift, match="at /error/code"):
        check(contract, error("teapot", 400))


def test_a_body_where_the_document_gives_none_is_drift():
    document = build()
    flags = document["paths"]["/comments/{comment_id}/flags"]["post"]["responses"]
    flags["201"] = {"description": "Reported"}
    with pytest.raises(Drift, match="gives this answer no body, but it has one"):
        check(Contract(document), JsonResponse({"flag": {"id": 1}}, status=201), "POST", FLAGS)


def test_a_retry_after_that_is_not_a_number_is_drift(contract):
    response = error("service_unavailable", 503)
    response["Retry-After"] = "soon"
    with pytest.raises(Drift, match="header Retry-After is 'soon', documented as an integer"):
        check(contract, response)


def test_an_unknown_path_must_answer_the_json_404(contract):
    check(contract, error("not_found", 404), path="/api/v1/comments/abc")
    with pytest.raises(Drift, match="must be a 404 in the error shape, not 200"):
        check(contract, JsonResponse({"ok": True}), path="/api/v1/comments/abc")
    with pytest.raises(Drift, match="Content-Type is text/html"):
        check(contract, HttpResponse("Not found", status=404), path="/api/v1/nope")


def test_a_method_the_document_does_not_list_must_answer_405_naming_the_documented_ones(
    contract,
):
    allowed = error("method_not_allowed", 405)
    allowed["Allow"] = "GET, PATCH, DELETE"
    check(contract, allowed, method="PUT")
    allowed["Allow"] = "GET, PATCH, DELETE, PUT"
    with pytest.raises(Drift, match="the Allow header says 'GET, PATCH, DELETE, PUT'"):
        check(contract, allowed, method="PUT")
    with pytest.raises(Drift, match="a method it does not list"):
        check(contract, JsonResponse({"comment": COMMENT}), method="PUT")


@pytest.mark.django_db
def test_every_test_client_request_is_checked(monkeypatch, api_drift):
    """A drifted document makes a real answer fail in the test that asked for it, even
    when the test catches the error."""
    story = BlogPostPage.objects.get(slug="france-needs-partners-in-mali")
    document = copy.deepcopy(build())
    document["components"]["schemas"]["ThreadPage"]["properties"]["has_more"] = {"type": "string"}
    monkeypatch.setattr(api_contract, "contract", lambda: Contract(document))
    with pytest.raises(Drift, match=r"(?s)GET /pages/\{page_id\}/comments → 200.*at /has_more"):
        Client().get(f"/api/v1/pages/{story.pk}/comments")
    assert len(api_drift) == 1 and "has_more" in api_drift[0]
    api_drift.clear()  # caught on purpose: this test passes
