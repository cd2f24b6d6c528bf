"""Reading Commento exports: gzipped JSON, comments before the people who wrote them."""

import gzip
import io
import json
from datetime import UTC, datetime

import pytest

from dateline.archives import formats
from dateline.archives.formats import commento
from dateline.archives.records import BrokenArchive, Post, State, Thread, Unreadable, Writer


def comment(hexid, **fields):
    return {
        "commentHex": hexid,
        "domain": "blog.example",
        "url": "/2020/01/snow/",
        "commenterHex": "c0ffee",
        "markdown": "",
        "html": "",
        "parentHex": "root",
        "score": 0,
        "state": "approved",
        "creationDate": "2020-01-16T09:43:36.474394Z",
        "direction": 0,
        "deleted": False,
    } | fields


COMMENTS = [
    # Commento's export fills `markdown` only; `html` is what a fuller export would carry.
    comment("a1", markdown="**Snow** again & again <3\r\n\r\nSecond paragraph."),
    comment(
        "a2",
        parentHex="a1",
        commenterHex="anonymous",
        html="<p>Reply &amp; more</p>\n",
        markdown="ignored when there is html",
        creationDate="2020-01-16T10:00:00.123456789+00:00",
    ),
    comment(
        "a3",
        url="/2020/02/rain/",
        commenterHex="beef",
        state="unapproved",
        markdown="Waiting.",
        creationDate="2020-02-01T12:00:00+01:00",
    ),
    comment("a4", state="flagged", commenterHex="gone", markdown="Spam."),
    comment("a5", deleted=True, markdown="[deleted]"),
    comment("a6", creationDate="", markdown="no date"),
    comment("", markdown="no hex"),
    comment("a7", state="weird"),
    comment("a8", domain=""),
]
COMMENTERS = [
    {
        "commenterHex": "c0ffee",
        "email": "Snow@Example.org",
        "name": "Snow Fan",
        "link": "undefined",
        "photo": "undefined",
        "provider": "commento",
        "joinDate": "2019-12-01T00:00:00Z",
        "isModerator": False,
    },
    {
        "commenterHex": "beef",
        "email": "",
        "name": "  Rain Fan ",
        "link": "https://rain.example",
        "photo": "undefined",
        "provider": "github",
        "joinDate": "2019-12-01T00:00:00Z",
        "isModerator": False,
    },
    # The export lists a commenter once per comment.
    {
        "commenterHex": "c0ffee",
        "email": "Snow@Example.org",
        "name": "Snow Fan",
        "link": "undefined",
        "photo": "undefined",
        "provider": "commento",
        "joinDate": "2019-12-01T00:00:00Z",
        "isModerator": False,
    },
]
EXPORT = json.dumps({"version": 1, "comments": COMMENTS, "commenters": COMMENTERS}).encode()


def read(data: bytes):
    return list(commento.read(io.BytesIO(data)))


SNOW = Thread("blog.example/2020/01/snow/", "https://blog.example/2020/01/snow/")
SNOW_FAN = Writer("email:snow@example.org", "Snow Fan", "snow@example.org")


def test_reads_a_commento_export():
    records = read(EXPORT)
    assert records[:3] == [
        SNOW,
        Post(
            key="commento:a1",
            thread=SNOW.key,
            parent=None,
            writer=SNOW_FAN,
            body="**Snow** again & again <3\n\nSecond paragraph.",  # markdown, as plain text
            created=datetime(2020, 1, 16, 9, 43, 36, 474394, tzinfo=UTC),
            state=State.PUBLISHED,
        ),
        Post(
            key="commento:a2",
            thread=SNOW.key,
            parent="commento:a1",
            writer=Writer("name:Anonymous", "Anonymous"),
            body="Reply & more",
            created=datetime(2020, 1, 16, 10, 0, 0, 123456, tzinfo=UTC),
            state=State.PUBLISHED,
        ),
    ]
    rain, waiting, flagged, deleted = records[3:7]
    assert rain == Thread("blog.example/2020/02/rain/", "https://blog.example/2020/02/rain/")
    assert waiting.thread == rain.key
    assert waiting.state == State.PENDING
    assert waiting.writer == Writer("commento-user:beef", "Rain Fan")  # an account, no email
    assert waiting.created == datetime(2020, 2, 1, 11, 0, tzinfo=UTC)
    assert flagged.state == State.SPAM
    assert flagged.writer == Writer("commento-user:gone", "Anonymous")  # not in the list
    assert deleted.state == State.DELETED
    assert records[7:] == [
        Unreadable("commento:a6", 0, "the comment has no date"),
        Unreadable("", 0, "a comment without a commentHex"),
        Unreadable("commento:a7", 0, "an unknown state 'weird'"),
        Unreadable("commento:a8", 0, "the comment names no domain"),
    ]


def test_reads_the_gzipped_file_commento_sends_in_two_passes(tmp_path):
    path = tmp_path / "commento-export.json.gz"
    path.write_bytes(gzip.compress(EXPORT))
    with formats.open_archive(path) as (stream, stats):
        records = list(formats.READERS["commento"](stream))
    assert records == read(EXPORT)
    assert stats.read == stats.size  # the second pass went to the end too


def test_commenters_after_comments_or_before_read_the_same():
    before = json.dumps({"commenters": COMMENTERS, "version": 1, "comments": COMMENTS}).encode()
    assert read(before) == read(EXPORT)


def test_the_stream_must_be_seekable():
    class Pipe(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            return 0

    with pytest.raises(ValueError, match="seekable"):
        read_from = commento.read(Pipe())
        next(read_from)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"<!DOCTYPE html><html></html>", "this is not a Commento export: it is not a JSON object"),
        (b'[{"commentHex": "a1"}]', "this is not a Commento export: it is not a JSON object"),
        (
            b'{"version": 1, "posts": []}',
            'this is not a Commento export: it has no "comments" list',
        ),
        (EXPORT[:-300], "the file ends in the middle of the JSON: is it truncated?"),
        (
            EXPORT.replace(b'"score": 0', b'"score": zero', 1),
            "the JSON is malformed: lexical error",
        ),
    ],
)
def test_broken_files(data, reason):
    with pytest.raises(BrokenArchive) as raised:
        read(data)
    assert raised.value.reason.startswith(reason)


def test_a_broken_file_yields_nothing():
    reader = commento.read(io.BytesIO(EXPORT[:-300]))
    with pytest.raises(BrokenArchive):
        next(reader)  # the first pass reads to the end before any record
