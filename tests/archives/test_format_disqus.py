"""Reading Disqus exports shaped like the ones Disqus sends, and ones that went wrong."""

import gzip
import io
from datetime import UTC, datetime

import pytest

from dateline.archives import formats
from dateline.archives.formats import disqus
from dateline.archives.records import BrokenArchive, Post, State, Thread, Unreadable, Writer

SAMPLE = """\
<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://disqus.com/api/schemas/1.0/disqus.xsd http://disqus.com/api/schemas/1.0/disqus-internals.xsd">
  <category dsq:id="2104416">
    <forum>oldnews</forum>
    <title>General</title>
    <isDefault>true</isDefault>
  </category>
  <thread dsq:id="733094718">
    <id>1234 https://old.example/?p=1234</id>
    <forum>oldnews</forum>
    <category dsq:id="2104416" />
    <link>https://old.example/2012/06/harbour-plans/</link>
    <title>Harbour plans &amp; the council</title>
    <message />
    <createdAt>2012-06-04T12:58:01Z</createdAt>
    <author>
      <email>editor@old.example</email>
      <name>The Editor</name>
      <isAnonymous>false</isAnonymous>
      <username>oldnews_editor</username>
    </author>
    <ipAddress>192.0.2.1</ipAddress>
    <isClosed>false</isClosed>
    <isDeleted>false</isDeleted>
  </thread>
  <thread dsq:id="733094719">
    <id />
    <forum>oldnews</forum>
    <link>https://old.example/2012/06/tides/</link>
    <title><![CDATA[Tides]]></title>
  </thread>
  <post dsq:id="551867461">
    <id />
    <message><![CDATA[<p>A reply that comes before its parent.</p>]]></message>
    <createdAt>2012-06-04T13:05:00Z</createdAt>
    <isDeleted>false</isDeleted>
    <isSpam>false</isSpam>
    <author>
      <email>Reader@Example.org</email>
      <name>  A Reader </name>
      <isAnonymous>true</isAnonymous>
    </author>
    <ipAddress>198.51.100.7</ipAddress>
    <thread dsq:id="733094718" />
    <parent dsq:id="551867460" />
  </post>
  <post dsq:id="551867460">
    <id>wp_id=17</id>
    <message><![CDATA[<p>First &amp;lt;em&amp;gt; stays literal.</p><p>See <a href="http://example.org/report/2012/full.pdf" rel="nofollow noopener" title="http://example.org/report/2012/full.pdf">example.org/report/2...</a><br>and <a href="javascript:void(0)">this</a></p>]]></message>
    <createdAt>2012-06-04T13:00:12Z</createdAt>
    <isDeleted>false</isDeleted>
    <isSpam>false</isSpam>
    <author>
      <email>harbour.fan@example.org</email>
      <name>Harbour Fan</name>
      <isAnonymous>false</isAnonymous>
      <username>harbourfan</username>
    </author>
    <thread dsq:id="733094718" />
  </post>
  <post dsq:id="551867462">
    <message>&lt;p&gt;Escaped, not CDATA: caf&amp;eacute;&lt;/p&gt;</message>
    <createdAt>2012-06-05T08:00:00Z</createdAt>
    <isDeleted>true</isDeleted>
    <isSpam>false</isSpam>
    <author><name></name><isAnonymous>true</isAnonymous></author>
    <thread dsq:id="733094719" />
  </post>
  <post dsq:id="551867463">
    <message><![CDATA[<p>Buy now</p>]]></message>
    <createdAt>2012-06-05T08:01:00Z</createdAt>
    <isDeleted>false</isDeleted>
    <isSpam>true</isSpam>
    <author><name>Spammer</name><isAnonymous>true</isAnonymous></author>
    <thread dsq:id="733094719" />
  </post>
  <post dsq:id="dateline:news.example:17">
    <message><![CDATA[<p>Came from us, waiting for a moderator.</p>]]></message>
    <createdAt>2012-06-05T08:02:00Z</createdAt>
    <isDeleted>false</isDeleted>
    <isSpam>false</isSpam>
    <isApproved>false</isApproved>
    <author><name>Ann</name><email>ann@example.org</email><isAnonymous>true</isAnonymous></author>
    <thread dsq:id="733094719" />
  </post>
  <post dsq:id="551867464">
    <message><![CDATA[<p>No date</p>]]></message>
    <createdAt></createdAt>
    <thread dsq:id="733094719" />
  </post>
  <post dsq:id="551867465">
    <message><![CDATA[<p>Bad date</p>]]></message>
    <createdAt>last Tuesday</createdAt>
    <thread dsq:id="733094719" />
  </post>
  <post dsq:id="551867466">
    <message><![CDATA[<p>No thread</p>]]></message>
    <createdAt>2012-06-05T08:03:00Z</createdAt>
  </post>
  <post dsq:id="551867467">
    <message><![CDATA[<p>Thread never listed</p>]]></message>
    <createdAt>2012-06-05T08:03:00Z</createdAt>
    <thread dsq:id="999" />
  </post>
  <post dsq:id="">
    <message><![CDATA[<p>No id</p>]]></message>
    <createdAt>2012-06-05T08:03:00Z</createdAt>
    <thread dsq:id="733094719" />
  </post>
</disqus>
"""


def read(text: str | bytes):
    data = text.encode() if isinstance(text, str) else text
    return list(disqus.read(io.BytesIO(data)))


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_reads_a_disqus_export():
    records = read(SAMPLE)
    threads = [record for record in records if isinstance(record, Thread)]
    posts = [record for record in records if isinstance(record, Post)]
    assert threads == [
        Thread(
            "733094718",
            "https://old.example/2012/06/harbour-plans/",
            "Harbour plans & the council",
            ("1234 https://old.example/?p=1234",),
        ),
        Thread("733094719", "https://old.example/2012/06/tides/", "Tides", ()),
    ]
    reply, first, deleted, spam, pending = posts
    assert reply == Post(
        key="disqus:551867461",
        thread="733094718",
        parent="disqus:551867460",
        writer=Writer("email:reader@example.org", "A Reader", "reader@example.org"),
        body="A reply that comes before its parent.",
        created=datetime(2012, 6, 4, 13, 5, tzinfo=UTC),
        state=State.PUBLISHED,
        line=line_of(SAMPLE, '<post dsq:id="551867461">'),
    )
    assert first.key == "disqus:551867460"
    assert first.parent is None
    assert first.writer == Writer(
        "disqus-user:harbourfan", "Harbour Fan", "harbour.fan@example.org"
    )
    assert first.body == (
        "First &lt;em&gt; stays literal.\n\nSee http://example.org/report/2012/full.pdf\nand this"
    )
    assert first.created == datetime(2012, 6, 4, 13, 0, 12, tzinfo=UTC)
    assert deleted.state == State.DELETED
    assert deleted.body == "Escaped, not CDATA: café"
    assert deleted.writer == Writer("name:Anonymous", "Anonymous")
    assert spam.state == State.SPAM
    assert spam.writer.key == "name:Spammer"
    assert pending.key == "dateline:news.example:17"  # a qualified id is kept as written
    assert pending.state == State.PENDING


def test_posts_it_cannot_read_are_reported_with_their_line():
    unreadable = [record for record in read(SAMPLE) if isinstance(record, Unreadable)]
    assert unreadable == [
        Unreadable("disqus:551867464", line_of(SAMPLE, '"551867464"'), "the post has no date"),
        Unreadable(
            "disqus:551867465",
            line_of(SAMPLE, '"551867465"'),
            "the post's date 'last Tuesday' is not a date",
        ),
        Unreadable("disqus:551867466", line_of(SAMPLE, '"551867466"'), "the post names no thread"),
        Unreadable(
            "disqus:551867467",
            line_of(SAMPLE, '"551867467"'),
            "the post's thread (dsq:id 999) is not listed before it in the file",
        ),
        Unreadable("", line_of(SAMPLE, '<post dsq:id="">'), "a post without a dsq:id"),
    ]


def test_every_thread_comes_before_its_posts():
    seen = set()
    for record in read(SAMPLE):
        if isinstance(record, Thread):
            seen.add(record.key)
        elif isinstance(record, Post):
            assert record.thread in seen


def test_reads_gzipped_exports(tmp_path):
    path = tmp_path / "oldnews-2024-05-01T09:30:00.000000-all.xml.gz"
    path.write_bytes(gzip.compress(SAMPLE.encode()))
    with formats.open_archive(path) as (stream, stats):
        assert read(SAMPLE) == list(formats.READERS["disqus"](stream))
    assert stats.read == stats.size


def test_line_numbers_count_from_the_file_start():
    text = '<?xml version="1.0"?>\n\n\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="1"><link>https://x.example/</link></thread>\n<post dsq:id="5"><createdAt>2020-01-01T00:00:00Z</createdAt><thread dsq:id="1"/></post><post dsq:id="6"\n><createdAt>2020-01-01T00:00:00Z</createdAt><thread dsq:id="1"/></post>\n</disqus>'
    posts = [record for record in read(text) if isinstance(record, Post)]
    assert [post.line for post in posts] == [5, 5]


WXR = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>x</title></channel></rss>
"""


@pytest.mark.parametrize(
    ("data", "reason", "line"),
    [
        (b"", "the file is empty", None),
        (b"  \n\n ", "the file is empty", None),
        (WXR.encode(), "this is not a Disqus export: its root element is <rss>", 2),
        (
            b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body></body></html>",
            "this is not a Disqus export: its root element is <html>",
            2,
        ),
        (b"<!doctype html><html>", "this is not a Disqus export: it is not XML", 1),
        (b'{"comments": []}', "this is not a Disqus export: it is not XML", 1),
        (
            SAMPLE.encode()[: SAMPLE.index("<createdAt>2012-06-05T08:01")],
            "the file ends before </disqus>: is it truncated?",
            line_of(SAMPLE, "<createdAt>2012-06-05T08:01"),
        ),
        (
            SAMPLE.encode()[:-20],
            "the file ends before </disqus>: is it truncated?",
            SAMPLE.count("\n") - 1,
        ),
        (
            SAMPLE.replace("&amp; the council", "& the council").encode(),
            "the XML is malformed: not well-formed (invalid token)",
            line_of(SAMPLE, "<title>Harbour"),
        ),
        (
            SAMPLE.replace(
                "</isSpam>\n    <author>\n      <email>harbour",
                "</isSpam>\n    <author>\n      <email>harbour</email>",
            ).encode(),
            "the XML is malformed: mismatched tag",
            line_of(SAMPLE, "<email>harbour"),
        ),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE disqus [<!ENTITY a "aaaaaaaaaa">]>\n<disqus>&a;</disqus>',
            "the file declares its own XML entities, which no export does",
            2,
        ),
    ],
)
def test_broken_files(data, reason, line):
    with pytest.raises(BrokenArchive) as raised:
        read(data)
    assert raised.value.reason.startswith(reason)
    assert raised.value.line == line


def test_a_broken_file_is_found_mid_stream_after_good_records():
    data = SAMPLE.encode()[: SAMPLE.index('<post dsq:id="551867462">')]
    reader = disqus.read(io.BytesIO(data))
    assert isinstance(next(reader), Thread)
    with pytest.raises(BrokenArchive, match="truncated"):
        list(reader)
