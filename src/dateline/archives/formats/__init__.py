"""The comment archive formats dateline reads and writes, by name.

`READERS[name]` is a function `read(stream: BinaryIO) -> Iterator[Record]`: it yields
`Thread`, `Post` and `Unreadable` records as it reads (a thread before any post of it) and
raises `BrokenArchive` when the file cannot be read at all. Give it the stream from
`open_archive`, which un-gzips and is seekable, as Commento's reader needs.

`WRITERS[name]` is a function `write(out: BinaryIO, source: ArchiveSource) -> int`: it
writes the source's threads and posts as they come and returns how many posts it wrote.
"""

import gzip
import io
import os
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

from ..records import ArchiveSource, BrokenArchive, ReadStats, Record
from . import commento, disqus, jsonl, wordpress

READERS: dict[str, Callable[[BinaryIO], Iterator[Record]]] = {
    "disqus": disqus.read,
    "wordpress": wordpress.read,
    "commento": commento.read,
    "jsonl": jsonl.read,
}
WRITERS: dict[str, Callable[[BinaryIO, ArchiveSource], int]] = {
    "disqus": disqus.write,
    "wordpress": wordpress.write,
    "jsonl": jsonl.write,
}

GZIP_MAGIC = b"\x1f\x8b"
BUFFER = 1 << 16


class _Counted(io.RawIOBase):
    """The file on disk, telling `stats` how far into it reading has got."""

    def __init__(self, raw: io.FileIO, stats: ReadStats):
        self._raw, self._stats = raw, stats

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._raw.seekable()

    def readinto(self, buffer) -> int | None:
        count = self._raw.readinto(buffer)
        if count:
            self._stats.read += count
        return count

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._stats.read = self._raw.seek(offset, whence)
        return self._stats.read

    def tell(self) -> int:
        return self._raw.tell()

    def close(self) -> None:
        self._raw.close()
        super().close()


@contextmanager
def open_archive(path: str | os.PathLike) -> Iterator[tuple[BinaryIO, ReadStats]]:
    """The archive at `path` as a binary stream, un-gzipped if it is gzipped, with the
    `ReadStats` that follow it: `with open_archive(path) as (stream, stats):`.

    Compression is told by the file's first bytes, not its name: exports get renamed.
    `stats.size` is set on opening and `stats.read` grows as the reader goes, for a
    progress bar. A gzipped file that is damaged or cut short raises `BrokenArchive` out
    of the `with` block.
    """
    stats = ReadStats()
    with open(path, "rb", buffering=0) as raw:
        stats.size = os.fstat(raw.fileno()).st_size
        buffered = io.BufferedReader(_Counted(raw, stats), BUFFER)
        zipped = buffered.peek(len(GZIP_MAGIC))[: len(GZIP_MAGIC)] == GZIP_MAGIC
        stream = gzip.GzipFile(fileobj=buffered, mode="rb") if zipped else buffered
        try:
            yield stream, stats
        except (EOFError, zlib.error, gzip.BadGzipFile) as error:
            if not zipped:
                raise
            raise BrokenArchive(
                f"the gzip-compressed file is damaged or cut short ({error})"
            ) from None
        finally:
            stream.close()
            buffered.close()
