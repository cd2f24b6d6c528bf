"""The JSON API's front door: one error shape, the body's size and shape checked once.

`ApiBodyLimitMiddleware`, ahead of the CSRF check (which reads form bodies), refuses an
API request whose Content-Length is over MAX_BODY_BYTES before anything reads its body.
Every API view is an `api_view`: wrong methods get 405, and refusals (ApiError, or a
ValidationError from `core.inputs`) become `{"error": {"code", "message", "field"?}}`.
"""

import math
import re
from functools import wraps

from django.core.exceptions import RequestDataTooBig, ValidationError
from django.http import JsonResponse
from django.views import defaults
from django.views.csrf import csrf_failure as html_csrf_failure

from .inputs import parse_json

MAX_BODY_BYTES = 64 * 1024
LENGTH = re.compile(r"[0-9]+")


class RateLimited(ValidationError):
    """Too many tries too fast: forms show it with the text kept, the API answers it 429
    with Retry-After. Not a judgement on what was sent."""

    def __init__(self, message, *, wait, code="rate_limited"):
        self.retry_after = max(1, math.ceil(wait))
        super().__init__(message, code=code)


class ApiError(Exception):
    """An error to answer as `{"error": {"code", "message", "field"?}}` with `status`."""

    def __init__(self, code, message, status=400, field=None, headers=None):
        super().__init__(message)
        self.code, self.message, self.status, self.field = code, message, status, field
        self.headers = headers or {}

    @classmethod
    def invalid(cls, error, *, code=None, field=None):
        """A ValidationError as a 400 (RateLimited as a 429); `code` replaces the error's own."""
        code, message = code or error.code or "invalid", " ".join(error.messages)
        if isinstance(error, RateLimited):
            return cls(code, message, status=429, headers={"Retry-After": str(error.retry_after)})
        return cls(code, message, field=field)

    def response(self):
        response = json_error(self.code, self.message, self.status, self.field)
        for name, value in self.headers.items():
            response[name] = value
        return response


def json_error(code, message, status=400, field=None):
    error = {"code": code, "message": message}
    if field:
        error["field"] = field
    return JsonResponse({"error": error}, status=status)


def api_view(*methods):
    """A JSON endpoint answering `methods`: wrong methods get 405, refusals their JSON shape."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in methods:
                response = json_error(
                    "method_not_allowed", f"Use {' or '.join(methods)} here.", status=405
                )
                response["Allow"] = ", ".join(methods)
                return response
            try:
                return view(request, *args, **kwargs)
            except ValidationError as error:
                return ApiError.invalid(error).response()
            except ApiError as error:
                return error.response()

        return wrapper

    return decorate


def check_size(request):
    """Refuse a body over MAX_BODY_BYTES from its Content-Length, before anything reads it."""
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not LENGTH.fullmatch(length):
        raise ApiError("invalid_json", "The Content-Length header is not a number.")
    if len(length) > 9 or int(length) > MAX_BODY_BYTES:
        raise too_large()


class ApiBodyLimitMiddleware:
    """The body-size check for every request under /api/, before any middleware reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/api/"):
            try:
                check_size(request)
            except ApiError as error:
                return error.response()
        return self.get_response(request)


def too_large():
    return ApiError(
        "too_large", f"The request body has more than {MAX_BODY_BYTES:,} bytes.", status=413
    )


def read_json(request):
    """The request body as a JSON object whose strings are all storable text."""
    if not request.body:
        raise ApiError("invalid_json", "The request body is empty; send a JSON object.")
    data = parse_json(request.body)
    if not isinstance(data, dict):
        raise ApiError("invalid_json", "The request body must be a JSON object.")
    return data


def require_fields(data, *names):
    for name in names:
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise ApiError("missing_field", f"“{name}” is required (a string).", field=name)


def checked(check, value, *, name, **limits):
    """`check(value, name=name, **limits)`, a `core.inputs` check; a refusal is a 400
    coded `invalid_<name>` on field `name`."""
    try:
        return check(value, name=name, **limits)
    except ValidationError as error:
        raise ApiError.invalid(error, code=f"invalid_{name}", field=name) from error


def not_found(request, *args, **kwargs):
    """Every /api/v1/ path that no endpoint matches: a JSON 404, and no slash redirect."""
    return json_error("not_found", "No API endpoint has that path.", status=404)


def bad_request(request, exception):
    """Django's own 400s (a body over DATA_UPLOAD_MAX_MEMORY_SIZE, read by the CSRF check
    of a form post) keep the JSON shape under /api/; elsewhere, Django's page."""
    if not request.path.startswith("/api/"):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        return too_large().response()
    return json_error("bad_request", "The request could not be read.")


def csrf_failure(request, reason=""):
    """API clients get the JSON error shape; browsers get Django's page."""
    if request.path.startswith("/api/"):
        return json_error(
            "csrf_failed",
            "CSRF check failed: send the X-CSRFToken header with session cookies, "
            "or use a Bearer token.",
            status=403,
        )
    return html_csrf_failure(request, reason=reason)
