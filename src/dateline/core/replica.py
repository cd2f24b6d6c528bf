"""An optional read replica (DATABASE_REPLICA_URL): reads go to it, writes to the primary,
and so do the reads of a reader who has just written.

A replica runs a little behind. Within a request that wrote, every later read goes to the
primary; a response to a write pins its reader to the primary for `PIN_SECONDS` by a
cookie, so the page they are sent back to shows what they just did.
"""

from contextvars import ContextVar

from django.conf import settings

PIN_COOKIE = "dateline_primary"
PIN_SECONDS = 10
_pinned = ContextVar("pinned_to_primary", default=False)
_wrote = ContextVar("wrote_this_request", default=False)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return "default" if _pinned.get() or _wrote.get() else "replica"

    def db_for_write(self, model, **hints):
        _wrote.set(True)
        return "default"

    def allow_relation(self, first, second, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"  # the replica copies the primary's tables


class PinAfterWriteMiddleware:
    """Reads after a write (in this request, or by the same reader just before) go to the
    primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pinned = _pinned.set(
            PIN_COOKIE in request.COOKIES or request.method not in ("GET", "HEAD", "OPTIONS")
        )
        wrote = _wrote.set(False)
        try:
            response = self.get_response(request)
            if _wrote.get():
                response.set_cookie(
                    PIN_COOKIE,
                    "1",
                    max_age=PIN_SECONDS,
                    httponly=True,
                    samesite="Lax",
                    secure=settings.SESSION_COOKIE_SECURE,
                )
            return response
        finally:
            _pinned.reset(pinned)
            _wrote.reset(wrote)
