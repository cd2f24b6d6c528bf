"""Refusals as a person reads them, and the site's answer when something breaks.

An outage of a service the site stands on (the database, or Redis while posting) is a
503 with Retry-After: the client did nothing wrong and may try again. Anything else
that escapes a view is a bug, a 500. Under /api/ both are the API's JSON error shape.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .api import json_error

RETRY_AFTER_SECONDS = 30
# Raised when a server cannot be reached or dropped the connection. Django wraps every
# database driver's errors in these two; django-redis raises redis-py's own.
OUTAGES = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)


def first_message(error):
    """The first message of a ValidationError, or the text of any other refusal."""
    return error.messages[0] if hasattr(error, "messages") else str(error)


def server_error(request):
    """handler500: called while the exception is being handled, so it can tell which.

    Its page is rendered without the request: the session, the user and the site
    settings all need the database, which may be what is down.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OUTAGES):
        status, code, template = 503, "service_unavailable", "503.html"
        message = f"The site is briefly unavailable; try again in {RETRY_AFTER_SECONDS} seconds."
    else:
        status, code, template = 500, "server_error", "500.html"
        message = "Something went wrong on our side."
    if request.path.startswith("/api/"):
        response = json_error(code, message, status=status)
    else:
        response = HttpResponse(render_to_string(template), status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
