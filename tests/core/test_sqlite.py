"""The SQLite backend's writers wait for the write lock by trying again often, and still
give up after the connection's timeout."""

import threading
import time

import pytest
from django.db import OperationalError

from dateline.core.sqlite.base import DatabaseWrapper


def connect(path, timeout=5):
    wrapper = DatabaseWrapper(
        {
            "NAME": str(path),
            "ENGINE": "dateline.core.sqlite",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": timeout},
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
            "TEST": {},
        }
    )
    wrapper.ensure_connection()
    return wrapper


@pytest.fixture
def database(tmp_path, django_db_blocker):
    """A SQLite file of its own, whatever database the suite runs on."""
    path = tmp_path / "locks.sqlite3"
    with django_db_blocker.unblock():
        setup = connect(path)
        setup.connection.execute("PRAGMA journal_mode=WAL")
        setup.connection.execute("CREATE TABLE note (text TEXT)")
        setup.close()
        yield path


def hold_the_write_lock(path, seconds, holding):
    holder = connect(path)
    holder.set_autocommit(False)  # what atomic() does first
    holder._start_transaction_under_autocommit()
    holder.connection.execute("INSERT INTO note VALUES ('first')")
    holding.set()
    time.sleep(seconds)
    holder.connection.commit()
    holder.close()


def test_a_waiting_writer_goes_in_soon_after_the_lock_is_free(database):
    holding = threading.Event()
    holder = threading.Thread(target=hold_the_write_lock, args=(database, 0.12, holding))
    holder.start()
    holding.wait()
    waiter = connect(database)
    started = time.monotonic()
    waiter.set_autocommit(False)
    waiter._start_transaction_under_autocommit()
    waited = time.monotonic() - started
    waiter.connection.execute("INSERT INTO note VALUES ('second')")
    waiter.connection.commit()
    holder.join()
    rows = waiter.connection.execute("SELECT text FROM note").fetchall()
    # SQLite's own timeout is back for statements outside a transaction.
    busy_timeout = waiter.connection.execute("PRAGMA busy_timeout").fetchone()
    waiter.close()
    assert [text for (text,) in rows] == ["first", "second"]
    assert waited < 1  # it waited for the holder, then went in
    assert busy_timeout == (5000,)


def test_a_writer_still_gives_up_after_the_timeout(database):
    holding = threading.Event()
    holder = threading.Thread(target=hold_the_write_lock, args=(database, 1.0, holding))
    holder.start()
    holding.wait()
    waiter = connect(database, timeout=0.2)
    waiter.set_autocommit(False)
    with pytest.raises(OperationalError, match="locked"):
        waiter._start_transaction_under_autocommit()
    assert waiter.connection.execute("PRAGMA busy_timeout").fetchone() == (200,)
    waiter.close()
    holder.join()
