"""POST /api/v1/auth/signup and /token: every answer and error code."""

import pytest

from dateline.audit.models import AuditEntry

SIGNUP = "/api/v1/auth/signup"
GOOD = {
    "email": "new@example.com",
    "password": "long enough passphrase",
    "display_name": "New Reader",
}

pytestmark = pytest.mark.django_db


def signup(client, data=None, **changes):
    body = {**GOOD, **changes} if data is None else data
    return client.post(SIGNUP, body, content_type="application/json")


def error_code(response):
    return response.json()["error"]["code"]


def test_signup_creates_an_account_and_a_token(client):
    response = signup(client)
    assert response.status_code == 201
    data = response.json()
    assert data["user"]["display_name"] == "New Reader"
    assert len(data["token"]) > 30
    assert AuditEntry.objects.filter(action="account.create").exists()
    # The token authenticates API calls.
    me = client.get("/api/v1/comments/999999", HTTP_AUTHORIZATION=f"Bearer {data['token']}")
    assert error_code(me) == "not_found"


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"display_name": "George Patton"}, "display_name_taken", "display_name"),
        ({"display_name": "Gеorge Patton"}, "display_name_invalid", "display_name"),  # mixed
        ({"display_name": "george  patton"}, "display_name_taken", "display_name"),
        ({"display_name": "Ge0rge Patton"}, "display_name_confusable", "display_name"),
        ({"display_name": "M0derator"}, "display_name_taken", "display_name"),
        ({"display_name": "visit spam.com"}, "display_name_invalid", "display_name"),
        ({"email": "not an email"}, "invalid_email", "email"),
        ({"email": "GEORGE@example.com"}, "email_taken", "email"),
        ({"password": "short"}, "weak_password", "password"),
        ({"password": "password123"}, "weak_password", "password"),
        ({"display_name": ""}, "missing_field", "display_name"),
        ({"email": 42}, "missing_field", "email"),
    ],
)
def test_signup_refusals_have_codes(client, changes, code, field):
    response = signup(client, **changes)
    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": code,
        "field": field,
        "message": response.json()["error"]["message"],
    }
    assert response.json()["error"]["message"]


def test_confusable_refusal_names_the_holder(client):
    response = signup(client, display_name="Ge0rge Patton")
    assert "George Patton" in response.json()["error"]["message"]


@pytest.mark.parametrize("body", [b"", b"{", b"\xff\xfe", b"[1, 2]", b'"text"', b"null"])
def test_malformed_bodies_get_invalid_json(client, body):
    response = client.post(SIGNUP, body, content_type="application/json")
    assert response.status_code == 400
    assert error_code(response) == "invalid_json"


def test_wrong_method(client):
    response = client.get(SIGNUP)
    assert response.status_code == 405
    assert error_code(response) == "method_not_allowed"


def test_token_exchange(client):
    signup(client)
    good = client.post(
        "/api/v1/auth/token",
        {"email": GOOD["email"], "password": GOOD["password"]},
        content_type="application/json",
    )
    assert good.status_code == 200 and good.json()["token"]
    bad = client.post(
        "/api/v1/auth/token",
        {"email": GOOD["email"], "password": "wrong"},
        content_type="application/json",
    )
    assert bad.status_code == 401 and error_code(bad) == "invalid_credentials"


def test_bad_bearer_token(client):
    response = client.get("/api/v1/comments/1", HTTP_AUTHORIZATION="Bearer nope")
    assert response.status_code == 401 and error_code(response) == "invalid_token"
