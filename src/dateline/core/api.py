"""Small helpers shared by the JSON API views: one error shape, one way to read a body."""

import json
from functools import wraps

from django.http import JsonResponse
from django.views.csrf import csrf_failure as html_csrf_failure

MAX_BODY_BYTES = 64 * 1024


class ApiError(Exception):
    """An error to answer as `{"error": {"code", "message", "field"?}}` with `status`."""

    def __init__(self, code, message, status=400, field=None):
        super().__init__(message)
        self.code, self.message, self.status, self.field = code, message, status, field

    def response(self):
        return json_error(self.code, self.message, self.status, self.field)


def json_error(code, message, status=400, field=None):
    error = {"code": code, "message": message}
    if field:
        error["field"] = field
    return JsonResponse({"error": error}, status=status)


def api_view(*methods):
    """A JSON endpoint answering `methods`: wrong methods get 405, ApiError its JSON shape."""

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
            except ApiError as error:
                return error.response()

        return wrapper

    return decorate


def read_json(request):
    """The request body as a JSON object; raises ApiError for anything else."""
    if not request.body:
        raise ApiError("invalid_json", "The request body is empty; send a JSON object.")
    if len(request.body) > MAX_BODY_BYTES:
        raise ApiError("invalid_json", "The request body is too large.", status=413)
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ApiError("invalid_json", "The request body is not valid UTF-8 JSON.") from error
    if not isinstance(data, dict):
        raise ApiError("invalid_json", "The request body must be a JSON object.")
    return data


def require_fields(data, *names):
    for name in names:
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise ApiError("missing_field", f"“{name}” is required (a string).", field=name)


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
