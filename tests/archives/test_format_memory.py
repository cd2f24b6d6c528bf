"""Readers stream: memory follows the largest post, never the number of posts."""

import gc
import os
import sys
import tracemalloc
from pathlib import Path

from dateline.archives import formats
from dateline.archives.records import Post

HEAD = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n'
)
THREADS = 200


def disqus_export(path: Path, posts: int) -> Path:
    """A Disqus export of `posts` posts, written as a stream."""
    with path.open("wb") as out:
        out.write(HEAD)
        for thread in range(THREADS):
            out.write(
                f'<thread dsq:id="{thread}"><id>story-{thread}</id>'
                f"<link>https://old.example/{thread}/</link><title>Story {thread}</title></thread>\n".encode()
            )
        for number in range(posts):
            message = (
                f"<p>Comment {number}, <b>bold</b></p>" if number % 50 == 0 else f"Comment {number}"
            )
            parent = f'<parent dsq:id="{number - 1}"/>' if number % 3 else ""
            out.write(
                f'<post dsq:id="{number}"><message><![CDATA[{message}]]></message>'
                "<createdAt>2012-06-04T13:00:12Z</createdAt>"
                f"<author><name>Reader {number % 997}</name></author>"
                f'<thread dsq:id="{number % THREADS}"/>{parent}</post>\n'.encode()
            )
        out.write(b"</disqus>\n")
    return path


def peak_while_reading(path: Path) -> tuple[int, int]:
    """(posts read, the most memory the reading held at once, in bytes)."""
    gc.collect()
    tracemalloc.start()
    try:
        with formats.open_archive(path) as (stream, _stats):
            count = sum(isinstance(record, Post) for record in formats.READERS["disqus"](stream))
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_most_memory_held_does_not_grow_with_the_file(tmp_path):
    small, small_peak = peak_while_reading(disqus_export(tmp_path / "small.xml", 1_000))
    large, large_peak = peak_while_reading(disqus_export(tmp_path / "large.xml", 5_000))
    assert (small, large) == (1_000, 5_000)
    assert large_peak < 4 * 1024 * 1024
    assert large_peak - small_peak < 256 * 1024  # five times the posts, the same memory


def resident() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_two_hundred_thousand_posts_read_in_a_few_megabytes(tmp_path):
    """Samples, every 10,000 records, the blocks Python holds and (on Linux) the process's
    resident memory: a reader that kept anything per post would show it by the end."""
    path = disqus_export(tmp_path / "huge.xml", 200_000)
    assert path.stat().st_size > 30 * 1024 * 1024
    on_linux = Path("/proc/self/statm").exists()
    gc.collect()
    blocks, pages = [], []
    with formats.open_archive(path) as (stream, stats):
        for number, _record in enumerate(formats.READERS["disqus"](stream)):
            if number % 10_000 == 0:
                blocks.append(sys.getallocatedblocks())
                pages.append(resident() if on_linux else 0)
        assert stats.read == stats.size
    assert number == 200_000 + THREADS - 1
    # From once the reader is under way (its buffers and caches made) to the end.
    assert max(blocks) - blocks[1] < 5_000, f"{max(blocks) - blocks[1]} more blocks held"
    growth = max(pages) - pages[1]
    assert growth < 4 * 1024 * 1024, f"memory grew by {growth / 1024 / 1024:.1f} MB"
