"""Suite-wide fixtures and the PostgreSQL and Redis contracts.

Tests marked `postgres` run only on PostgreSQL. On SQLite they are skipped, unless
DATELINE_REQUIRE_POSTGRES=1 (CI sets it), in which case they fail: CI asked for
PostgreSQL and must not pass without it. Tests that use the `redis_cache` fixture are
skipped when no Redis answers at DATELINE_TEST_REDIS_URL, unless DATELINE_REQUIRE_REDIS=1
(CI sets it), in which case they fail.
"""

import atexit
import io
import json
import os
import shutil
import tempfile
import uuid

import pytest
from django.conf import settings
from django.core.management import call_command

REQUIRE_POSTGRES = os.environ.get("DATELINE_REQUIRE_POSTGRES") == "1"
REQUIRE_REDIS = os.environ.get("DATELINE_REQUIRE_REDIS") == "1"
TEST_REDIS_URL = os.environ.get("DATELINE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

# Every API answer in the suite is checked against the OpenAPI document (tests/api_contract.py).
pytest_plugins = ["tests.api_contract"]

# Uploaded and generated images go to a scratch folder, never the developer's var/; and
# the demo, loaded once per test database, screens its queue comments against a fresh
# cache, not the developer's (whose remembered comments would refuse them as repeats).
settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="dateline-test-media-")
atexit.register(shutil.rmtree, settings.MEDIA_ROOT, ignore_errors=True)
settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The servers and commands tests start keep screening's memory in a scratch folder too,
# not in a folder of their own in memory that would outlive them (core.statedir).
os.environ["DATELINE_STATE_DIR"] = tempfile.mkdtemp(prefix="dateline-test-state-")
atexit.register(shutil.rmtree, os.environ["DATELINE_STATE_DIR"], ignore_errors=True)


def on_postgres():
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def pytest_collection_modifyitems(config, items):
    if on_postgres():
        return
    if REQUIRE_POSTGRES:
        return  # postgres_when_required fails every test instead
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def postgres_when_required(django_db_blocker):
    """Under DATELINE_REQUIRE_POSTGRES=1, every test fails unless PostgreSQL answers."""
    if not REQUIRE_POSTGRES:
        return
    if not on_postgres():
        pytest.fail("DATELINE_REQUIRE_POSTGRES=1 but DATABASE_URL is not a PostgreSQL database")
    from django.db import connection

    with django_db_blocker.unblock():
        try:
            with connection._nodb_cursor() as cursor:
                cursor.execute("SELECT 1")
        except Exception as error:  # any failure to reach the server is fatal here
            pytest.fail(f"DATELINE_REQUIRE_POSTGRES=1 but PostgreSQL is unreachable: {error}")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is the real hasher; tests use a fast one unless they ask for argon2."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Tests read static files from the apps; production serves collected, hashed ones."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def story(db):
    """The demo blog post that carries the demo thread."""
    from dateline.newsroom.models import BlogPostPage

    return BlogPostPage.objects.get(slug="france-needs-partners-in-mali")


@pytest.fixture(autouse=True)
def english_around():
    """A request leaves its language active in the thread: every test starts in English."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Background tasks run as soon as they are queued (after the commit: tests that want
    them use `django_capture_on_commit_callbacks`); the worker's own tests use the
    database backend."""
    settings.TASKS = {
        **settings.TASKS,
        "queue": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }


@pytest.fixture(autouse=True)
def isolated_cache(settings, tmp_path):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": str(tmp_path),
        }
    }
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def redis_cache(settings, isolated_cache):
    """The site's cache on a real Redis, as production runs it, under a prefix of its own."""
    import redis

    try:
        redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        if REQUIRE_REDIS:
            pytest.fail(
                f"DATELINE_REQUIRE_REDIS=1 but Redis at {TEST_REDIS_URL} is unreachable: {error}"
            )
        pytest.skip(f"needs Redis at {TEST_REDIS_URL} (set DATELINE_TEST_REDIS_URL)")
    local = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": TEST_REDIS_URL,
            "KEY_PREFIX": f"dateline-test-{uuid.uuid4().hex}",
        }
    }
    from django.core.cache import caches

    yield caches["default"]
    caches["default"].delete_pattern("*")  # this test's keys only: the prefix applies
    settings.CACHES = local


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the demo site (tests roll back their own changes).

    A snapshot of it is kept so that transactional tests, whose database is emptied
    after each test, can put it back (see `restore_demo_snapshot`).
    """
    from django.db import connection

    with django_db_blocker.unblock():
        call_command("demo", stdout=io.StringIO())
        rows = json.loads(connection.creation.serialize_db_to_string())
        # Content types first: other rows' saves look them up, and would create new ones.
        rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
        DEMO_SNAPSHOT.append(json.dumps(rows))


DEMO_SNAPSHOT = []


def restore_demo_snapshot():
    """Put the demo site back after a transactional test emptied the database."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Locale

    if not Locale.objects.exists():
        # The flush recreated these with new ids; the snapshot brings back the old ones.
        Permission.objects.all().delete()
        ContentType.objects.all().delete()
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(DEMO_SNAPSHOT[-1])
