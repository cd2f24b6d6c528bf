"""The archive formats as a whole: markup to text, opening files, and every writer read back."""

import gzip
import io
from datetime import UTC, datetime

import pytest

from dateline.archives import formats
from dateline.archives.formats import _xml
from dateline.archives.formats.html import markup_of, text_of
from dateline.archives.records import BrokenArchive, Post, State, Thread, Unreadable, Writer


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("plain words", "plain words"),
        ("one\ntwo\n\n\n\nthree", "one\ntwo\n\nthree"),
        ("line<br>break<br/>again", "line\nbreak\nagain"),
        ("<p>first</p>\n<p>second</p>", "first\n\nsecond"),
        (
            "<div>a</div><blockquote>quoted</blockquote><ul><li>x</li><li>y</li></ul>",
            "a\n\nquoted\n\nx\n\ny",
        ),
        ("a &amp; b &lt;c&gt; &quot;d&quot; &#233; &eacute;", 'a & b <c> "d" é é'),
        ("&amp;lt; is how you write &lt;", "&lt; is how you write <"),
        ('<a href="https://example.org/x">https://example.org/x</a>', "https://example.org/x"),
        ('<a href="https://example.org/x/">example.org/x</a>', "https://example.org/x/"),
        (
            '<a href="https://example.org/a/long/path">the report</a>',
            "the report (https://example.org/a/long/path)",
        ),
        (
            '<a href="https://example.org/a/long/path">https://example.org/a/lo…</a>',
            "https://example.org/a/long/path",
        ),
        (
            '<a href="http://example.org/a/long/path">example.org/a/long...</a>',
            "http://example.org/a/long/path",
        ),
        (
            '<a href="https://example.org/a">elsewhere.org/a…</a>',
            "elsewhere.org/a… (https://example.org/a)",
        ),
        ('<a href="https://a.example/?x=1&amp;y=2">link</a>', "link (https://a.example/?x=1&y=2)"),
        ('<a href="javascript:alert(1)">click me</a>', "click me"),
        ('<a href="/relative">inside</a> <a href="mailto:a@b.c">mail</a>', "inside mail"),
        ('<a href="https://x.example/"></a>', "https://x.example/"),
        ("<script>alert('x')</script>kept<style>p {}</style>", "kept"),
        ("<b>bold</b> and <i>italic</i> <img src=x alt=y>", "bold and italic"),
        ("nul\x00 and bell\x07 and tab\tstay", "nul and bell and tab\tstay"),
        ("windows\r\nline\rends", "windows\nline\nends"),
        ("  <p>  </p>  padded  \n  ", "padded"),
        ("unclosed <a href='https://x.example/'>link", "unclosed link (https://x.example/)"),
    ],
)
def test_text_of(markup, text):
    assert text_of(markup) == text


@pytest.mark.parametrize(
    "text",
    [
        "one line",
        "First paragraph.\n\nSecond one,\nwith a break.",
        "a < b & c > d ]]> &amp;lt; \"quoted\" 'single'",
        "see https://example.org/a?b=1&c=2, then (https://example.org/x).",
        "Ünïcödé — 中文 — 🎉",
    ],
)
def test_markup_of_reads_back_to_the_same_text(text):
    assert text_of(markup_of(text)) == text


def test_markup_of_links_addresses():
    assert markup_of("see https://example.org/a.") == (
        '<p>see <a href="https://example.org/a" rel="nofollow">https://example.org/a</a>.</p>'
    )


def test_cdata_splits_its_end_marker():
    assert _xml.cdata("a]]>b") == "<![CDATA[a]]]]><![CDATA[>b]]>"
    assert _xml.escape('<&>"\x00\x0b') == "&lt;&amp;&gt;&quot;"


def test_registry_names_every_format():
    assert set(formats.READERS) == {"disqus", "wordpress", "commento", "jsonl"}
    assert set(formats.WRITERS) == {"disqus", "wordpress", "jsonl"}
    assert all(
        callable(function) for function in [*formats.READERS.values(), *formats.WRITERS.values()]
    )


# Opening files


def test_open_archive_counts_bytes_read(tmp_path):
    path = tmp_path / "export.xml"
    data = b"x" * 300_000
    path.write_bytes(data)
    with formats.open_archive(path) as (stream, stats):
        assert stats.size == len(data)
        assert stats.read <= formats.BUFFER  # what the opener looked at to spot gzip
        seen = []
        while stream.read(10_000):
            seen.append(stats.read)
    assert seen == sorted(seen)
    assert seen[0] < len(data)
    assert stats.read == stats.size == len(data)


def test_open_archive_ungzips_by_content_not_name(tmp_path):
    data = b'{"version": 1}\n' * 20_000
    path = tmp_path / "export.json"  # gzipped, though the name does not say so
    path.write_bytes(gzip.compress(data))
    with formats.open_archive(path) as (stream, stats):
        assert stream.read() == data
        stream.seek(0)  # Commento's reader reads twice
        assert stats.read == 0
        assert stream.read() == data
    assert stats.size == path.stat().st_size
    assert stats.read == stats.size


def test_open_archive_leaves_a_name_ending_in_gz_alone_when_not_gzipped(tmp_path):
    path = tmp_path / "export.xml.gz"
    path.write_bytes(b"<disqus/>")
    with formats.open_archive(path) as (stream, _stats):
        assert stream.read() == b"<disqus/>"


def test_a_truncated_gzip_file_is_broken(tmp_path):
    path = tmp_path / "export.json.gz"
    path.write_bytes(gzip.compress(b"[1, 2, 3]" * 10_000)[:-40])
    damaged = pytest.raises(BrokenArchive, match="gzip-compressed file is damaged or cut short")
    with damaged, formats.open_archive(path) as (stream, _stats):
        stream.read()


def test_a_gzipped_archive_reads_like_a_plain_one(tmp_path):
    plain = io.BytesIO()
    formats.WRITERS["disqus"](plain, FakeSource())
    path = tmp_path / "disqus-export"
    path.write_bytes(gzip.compress(plain.getvalue()))
    with formats.open_archive(path) as (stream, _stats):
        zipped = list(formats.READERS["disqus"](stream))
    assert zipped == list(formats.READERS["disqus"](io.BytesIO(plain.getvalue())))


# Every writer, read back by its own format's reader

SITE = "https://news.example"
T0 = datetime(2024, 5, 1, 9, 30, 15, 123456, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0.replace(minute=30 + minutes)


ANN = Writer("email:ann@example.org", "Ann Example", "ann@example.org")
ZOE = Writer("name:Zoë ]]> Ünal", "Zoë ]]> Ünal")
BOB = Writer("disqus-user:bob", "Bob", "bob@example.org")

BUDGET = Thread(
    "11",
    f"{SITE}/2024/05/budget-vote/",
    'Budget vote: «what next?» & <who> pays ]]> "now"',
    ("budget-vote",),
)
FLOODS = Thread("12", f"{SITE}/world/floods/", "Floods — ünïcode", ())

POSTS = {
    BUDGET: [
        Post(
            "dateline:news.example:1",
            "11",
            None,
            ANN,
            "First paragraph.\n\nSecond one,\nwith a break.",
            at(0),
            State.PUBLISHED,
        ),
        Post(
            "disqus:123",
            "11",
            "dateline:news.example:1",
            ZOE,
            "a < b & c > d ]]> and &amp;lt; stays",
            at(1),
            State.PENDING,
        ),
        Post(
            "wordpress:old.example/blog:7",
            "11",
            "disqus:123",
            BOB,
            "see https://example.org/a?b=1&c=2, then (https://example.org/x).",
            at(2),
            State.SPAM,
        ),
        Post(
            "dateline:news.example:4",
            "11",
            "dateline:news.example:1",
            ANN,
            "Deleted, but the words are kept.",
            at(3),
            State.DELETED,
        ),
    ],
    FLOODS: [
        Post(
            "jsonl:9",
            "12",
            None,
            ZOE,
            "Ünïcödé — 中文 — 🎉\nand a second line",
            at(4),
            State.PUBLISHED,
        ),
        Post("dateline:news.example:6", "12", "jsonl:9", BOB, "A reply.", at(5), State.PUBLISHED),
    ],
}


class FakeSource:
    """An `ArchiveSource` over the posts above."""

    site_url = SITE
    site_title = "News & Views"

    def threads(self):
        return iter(POSTS)

    def posts(self, thread=None):
        if thread is not None:
            return iter(POSTS[thread])
        return (post for posts in POSTS.values() for post in posts)


def round_trip(name: str):
    out = io.BytesIO()
    written = formats.WRITERS[name](out, FakeSource())
    assert written == sum(len(posts) for posts in POSTS.values())
    records = list(formats.READERS[name](io.BytesIO(out.getvalue())))
    assert not [record for record in records if isinstance(record, Unreadable)]
    threads = {record.key: record for record in records if isinstance(record, Thread)}
    posts = [record for record in records if isinstance(record, Post)]
    for position, record in enumerate(records):
        if isinstance(record, Post):
            assert threads[record.thread] in records[:position]  # a thread before its posts
    return threads, posts, out.getvalue()


def expected():
    return [(thread, post) for thread, posts in POSTS.items() for post in posts]


@pytest.mark.parametrize("name", sorted(formats.WRITERS))
def test_round_trip(name):
    threads, posts, _data = round_trip(name)
    assert len(posts) == len(expected())
    for post, (thread, source) in zip(posts, expected(), strict=True):
        assert post.key == source.key
        assert post.parent == source.parent
        assert threads[post.thread].url == thread.url
        assert threads[post.thread].title == thread.title
        assert post.body == source.body
        assert post.created.replace(microsecond=0) == source.created.replace(microsecond=0)
        assert post.created.tzinfo is UTC
        assert post.state == source.state
        assert (post.writer.name, post.writer.email) == (source.writer.name, source.writer.email)
        if name != "wordpress" or not source.writer.key.startswith("disqus-user:"):
            assert post.writer.key == source.writer.key
    assert len(threads) == len(POSTS)


def test_wordpress_round_trip_keys_writers_by_email_where_it_has_no_account():
    _threads, posts, _data = round_trip("wordpress")
    assert posts[2].writer.key == "email:bob@example.org"


def test_disqus_writer_shape():
    _threads, _posts, data = round_trip("disqus")
    text = data.decode()
    assert text.startswith(
        '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com"'
    )
    assert text.index("<thread ") < text.index("<post ")
    assert '<post dsq:id="123">' in text  # disqus:123 goes back to its bare id
    assert '<post dsq:id="dateline:news.example:1">' in text
    assert "<isApproved>false</isApproved>" in text
    assert "<username>bob</username>" in text
    assert "<createdAt>2024-05-01T09:30:15Z</createdAt>" in text  # the thread's first post


def test_wordpress_writer_shape():
    _threads, _posts, data = round_trip("wordpress")
    text = data.decode()
    assert 'xmlns:wp="http://wordpress.org/export/1.2/"' in text
    assert "<wp:wxr_version>1.2</wp:wxr_version>" in text
    assert "<wp:base_blog_url>https://news.example</wp:base_blog_url>" in text
    assert "<wp:comment_id>5</wp:comment_id>" in text  # numbered across the file
    assert "<wp:comment_parent>5</wp:comment_parent>" in text  # within the second thread
    assert "<title><![CDATA[Budget vote: «what next?» &amp; &lt;who&gt; pays ]]&gt;" in text
    assert "<![CDATA[Zoë ]]]]><![CDATA[> Ünal]]>" in text  # "]]>" split across sections
    assert "<![CDATA[a &lt; b &amp; c &gt; d ]]&gt; and &amp;amp;lt; stays]]>" in text
    assert "<wp:comment_approved>spam</wp:comment_approved>" in text


def test_jsonl_writer_shape():
    _threads, _posts, data = round_trip("jsonl")
    lines = data.decode().splitlines()
    assert len(lines) == 6
    assert lines[4].startswith(
        '{"id": "jsonl:9", "story_url": "https://news.example/world/floods/"'
    )
    assert "Ünïcödé" in lines[4]  # not \u-escaped
    assert '"created": "2024-05-01T09:34:15.123456Z"' in lines[4]
