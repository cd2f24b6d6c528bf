"""Short-lived memory that screening needs between comments: rate limits and fingerprints.

It lives in Django's cache (Redis in production, so every web worker shares it), or in
a plain dict for `dateline screen` and tests. Reads and writes are not atomic: two
comments arriving in the same millisecond may both pass a limit, which errs on the
side of the reader.
"""


class MemoryStore:
    """The two cache methods screening uses, on a dict (one process, no expiry)."""

    def __init__(self):
        self.values = {}

    def get(self, key, default=None):
        return self.values.get(key, default)

    def set(self, key, value, timeout=None):
        self.values[key] = value


class State:
    def __init__(self, store):
        self.store = store

    def take_token(self, key, now, *, every, burst):
        """Token bucket: one token each `every` seconds, at most `burst` saved up.

        Returns 0 when a token was taken, else the seconds until the next one.
        """
        stamp = now.timestamp()
        tokens, last = self.store.get(f"screen:bucket:{key}", (burst, stamp))
        tokens = min(burst, tokens + (stamp - last) / every)
        if tokens < 1:
            return (1 - tokens) * every
        self.store.set(f"screen:bucket:{key}", (tokens - 1, stamp), timeout=int(every * burst))
        return 0

    def recent(self, key, now, window):
        """Values remembered under `key` in the last `window` seconds, oldest first."""
        cutoff = now.timestamp() - window
        return [
            value for stamp, value in self.store.get(f"screen:recent:{key}", []) if stamp > cutoff
        ]

    def remember(self, key, now, value, *, window, keep=200):
        entries = self.store.get(f"screen:recent:{key}", [])
        cutoff = now.timestamp() - window
        entries = [entry for entry in entries if entry[0] > cutoff][-(keep - 1) :]
        entries.append((now.timestamp(), value))
        self.store.set(f"screen:recent:{key}", entries, timeout=window)


def cache_state():
    from django.core.cache import cache

    return State(cache)
