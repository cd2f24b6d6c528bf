"""The one-machine cache looks at its folder once every so many writes, not at each, and
reads back what it wrote."""

import os
import subprocess
import sys
from unittest import mock

from django.core.cache.backends.filebased import FileBasedCache
from django.utils.module_loading import import_string

from dateline.core.filecache import CULL_EVERY, LeanFileCache


def test_the_folder_is_looked_at_once_every_so_many_writes(tmp_path):
    store = LeanFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10}})
    with mock.patch.object(
        FileBasedCache, "_list_cache_files", autospec=True, return_value=[]
    ) as listed:
        for number in range(2 * CULL_EVERY):
            store.set(f"key:{number}", number)
    assert listed.call_count == 2


def test_the_folder_is_still_culled(tmp_path):
    store = LeanFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2}})
    for number in range(CULL_EVERY + 2):
        store.set(f"key:{number}", number)
    assert len(list(tmp_path.iterdir())) < CULL_EVERY


def test_it_is_the_default_without_redis(tmp_path):
    environment = {**os.environ, "DATELINE_DATA_DIR": str(tmp_path)}
    environment.pop("REDIS_URL", None)
    backend = subprocess.run(
        [
            sys.executable,
            "-c",
            "from dateline import settings; print(settings.CACHES['default']['BACKEND'])",
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert import_string(backend) is LeanFileCache


def test_entries_read_back_and_expire(tmp_path):
    store = LeanFileCache(str(tmp_path), {})
    page = {"content": b"<p>A page.</p>" * 10_000, "page_version": 7}
    store.set("page", page, timeout=60)
    assert store.get("page") == page
    assert store.touch("page", 0) and store.get("page") is None  # touched to expire now
