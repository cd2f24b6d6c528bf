"""Bearer-token authentication for the JSON API."""

from datetime import timedelta

from django.utils import timezone

from dateline.core.api import json_error

from .actions import hash_token
from .models import CommentApiToken

LAST_USED_PRECISION = timedelta(minutes=1)


class ApiTokenMiddleware:
    """`Authorization: Bearer <token>` logs the request in as the token's owner.

    Such requests carry no cookies, so they are exempt from CSRF checks.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if header.startswith("Bearer "):
            try:  # get, not first: the hash is unique, and no ORDER BY is built (every call)
                token = CommentApiToken.objects.select_related("user").get(
                    token_hash=hash_token(header[7:].strip())
                )
            except CommentApiToken.DoesNotExist:
                token = None
            if token is None or not token.user.is_active:
                return json_error("invalid_token", "The API token is not valid.", status=401)
            now = timezone.now()
            if token.last_used is None or now - token.last_used > LAST_USED_PRECISION:
                # Minute precision is enough, and spares a write on most requests.
                CommentApiToken.objects.filter(pk=token.pk).update(last_used=now)
            request.user = token.user
            request._dont_enforce_csrf_checks = True
        return self.get_response(request)
