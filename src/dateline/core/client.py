"""Who is asking: the client's address, as seen through the site's own proxies."""

from django.conf import settings


def client_ip(request):
    """The reader's IP address, for rate limits and the audit log.

    Behind N trusted reverse proxies (TRUSTED_PROXY_HOPS=N), the address is the Nth
    entry from the right of X-Forwarded-For; anything further left was written by the
    client and cannot be trusted.
    """
    hops = settings.TRUSTED_PROXY_HOPS
    if hops:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR")
