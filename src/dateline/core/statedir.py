"""Where a one-machine install keeps screening's short-lived memory.

Rate limits, recent fingerprints and surge counts are written at every comment (five
small files each) and matter only for minutes. On a disk each write creates and renames
a file: 0.3 ms, a fifth of a stored comment's server time. In memory-backed files
(/dev/shm, on Linux) the same write takes under 0.1 ms, and 16 readers posting at once
got 20 % more posts through (median of 9 rounds against 6, `benchmarks/comments.py`).
What is lost at a reboot is only who posted in the last minutes.

The folder is private: its files are unpickled, so one another user could write to
would run their code. It is made for this user and this data folder (so two sites on
one machine never share it), and used only when it is a real folder owned by this user
that no one else may enter; otherwise the memory stays beside the data.
"""

import hashlib
import os
import stat
from pathlib import Path

MEMORY_ROOT = Path("/dev/shm")


def state_folder(data_dir: Path, *, configured: str = "", memory_root: Path = MEMORY_ROOT):
    """The folder for screening's memory: `configured` when set (DATELINE_STATE_DIR),
    else a private one in memory, else `data_dir`/state."""
    if configured:
        return Path(configured)
    if hasattr(os, "getuid") and memory_root.is_dir():
        site = hashlib.sha256(str(data_dir).encode()).hexdigest()[:16]
        folder = memory_root / f"dateline-{os.getuid()}-{site}"
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            found = folder.lstat()
        except OSError:
            found = None
        if (
            found is not None
            and stat.S_ISDIR(found.st_mode)
            and found.st_uid == os.getuid()
            and not found.st_mode & 0o077
        ):
            return folder
    return data_dir / "state"
