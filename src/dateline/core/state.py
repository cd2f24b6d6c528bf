"""Short-lived shared memory: rate limits (comments, sign-up, sign-in) and recent values
(screening's fingerprints and surge counts).

It lives in `core` because screening and accounts both use it. It lives in Django's
cache (Redis in production, so every web worker shares it; on one machine the "state"
file cache, in memory-backed files: `core.statedir`), or in a plain dict for `dateline
screen` and tests. A flood of comments sent at once must not slip past the rate limit:
on Redis it is one atomic script; with the file cache of a one-machine install, workers
take turns through a file lock; otherwise, within one process, through a thread lock.
The near-duplicate memory takes no lock: at worst one copy more is published.
"""

import threading
from functools import cache
from pathlib import Path

from django.core.files import locks
from django_redis.cache import RedisCache

# The rate limit kept as one number per key, "due": when the bucket would next be full
# if nothing else arrived (GCRA). A comment is let through if, after it, the bucket still
# holds no more than `burst` comments' worth of time. Times are whole milliseconds, which
# Lua's numbers hold exactly.
TAKE_TOKEN_SCRIPT = """
local now, every, burst = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local due = math.max(tonumber(redis.call('GET', KEYS[1])) or now, now) + every
local wait = due - now - burst * every
if wait > 0 then
    return wait
end
redis.call('SET', KEYS[1], string.format('%d', due), 'PX', burst * every + 1000)
return 0
"""


class MemoryStore:
    """The two cache methods screening uses, on a dict (one process, no expiry)."""

    def __init__(self):
        self.values = {}

    def get(self, key, default=None):
        return self.values.get(key, default)

    def set(self, key, value, timeout=None):
        self.values[key] = value


class FileLock:
    """An exclusive lock on a file, so that processes sharing a folder take turns.

    Django's `locks` does the locking (flock on POSIX, LockFileEx on Windows); the thread
    lock makes the threads of one process take turns too, which a file lock alone
    does not (it belongs to the process).
    """

    def __init__(self, path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.threads = threading.Lock()  # guards `handle` between this process's threads

    def __enter__(self):
        self.threads.acquire()
        self.handle = open(self.path, "a")  # noqa: SIM115 (closed in __exit__)
        locks.lock(self.handle, locks.LOCK_EX)

    def __exit__(self, *exception):
        self.handle.close()  # releases the file lock
        self.threads.release()


PROCESS_LOCK = threading.Lock()


@cache
def file_lock(path):
    """One FileLock per path and process, so its thread guard is shared too."""
    return FileLock(path)


class State:
    def __init__(self, store, lock=PROCESS_LOCK):
        self.store = store
        self.lock = lock  # held while a rate limit is read and written back
        self.script = None
        if isinstance(store, RedisCache):
            self.script = store.client.get_client(write=True).register_script(TAKE_TOKEN_SCRIPT)

    def take_token(self, key, now, *, every, burst):
        """Token bucket: one token each `every` seconds, at most `burst` saved up.

        Returns 0 when a token was taken, else the seconds until the next one.
        """
        key, stamp = f"screen:due:{key}", now.timestamp()
        if self.script:
            milliseconds = [round(stamp * 1000), round(every * 1000), burst]
            return self.script(keys=[self.store.make_key(key)], args=milliseconds) / 1000
        with self.lock:
            due = max(self.store.get(key, stamp), stamp) + every
            wait = due - stamp - burst * every
            if wait > 0:
                return wait
            self.store.set(key, due, timeout=int(every * burst) + 1)
            return 0

    def recent(self, key, now, window):
        """Values remembered under `key` in the last `window` seconds, oldest first."""
        cutoff = now.timestamp() - window
        return [
            value for stamp, value in self.store.get(f"screen:recent:{key}", []) if stamp > cutoff
        ]

    def remember(self, key, now, value, *, window, keep=200):
        """Add `value` to what `key` remembers; returns the values now remembered there
        (as `recent` would, without reading them again)."""
        entries = self.store.get(f"screen:recent:{key}", [])
        cutoff = now.timestamp() - window
        entries = [entry for entry in entries if entry[0] > cutoff][-(keep - 1) :]
        entries.append((now.timestamp(), value))
        self.store.set(f"screen:recent:{key}", entries, timeout=window)
        return [value for _, value in entries]


def shared_cache_lock(name, store=None):
    """A lock that makes read-then-write updates of `store` (the default cache unless
    given) safe for that kind of cache.

    The file cache reads and writes separately, so web workers sharing its folder take
    turns through a file lock beside it; other caches get a lock for this process only
    (Redis updates are made atomic by the caller).
    """
    from django.conf import settings
    from django.core.cache import caches

    if is_file_cache(store or caches["default"]):
        return file_lock(settings.DATA_DIR / f"{name}.lock")
    return process_lock(name)


def is_file_cache(store):
    """Whether `store` is a file cache: it reads and writes an entry in two steps."""
    from django.core.cache.backends.filebased import FileBasedCache

    return isinstance(store, FileBasedCache)


@cache
def process_lock(name):
    """One thread lock per name and process."""
    return threading.Lock()


def cache_state():
    """Screening's memory, with the lock its cache needs: the "state" cache where the
    settings name one (a one-machine install: `core.statedir`), else the site's cache."""
    from django.conf import settings
    from django.core.cache import caches

    store = caches["state" if "state" in settings.CACHES else "default"]  # the backend itself
    return State(store, lock=shared_cache_lock("screening", store))
