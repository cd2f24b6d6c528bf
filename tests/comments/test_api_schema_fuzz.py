"""A bounded schemathesis run against /api/v1/openapi.json, in-process on the WSGI app.

Every operation gets schema-driven cases, data that fits the document and data that
does not, half of them aimed at a real story and comment. No answer may be a 5xx, and
every answer must be one the document describes: its status, content type, headers and
body. The same examples on every run (derandomized), a few dozen per operation and mode.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from dateline.accounts.actions import issue_token
from dateline.comments import actions
from dateline.comments.openapi import build
from dateline.newsroom.models import BlogPostPage
from dateline.wsgi import application
from tests.factories import make_person

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
OPERATIONS = [
    f"{method.upper()} {path}"
    for path, item in build()["paths"].items()
    for method in item
    if method != "parameters"
]
FUZZ = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(autouse=True)
def test_connection_stays_open():
    """Requests sent straight to the WSGI app end with Django closing old database
    connections, as in production; in a test that would close the test's own connection
    (on PostgreSQL). Django's test client turns the same handler off while it runs."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def api_schema(settings):
    settings.SCREENING_ENABLED = False
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def targets():
    """A real story and comment for half the cases, and a reader's token for every case."""
    story = BlogPostPage.objects.get(slug="france-needs-partners-in-mali")
    writer = make_person("Fuzz Writer", email_verified=True)
    comment = actions.post_comment(author=writer, page=story, body="Fuzz me.")
    return {"page_id": story.pk, "comment_id": comment.pk, "token": issue_token(writer)}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("label", OPERATIONS)
def test_api_answers_only_what_the_document_describes(api_schema, targets, label, mode):
    operation = api_schema.find_operation_by_label(label)
    headers = {"Authorization": f"Bearer {targets['token']}"}

    @FUZZ
    @given(case=operation.as_strategy(mode), aim=st.booleans())
    def run(case, aim):
        if aim:
            for name in ("page_id", "comment_id"):
                if name in (case.path_parameters or {}):
                    case.path_parameters[name] = targets[name]
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()
