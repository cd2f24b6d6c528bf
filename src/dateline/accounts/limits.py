"""Rate limits on the doors to an account: sign-up, sign-in and password reset.

Each attempt takes a token from two buckets, one for the client's address and one for
the email it names, so a script can try neither many emails from one address nor one
email from many addresses. The buckets are `core.state`'s (`State.take_token`: the site's
cache, one atomic script on Redis), as for comments. Every attempt counts, whether or not the email has
an account, so being refused tells nothing about who has one.
"""

import hashlib
import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import ngettext

from dateline.core.state import cache_state


@dataclass(frozen=True)
class Limit:
    burst: int  # attempts allowed at once
    every: float  # seconds until one more


# (per address, per email). Sign-in counts both the token endpoint and the login form.
DOORS = {
    "signup": (Limit(burst=5, every=600), Limit(burst=3, every=1200)),
    "sign_in": (Limit(burst=20, every=15), Limit(burst=10, every=60)),
    "password_reset": (Limit(burst=5, every=600), Limit(burst=3, every=1200)),
}


class RateLimited(ValidationError):
    """A refusal forms show like any other; the API answers it 429 with Retry-After."""

    def __init__(self, wait):
        self.retry_after = max(1, math.ceil(wait))
        minutes = math.ceil(self.retry_after / 60)
        super().__init__(
            ngettext(
                "Too many attempts: try again in %(count)d minute.",
                "Too many attempts: try again in %(count)d minutes.",
                minutes,
            )
            % {"count": minutes},
            code="rate_limited",
        )


def take_attempt(door, *, ip, email):
    """Count one attempt at `door`; raises RateLimited when the address or the email has none left."""
    by_address, by_email = DOORS[door]
    mailbox = hashlib.sha256(email.strip().casefold().encode(errors="replace")).hexdigest()
    state, now = cache_state(), timezone.now()
    for key, limit in ((f"ip:{ip}", by_address), (f"email:{mailbox}", by_email)):
        wait = state.take_token(f"{door}:{key}", now, every=limit.every, burst=limit.burst)
        if wait:
            raise RateLimited(wait)
