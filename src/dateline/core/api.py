"""Small helpers shared by the JSON API views: one error shape, one way to read a body."""

import json

from django.http import JsonResponse

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
