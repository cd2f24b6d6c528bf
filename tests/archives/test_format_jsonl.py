"""Reading JSON Lines comment files, one comment a line, and ones that went wrong."""

import io
import json
from datetime import UTC, datetime

import pytest

from dateline.archives.formats import jsonl
from dateline.archives.records import BrokenArchive, Post, State, Thread, Unreadable, Writer


def line(**fields) -> str:
    base = {
        "id": 1,
        "story_url": "https://old.example/a/",
        "story_title": "Story A",
        "parent": None,
        "author": "Ann",
        "author_key": "",
        "author_email": "Ann@Example.org",
        "text": "Plain <text> & &amp; kept as is.\n\nTwo paragraphs.",
        "created": "2023-04-05T06:07:08Z",
        "state": "published",
    }
    return json.dumps(base | fields, ensure_ascii=False)


SAMPLE = (
    "\n".join(
        [
            line(),
            "",
            line(
                id="2",
                parent=1,
                author="  ",
                author_email="",
                created="2023-04-05T08:07:08+02:00",
                state="pending",
            ),
            line(
                id="dateline:news.example:3",
                story_url="https://old.example/b/",
                story_title="Story B",
                author_key="disqus-user:ann",
            ),
            line(id=4, state="spam", created="2023-04-05 06:07:08"),
            line(id=5, created="yesterday"),
            line(id=6, created=None),
            line(id=None),
            line(id=7, story_url=""),
            line(id=8, state="gone"),
            line(
                id=9,
                state="deleted",
                parent="dateline:news.example:3",
                story_url="https://old.example/b/",
            ),
        ]
    )
    + "\n"
)


def read(text: str | bytes):
    data = text.encode() if isinstance(text, str) else text
    return list(jsonl.read(io.BytesIO(data)))


def test_reads_a_jsonl_file():
    records = read(SAMPLE)
    assert records[:3] == [
        Thread("https://old.example/a/", "https://old.example/a/", "Story A"),
        Post(
            key="jsonl:1",
            thread="https://old.example/a/",
            parent=None,
            writer=Writer("email:ann@example.org", "Ann", "ann@example.org"),
            body="Plain <text> & &amp; kept as is.\n\nTwo paragraphs.",
            created=datetime(2023, 4, 5, 6, 7, 8, tzinfo=UTC),
            state=State.PUBLISHED,
            line=1,
        ),
        Post(
            key="jsonl:2",
            thread="https://old.example/a/",
            parent="jsonl:1",
            writer=Writer("name:Anonymous", "Anonymous"),
            body="Plain <text> & &amp; kept as is.\n\nTwo paragraphs.",
            created=datetime(2023, 4, 5, 6, 7, 8, tzinfo=UTC),
            state=State.PENDING,
            line=3,
        ),
    ]
    story_b, ours, spam = records[3:6]
    assert story_b == Thread("https://old.example/b/", "https://old.example/b/", "Story B")
    assert ours.key == "dateline:news.example:3"
    assert ours.writer == Writer("disqus-user:ann", "Ann", "ann@example.org")
    assert spam.state == State.SPAM
    assert spam.created == datetime(2023, 4, 5, 6, 7, 8, tzinfo=UTC)  # no offset: UTC
    assert records[6:10] == [
        Unreadable("jsonl:5", 6, "the date 'yesterday' is not a date"),
        Unreadable("jsonl:6", 7, "the line has no date"),
        Unreadable("", 8, "a line without an id"),
        Unreadable("jsonl:7", 9, "the line names no story_url"),
    ]
    assert records[10] == Unreadable("jsonl:8", 10, "an unknown state 'gone'")
    assert records[11].state == State.DELETED
    assert records[11].thread == story_b.key  # no second Thread for a story already seen
    assert len(records) == 12


def test_a_byte_order_mark_and_a_missing_last_newline_are_fine():
    records = read("\ufeff" + line())
    assert [type(record) for record in records] == [Thread, Post]


@pytest.mark.parametrize(
    ("data", "reason", "number"),
    [
        ("", "the file is empty", None),
        ("\n\n  \n", "the file is empty", None),
        (
            "<!DOCTYPE html>\n<html>\n",
            "this is not a JSON Lines export: its first line is not JSON",
            1,
        ),
        ('{"disqus": true', "this is not a JSON Lines export: its first line is not JSON", 1),
        ("[1, 2]\n", "this is not a JSON Lines comment export: the line is not a JSON object", 1),
        (SAMPLE[:-40], "the last line is cut off: is the file truncated?", 11),
        (line() + "\n" + line()[:-1] + "\n" + line() + "\n", "the line is not valid JSON", 2),
        (b'{"id": 1}\n{"id": "\xff"}\n', "the line is not valid JSON", 2),
    ],
)
def test_broken_files(data, reason, number):
    with pytest.raises(BrokenArchive) as raised:
        read(data)
    assert raised.value.reason.startswith(reason)
    assert raised.value.line == number
