"""Logs as JSON lines (DATELINE_LOG_FORMAT=json), for a log collector to read.

Each record becomes one JSON object on one line: time, level, logger and message, the
request's method, path and status where the record knows them, and the traceback of an
error. A record knows its request when Django's request log passes it, when the server's
access log passes its fields, or, for the app's own loggers, when it is written while a
request is being answered (RequestContextMiddleware). Plain standard library: the server
process (granian) loads this formatter before Django starts.
"""

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime

# (method, path) of the request this thread is answering.
current_request: ContextVar[tuple[str, str] | None] = ContextVar("current_request", default=None)


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(request_fields(record))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def request_fields(record):
    """Method, path and status, from the record's own request or the one being answered."""
    request = getattr(record, "request", None)
    if request is not None and hasattr(request, "method"):  # Django's request log
        fields = {"method": request.method, "path": request.path}
    elif isinstance(record.args, dict) and "method" in record.args:  # the access log
        fields = {"method": record.args["method"], "path": record.args.get("path")}
        if "status" in record.args:
            fields["status"] = record.args["status"]
    elif (known := current_request.get()) is not None:
        fields = {"method": known[0], "path": known[1]}
    else:
        fields = {}
    status = getattr(record, "status_code", None)
    if status is not None:
        fields["status"] = status
    return fields


class RequestContextMiddleware:
    """Remembers the request being answered, for the log records written meanwhile."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set((request.method, request.path))
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
