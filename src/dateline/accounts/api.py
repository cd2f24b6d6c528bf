"""Sign-up and token endpoints of the JSON API (/api/v1/auth/).

Both are rate limited per address and per email (`accounts.limits`). The token endpoint
answers the same for an unknown email as for a wrong password. Sign-up does say
`email_taken`: it returns a working token at once, so an answer for a taken address that
looked like success would have to hand out a token that does not work, which tells just
as much; the rate limits bound how many addresses anyone can try.
"""

from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

from dateline.core.api import ApiError, api_view, read_json, require_fields
from dateline.core.client import client_ip

from . import actions, limits
from .models import EMAIL_MAX_LENGTH

FIELD_OF_CODE = {
    "invalid_email": "email",
    "email_taken": "email",
    "weak_password": "password",
    "display_name_taken": "display_name",
    "display_name_confusable": "display_name",
    "display_name_invalid": "display_name",
}


def user_json(user):
    return {"id": user.pk, "display_name": user.display_name, "badge": user.badge}


def take_attempt(request, door, email):
    """Count an attempt at `door` (accounts.limits); running out is a 429 with Retry-After."""
    try:
        limits.take_attempt(door, ip=client_ip(request), email=email)
    except limits.RateLimited as error:
        raise ApiError(
            error.code, error.message, status=429, headers={"Retry-After": error.retry_after}
        ) from error


# Sign-up and token requests authenticate with what they carry, not with cookies: no CSRF.
@csrf_exempt
@api_view("POST")
def signup(request):
    data = read_json(request)
    require_fields(data, "email", "password", "display_name")
    if len(data["email"]) > EMAIL_MAX_LENGTH:
        raise ApiError(
            "invalid_email",
            f"An email address has at most {EMAIL_MAX_LENGTH} characters.",
            field="email",
        )
    take_attempt(request, "signup", data["email"])
    try:
        user = actions.create_account(
            email=data["email"],
            password=data["password"],
            display_name=data["display_name"],
            ip=client_ip(request),
        )
    except ValidationError as error:
        raise ApiError.invalid(error, field=FIELD_OF_CODE.get(error.code)) from error
    actions.send_verification(user, base_url=request.build_absolute_uri("/"))
    return JsonResponse({"user": user_json(user), "token": actions.issue_token(user)}, status=201)


@csrf_exempt
@api_view("POST")
def token(request):
    data = read_json(request)
    require_fields(data, "email", "password")
    take_attempt(request, "sign_in", data["email"])
    user = authenticate(request, username=data["email"].strip(), password=data["password"])
    if user is None:
        raise ApiError("invalid_credentials", "Wrong email or password.", status=401)
    return JsonResponse({"user": user_json(user), "token": actions.issue_token(user)})
