"""SQLite as Django's own backend, except for how a writer waits for the write lock.

SQLite lets one writer in at a time. A writer that finds the lock taken is put to sleep
by SQLite's busy handler for 1, 2, 5, 10, 15, 20, 25 ... 100 ms, longer at each try, and
tries again only then: the lock is usually free again within a few milliseconds, but the
waiters sleep on. With 16 readers posting at once, that sleep was most of a comment's
time: the bare post path took 0.44x Isso's rate (median of 5 rounds) at p99 246 ms.
Here a transaction's BEGIN is tried again every half millisecond until the same
timeout, and the path took 0.60x at p99 119 ms (3 rounds, `benchmarks/comments.py
--rounds 3 --isso`). Statements outside a transaction keep SQLite's own waiting.
"""

import time

from django.db import OperationalError
from django.db.backends.sqlite3 import base

RETRY_SECONDS = 0.0005


class DatabaseWrapper(base.DatabaseWrapper):
    def _start_transaction_under_autocommit(self):
        """BEGIN (IMMEDIATE, as settings ask), retried every RETRY_SECONDS while the
        database is locked, until the connection's timeout has passed."""
        timeout = self.settings_dict["OPTIONS"].get("timeout", 5)
        deadline = time.monotonic() + timeout
        begin = f"BEGIN {self.transaction_mode}" if self.transaction_mode else "BEGIN"
        self.connection.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    self.cursor().execute(begin)
                    return
                except OperationalError as error:
                    if "locked" not in str(error) or time.monotonic() >= deadline:
                        raise
                time.sleep(RETRY_SECONDS)
        finally:
            self.connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
