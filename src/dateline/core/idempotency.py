"""Retried writes are answered once: Idempotency-Key on the API, a one-time form token.

A client whose connection dropped cannot tell whether its comment was stored. Sending
the same request again with the same key returns the first answer (status and body)
and stores nothing twice; the same key with a different request is refused (422).
Keys belong to the caller (the user, by session or token) and last KEEP.

The keys live in a database table with a unique (user, key), not in the cache: the
claim is written in the same transaction as the write it guards, so of two concurrent
duplicates the second waits for the first to commit and then replays its answer; a
write that fails (an exception, an outage) takes its claim with it, so the retry runs;
and it holds the same on Redis, on the file cache and while Redis is down.
"""

import hashlib
import re
from datetime import timedelta
from functools import wraps
from urllib.parse import urlencode

from django.db import IntegrityError, transaction
from django.utils import timezone

from .api import ApiError, check_size, json_error
from .models import IdempotencyKey

HEADER = "Idempotency-Key"
FORM_FIELD = "once"
KEEP = timedelta(hours=24)
WRITES = ("POST", "PUT", "PATCH", "DELETE")
KEY = re.compile(r"[\x21-\x7e]{1,255}")  # visible ASCII, as the header allows
REPLAYED_HEADERS = ("Content-Type", "Location", "Retry-After", "Allow")


def _fingerprint(request, content):
    digest = hashlib.sha256(f"{request.method} {request.get_full_path()}\n".encode())
    digest.update(content)
    return digest.hexdigest()


def _once(request, *, key, fingerprint, run, reused):
    """`run()` once for (user, key); a repeat gets its answer, another request `reused()`."""
    with transaction.atomic():
        mine = IdempotencyKey.objects.filter(user=request.user)
        mine.filter(created__lt=timezone.now() - KEEP).delete()
        try:
            with transaction.atomic():
                claim = IdempotencyKey.objects.create(
                    user=request.user, key=key, fingerprint=fingerprint
                )
        except IntegrityError:
            first = mine.get(key=key)
            return first.replay() if first.fingerprint == fingerprint else reused()
        response = run()
        if response.status_code >= 500 or response.streaming:
            claim.delete()
            return response
        claim.status = response.status_code
        claim.headers = {name: response[name] for name in REPLAYED_HEADERS if name in response}
        claim.body = response.content
        claim.save(update_fields=["status", "headers", "body"])
        return response


def idempotent(view):
    """An API write view honours the Idempotency-Key header.

    Goes above `api_view`, so that refusals are answered, and remembered, inside the
    transaction; a body too large to fingerprint is left to api_view to refuse.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None or request.method not in WRITES or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if not KEY.fullmatch(key):
            return json_error(
                "invalid_idempotency_key",
                f"{HEADER} is 1 to 255 visible ASCII characters.",
                field=HEADER,
            )
        try:
            check_size(request)
        except ApiError:
            return view(request, *args, **kwargs)
        return _once(
            request,
            key=f"api:{key}",
            fingerprint=_fingerprint(request, request.body),
            run=lambda: view(request, *args, **kwargs),
            reused=lambda: json_error(
                "idempotency_key_reused",
                f"This {HEADER} was used for a different request; send a new key.",
                status=422,
                field=HEADER,
            ),
        )

    return wrapper


def once_per_form(view):
    """A form post carrying a one-time token (`{% once_token %}`) is stored once.

    Sent twice (a double click, a resend after a dropped connection) it gets the first
    answer, the redirect to the comment. The same token with other text is a new post
    (the reader went back and changed it), so it runs as one.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        token = request.POST.get(FORM_FIELD, "")
        if not request.user.is_authenticated or not KEY.fullmatch(token):
            return view(request, *args, **kwargs)
        fields = sorted(
            (name, value)
            for name, value in request.POST.items()
            if name not in (FORM_FIELD, "csrfmiddlewaretoken")
        )
        run = lambda: view(request, *args, **kwargs)  # noqa: E731
        return _once(
            request,
            key=f"form:{token}",
            fingerprint=_fingerprint(request, urlencode(fields).encode()),
            run=run,
            reused=run,
        )

    return wrapper
