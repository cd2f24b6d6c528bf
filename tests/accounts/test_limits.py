"""Rate limits on sign-up, sign-in and password reset, per address and per email, and answers
that do not tell whether an email has an account."""

import pytest
from django.core import mail

from dateline.accounts.limits import DOORS
from tests.factories import PASSWORD, make_person

pytestmark = pytest.mark.django_db

SIGNUP, TOKEN = "/api/v1/auth/signup", "/api/v1/auth/token"
RESET, LOGIN = "/accounts/password-reset/", "/accounts/login/"


def by_address(door):
    return DOORS[door][0].burst


def by_email(door):
    return DOORS[door][1].burst


def api(client, path, data, address="192.0.2.1"):
    return client.post(path, data, content_type="application/json", REMOTE_ADDR=address)


TREES = ["Alder", "Birch", "Cedar", "Damson", "Elder", "Fir", "Ginkgo", "Hazel", "Juniper"]


def signup_data(number):
    return {
        "email": f"new{number}@example.com",
        "password": "long enough passphrase",
        "display_name": f"{TREES[number]} Reader",
    }


def test_signup_api_is_limited_per_address(client):
    for number in range(by_address("signup")):
        assert api(client, SIGNUP, signup_data(number + 1)).status_code == 201
    refused = api(client, SIGNUP, signup_data(8))
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited"
    assert int(refused["Retry-After"]) > 0
    # Another address is not held back by the first one's attempts.
    assert api(client, SIGNUP, signup_data(8), address="192.0.2.2").status_code == 201


def test_signup_api_is_limited_per_email_across_addresses(client):
    data = {**signup_data(1), "password": "short"}  # refused attempts count too
    for number in range(by_email("signup")):
        assert api(client, SIGNUP, data, address=f"198.51.100.{number}").status_code == 400
    refused = api(client, SIGNUP, {**data, "email": " NEW1@example.com"}, address="203.0.113.9")
    assert refused.status_code == 429 and refused["Retry-After"]


def test_token_api_is_limited_and_the_same_for_known_and_unknown_emails(client):
    person = make_person("Token Owner")
    answers = set()
    for email in (person.email, "nobody@example.com"):
        for _ in range(by_email("sign_in")):
            wrong = api(client, TOKEN, {"email": email, "password": "wrong password"})
            answers.add((wrong.status_code, wrong.content))
        refused = api(client, TOKEN, {"email": email, "password": PASSWORD})
        answers.add((refused.status_code, refused.content))
    assert len(answers) == 2  # a 401 and a 429, each identical for both emails
    assert {status for status, _ in answers} == {401, 429}


def test_token_api_is_limited_per_address(client):
    for number in range(by_address("sign_in")):
        api(client, TOKEN, {"email": f"guess{number}@example.com", "password": "x"})
    refused = api(client, TOKEN, {"email": "another@example.com", "password": "x"})
    assert refused.status_code == 429


def test_signup_form_shows_the_limit(client):
    for number in range(by_address("signup") + 1):
        response = client.post("/accounts/signup/", signup_data(number + 1))
        client.logout()
    assert response.status_code == 200
    assert "Too many attempts" in response.content.decode()


def test_login_form_shows_the_limit(client):
    person = make_person("Login Owner")
    for _ in range(by_email("sign_in")):
        client.post(LOGIN, {"username": person.email, "password": "wrong"})
    response = client.post(LOGIN, {"username": person.email, "password": PASSWORD})
    assert response.status_code == 200 and "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_answers_the_same_and_is_limited(client, django_capture_on_commit_callbacks):
    person = make_person("Reset Owner")

    def reset(email, **extra):
        with django_capture_on_commit_callbacks(execute=True):  # mail goes after the commit
            return client.post(RESET, {"email": email}, **extra)

    for email in (person.email, "nobody@example.com"):
        response = reset(email)
        assert response.status_code == 302
        assert response["Location"] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1
    for _ in range(by_email("password_reset") - 1):
        reset(person.email, REMOTE_ADDR="192.0.2.50")
    refused = reset(person.email, REMOTE_ADDR="192.0.2.51")
    assert refused.status_code == 200 and "Too many attempts" in refused.content.decode()
    assert len(mail.outbox) == by_email("password_reset")


def test_password_reset_is_limited_per_address(client):
    for number in range(by_address("password_reset")):
        client.post(RESET, {"email": f"someone{number}@example.com"})
    refused = client.post(RESET, {"email": "else@example.com"})
    assert refused.status_code == 200 and "Too many attempts" in refused.content.decode()
