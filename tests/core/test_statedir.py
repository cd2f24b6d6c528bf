"""Screening's memory goes to a private folder in memory when the system has one, and
stays beside the data otherwise."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.core.statedir import MEMORY_ROOT, state_folder

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")


def test_a_private_folder_in_memory_per_user_and_site(tmp_path):
    memory = tmp_path / "shm"
    memory.mkdir()
    first = state_folder(tmp_path / "site-a", memory_root=memory)
    assert first.parent == memory and first.name.startswith(f"dateline-{os.getuid()}-")
    assert stat.S_IMODE(first.stat().st_mode) == 0o700
    assert state_folder(tmp_path / "site-a", memory_root=memory) == first  # every process
    assert state_folder(tmp_path / "site-b", memory_root=memory) != first


def test_a_folder_others_may_write_to_is_not_used(tmp_path):
    memory = tmp_path / "shm"
    memory.mkdir()
    taken = state_folder(tmp_path / "site", memory_root=memory)
    taken.chmod(0o777)  # as if made by someone else, open to all
    assert state_folder(tmp_path / "site", memory_root=memory) == tmp_path / "site" / "state"
    taken.rmdir()
    taken.symlink_to(tmp_path)  # a link planted where the folder would be
    assert state_folder(tmp_path / "site", memory_root=memory) == tmp_path / "site" / "state"


def test_no_memory_folder_or_a_configured_one(tmp_path):
    missing = tmp_path / "no-shm"
    assert state_folder(tmp_path, memory_root=missing) == tmp_path / "state"
    chosen = tmp_path / "chosen"
    assert state_folder(tmp_path, configured=str(chosen), memory_root=missing) == chosen


def test_the_settings_give_screening_its_own_cache_on_one_machine(tmp_path):
    script = (
        "from dateline import settings; c = settings.CACHES;"
        "print(sorted(c), c['state']['LOCATION'])"
    )
    env = {**os.environ, "DATELINE_DATA_DIR": str(tmp_path), "DATELINE_STATE_DIR": ""}
    env.pop("REDIS_URL", None)
    found = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert found[:2] == ["['default',", "'state']"]
    chosen = Path(found[-1])
    assert chosen.parent == MEMORY_ROOT or chosen == tmp_path / "state"
    if chosen.parent == MEMORY_ROOT:
        chosen.rmdir()  # made for this test's data folder alone
    env["DATELINE_STATE_DIR"] = str(tmp_path / "chosen")
    found = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert found[-1] == str(tmp_path / "chosen")
