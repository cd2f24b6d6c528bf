"""Sign-up and token endpoints of the JSON API (/api/v1/auth/)."""

from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

from dateline.core.api import ApiError, api_view, read_json, require_fields
from dateline.core.client import client_ip

from . import actions

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


# Sign-up and token requests authenticate with what they carry, not with cookies: no CSRF.
@csrf_exempt
@api_view("POST")
def signup(request):
    data = read_json(request)
    require_fields(data, "email", "password", "display_name")
    try:
        user = actions.create_account(
            email=data["email"],
            password=data["password"],
            display_name=data["display_name"],
            ip=client_ip(request),
        )
    except ValidationError as error:
        raise ApiError(
            error.code, " ".join(error.messages), field=FIELD_OF_CODE.get(error.code)
        ) from error
    actions.send_verification(user, base_url=request.build_absolute_uri("/"))
    return JsonResponse({"user": user_json(user), "token": actions.issue_token(user)}, status=201)


@csrf_exempt
@api_view("POST")
def token(request):
    data = read_json(request)
    require_fields(data, "email", "password")
    user = authenticate(request, username=data["email"].strip(), password=data["password"])
    if user is None:
        raise ApiError("invalid_credentials", "Wrong email or password.", status=401)
    return JsonResponse({"user": user_json(user), "token": actions.issue_token(user)})
