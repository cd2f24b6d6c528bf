"""Importing an archive as a newsroom would: every post accounted for, nothing twice,
a broken file changing nothing, writers kept apart from readers until claimed."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from dateline.accounts import actions as account_actions
from dateline.accounts.models import User
from dateline.accounts.permissions import NotAllowed
from dateline.archives.importer import run_import
from dateline.archives.matching import read_map
from dateline.archives.models import ImportedComment, ImportedStory, Origin
from dateline.audit.models import AuditEntry
from dateline.comments.models import Comment
from dateline.newsroom.models import ArticlePage, SectionPage
from tests.factories import make_person

pytestmark = pytest.mark.django_db

STORY = "https://old.example.com/security-brief/france-needs-partners-in-mali/"
# The demo article, under another path on the old site: found by its slug.
ARTICLE = "http://old.example.com/2013/01/we-are-winning-in-mali.html"
GONE = "https://old.example.com/2012/12/a-story-not-moved.html"


def disqus(*posts, threads=None):
    """A Disqus export with the three threads above and `posts` (XML fragments)."""
    threads = threads or [("100", STORY, "France needs partners"), ("200", ARTICLE, "Winning"),
                          ("300", GONE, "Not moved & gone")]  # fmt: skip
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n'
        '<category dsq:id="1"><forum>oldnews</forum><title>General</title></category>\n'
    )
    body = "".join(
        f'<thread dsq:id="{key}"><id/><forum>oldnews</forum><category dsq:id="1"/>'
        f"<link>{url}</link><title>{title.replace('&', '&amp;')}</title>"
        "<createdAt>2013-01-01T10:00:00Z</createdAt><isClosed>false</isClosed>"
        "<isDeleted>false</isDeleted></thread>\n"
        for key, url, title in threads
    )
    return head + body + "".join(posts) + "</disqus>\n"


def post(key, thread, message, *, parent=None, when="2013-01-18T14:21:00Z", name="Ann Lee",
         email="ann@example.org", username=None, deleted=False, spam=False):  # fmt: skip
    author = f"<name>{name}</name><email>{email}</email>"
    author += f"<isAnonymous>false</isAnonymous><username>{username}</username>" if username else (
        "<isAnonymous>true</isAnonymous>"
    )  # fmt: skip
    return (
        f'<post dsq:id="{key}"><id/><message><![CDATA[{message}]]></message>'
        f"<createdAt>{when}</createdAt><isDeleted>{str(deleted).lower()}</isDeleted>"
        f"<isSpam>{str(spam).lower()}</isSpam><author>{author}</author>"
        f'<ipAddress>127.0.0.1</ipAddress><thread dsq:id="{thread}"/>'
        + (f'<parent dsq:id="{parent}"/>' if parent else "")
        + "</post>\n"
    )


def write(tmp_path, text, name="export.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def imported(key):
    return ImportedComment.objects.select_related("comment").get(key=key).comment


ARCHIVE = [
    post("1", "100", "<p>First &amp; foremost: the legal point.</p><p>Second paragraph.</p>"),
    post("2", "100", "<p>I disagree.</p>", parent="1", when="2013-01-18T15:00:00Z",
         name="Bob", email="bob@example.org", username="bob"),
    post("3", "100", "<p>A reply to Bob, with &amp;lt; kept as typed</p>", parent="2",
         when="2013-01-18T16:00:00Z"),
    post("4", "200", "<p>Cheap watches http://spam.example</p>", spam=True, name="Spammer",
         email="offers@spam.example"),
    post("5", "200", "", deleted=True),
    post("6", "300", "<p>On a story that did not move.</p>"),
]  # fmt: skip


def test_an_archive_lands_with_its_threads_states_times_and_writers(tmp_path, story):
    report = run_import(path=write(tmp_path, disqus(*ARCHIVE)), format="disqus")

    assert report.posts == 6 and report.accounted
    assert report.threads == 3 and report.threads_matched == 2
    assert list(report.unmatched) == [GONE] and report.unmatched[GONE] == ["Not moved & gone", 1]
    assert report.skipped == {"its story is not on this site": 1}
    assert report.imported == {"published": 3, "rejected": 1, "deleted": 1}
    first, reply, deeper = imported("disqus:1"), imported("disqus:2"), imported("disqus:3")
    assert first.page_id == story.pk and first.parent is None and first.thread_id == first.pk
    assert (reply.parent, deeper.parent, deeper.thread_id) == (first, reply, first.pk)
    assert first.body == "First & foremost: the legal point.\n\nSecond paragraph."
    assert deeper.body == "A reply to Bob, with &lt; kept as typed"  # decoded once, not twice
    assert "&amp;lt;" in deeper.body_html
    assert first.created.isoformat() == "2013-01-18T14:21:00+00:00"
    first.refresh_from_db()
    assert first.reply_count == 2
    spam, gone = imported("disqus:4"), imported("disqus:5")
    assert spam.status == Comment.Status.REJECTED and spam.page.slug == "we-are-winning-in-mali"
    assert gone.status == Comment.Status.DELETED and gone.body == ""
    assert first.author.is_imported and first.author.display_name == "Ann Lee"
    assert not first.author.has_usable_password() and not first.author.is_active
    assert report.writers_created == 3  # Ann (by email), Bob (by account), the spammer
    assert AuditEntry.objects.filter(action="comments.import").count() == 1


def test_importing_again_adds_nothing_and_a_newer_export_adds_only_what_is_new(tmp_path, story):
    run_import(path=write(tmp_path, disqus(*ARCHIVE)), format="disqus")
    count, people = Comment.objects.count(), User.objects.count()

    again = run_import(path=write(tmp_path, disqus(*ARCHIVE)), format="disqus")
    assert again.already_here == 5 and sum(again.imported.values()) == 0 and again.accounted
    assert (Comment.objects.count(), User.objects.count()) == (count, people)

    newer = ARCHIVE + [post("7", "100", "<p>A late reply.</p>", parent="3")]
    report = run_import(path=write(tmp_path, disqus(*newer)), format="disqus")
    assert report.imported == {"published": 1} and report.already_here == 5
    assert imported("disqus:7").parent == imported("disqus:3")
    assert report.writers_created == 0


@pytest.mark.parametrize(
    "text, where",
    [
        (lambda whole: whole[: whole.index("<post", whole.index("<post") + 10) + 40], "line"),
        (lambda whole: whole.replace("<isSpam>false</isSpam>", "<isSpam>false</isSpm>", 1), "line"),
    ],
    ids=["truncated", "malformed"],
)
def test_a_broken_file_imports_nothing_and_the_command_says_where(tmp_path, story, text, where):
    before = Comment.objects.count()
    path = write(tmp_path, text(disqus(*ARCHIVE)))
    with pytest.raises(CommandError) as failure:
        call_command("import", "disqus", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert where in str(failure.value) and "Nothing was imported" in str(failure.value)
    assert Comment.objects.count() == before
    assert (
        not ImportedComment.objects.exists()
        and not User.objects.filter(imported_key__isnull=False).exists()
    )


def test_a_map_and_stub_stories_place_what_the_addresses_do_not(tmp_path, story):
    mapping = write(tmp_path, f"old,new\n{GONE},/world/we-are-winning-in-mali/\n", "map.csv")
    out = io.StringIO()
    call_command("import", "disqus", str(write(tmp_path, disqus(*ARCHIVE))), map=str(mapping),
                 stdout=out, stderr=io.StringIO())  # fmt: skip
    assert imported("disqus:6").page.slug == "we-are-winning-in-mali"
    assert "0 unmatched" in out.getvalue()


def test_a_map_may_give_old_paths_and_page_ids(tmp_path, story):
    mapping = write(tmp_path, f"/2012/12/a-story-not-moved.html,{story.pk}\n", "map.csv")
    report = run_import(path=write(tmp_path, disqus(*ARCHIVE)), format="disqus",
                        url_map=read_map(mapping))  # fmt: skip
    assert imported("disqus:6").page_id == story.pk and not report.unmatched


def test_create_missing_makes_the_section_and_a_stub_found_again_next_time(tmp_path, story):
    path = write(tmp_path, disqus(*ARCHIVE))
    report = run_import(path=path, format="disqus", create_missing="archive")
    assert report.threads_created == 1 and report.accounted and not report.skipped
    stub = imported("disqus:6").page.specific
    assert isinstance(stub, ArticlePage) and stub.live and stub.title == "Not moved & gone"
    assert stub.get_parent().specific_class is SectionPage and stub.get_parent().slug == "archive"
    assert GONE in str(stub.body[0].value)
    assert ImportedStory.objects.filter(page=stub).exists()

    newer = disqus(*ARCHIVE, post("8", "300", "<p>Another on the old story.</p>"))
    again = run_import(path=write(tmp_path, newer), format="disqus", create_missing="archive")
    assert again.threads_created == 0 and imported("disqus:8").page_id == stub.pk


def test_replies_before_their_parent_are_placed_and_orphans_are_reported(tmp_path, story):
    posts = [
        post("21", "100", "<p>Reply first.</p>", parent="20", when="2013-01-19T10:00:00Z"),
        post("20", "100", "<p>Parent later in the file.</p>"),
        post("22", "100", "<p>Answering nothing here.</p>", parent="999"),
        post("23", "300", "<p>Unmatched story.</p>"),
        post("24", "100", "<p>Answer to a skipped one.</p>", parent="23"),
    ]
    report = run_import(path=write(tmp_path, disqus(*posts)), format="disqus")
    assert imported("disqus:21").parent == imported("disqus:20")
    assert report.skipped == {
        "its parent is not in the file": 1,
        "its story is not on this site": 1,
        "its parent was skipped": 1,
    }
    assert report.examples["its parent is not in the file"][0][0] == "disqus:22"
    assert report.accounted


def test_a_dry_run_reports_and_changes_nothing(tmp_path, story):
    before = (Comment.objects.count(), User.objects.count())
    report = run_import(path=write(tmp_path, disqus(*ARCHIVE)), format="disqus", dry_run=True,
                        create_missing="archive")  # fmt: skip
    assert report.dry_run and report.imported["published"] == 4 and report.threads_created == 1
    assert (Comment.objects.count(), User.objects.count()) == before
    assert not SectionPage.objects.filter(slug="archive").exists()


def test_screening_holds_what_it_would_hold_as_imported(tmp_path, story):
    posts = [
        post("30", "100", "<p>The ministry's figures do not add up, and the report says why.</p>"),
        post("31", "100", "<p>You are a worthless idiot and a moron, shut up you stupid fool</p>"),
        post("32", "100", "<p>BUY CHEAP VIAGRA NOW!!! http://pills.example.ru best prices "
                          "http://pills2.example.ru http://pills3.example.ru</p>"),
    ]  # fmt: skip
    report = run_import(path=write(tmp_path, disqus(*posts)), format="disqus", screen=True)
    assert imported("disqus:30").status == Comment.Status.PUBLISHED
    for key in ("disqus:31", "disqus:32"):
        held = imported(key)
        assert held.status == Comment.Status.HELD
        assert held.screening["imported"] and "imported" in [r["code"] for r in held.reasons]
    assert report.held_by_screening == 2 and report.imported == {"published": 1, "held": 2}


def test_an_imported_name_blocks_no_reader_and_a_verified_reader_claims_their_comments(
    tmp_path, story, client
):
    run_import(path=write(tmp_path, disqus(*ARCHIVE)), format="disqus")
    ann = imported("disqus:1").author
    reader = account_actions.create_account(
        email="ANN@example.org", password="a long test passphrase", display_name="Ann Lee"
    )  # the same name as the imported writer: allowed
    stranger = make_person("Someone Else", email_verified=True)
    with pytest.raises(NotAllowed):
        account_actions.claim_imported(reader=reader, profile=ann)  # email not verified yet
    with pytest.raises(NotAllowed):
        account_actions.claim_imported(reader=stranger, profile=ann)

    reader.email_verified = True
    reader.save()
    client.force_login(reader)
    page = client.get("/accounts/settings/").content.decode()
    assert "Ann Lee" in page and "Claim them" in page
    client.post(f"/accounts/settings/claim/{ann.pk}/")
    assert imported("disqus:1").author == reader and imported("disqus:3").author == reader
    ann.refresh_from_db()
    assert ann.claimed_by == reader
    assert "Claim them" not in client.get("/accounts/settings/").content.decode()

    newer = disqus(*ARCHIVE, post("9", "100", "<p>Ann again, later.</p>"))
    run_import(path=write(tmp_path, newer), format="disqus")
    assert imported("disqus:9").author == reader  # a claimed writer's new comments are theirs


def test_a_stranger_cannot_claim_by_posting(tmp_path, story, client):
    run_import(path=write(tmp_path, disqus(*ARCHIVE)), format="disqus")
    ann = imported("disqus:1").author
    client.force_login(make_person("Someone Else", email_verified=True))
    response = client.post(f"/accounts/settings/claim/{ann.pk}/", follow=True)
    assert response.status_code == 200 and imported("disqus:1").author == ann
    assert client.post("/accounts/settings/claim/999999/").status_code == 404


@pytest.mark.parametrize("format", ["disqus", "wordpress", "jsonl"])
def test_an_export_round_trips_and_its_own_export_adds_nothing(tmp_path, story, format):
    run_import(path=write(tmp_path, disqus(*ARCHIVE)), format="disqus")
    path = tmp_path / f"out.{format}"
    call_command("export", format, output=str(path), stderr=io.StringIO())
    assert sum(run_import(path=path, format=format).imported.values()) == 0

    def snapshot():
        return sorted(
            (c.page_id, c.body, c.created.replace(microsecond=0), c.status, c.parent.body if c.parent else None,
             c.author.display_name if c.author else None)
            for c in Comment.objects.select_related("parent", "author")
        )  # fmt: skip

    before = snapshot()
    # Times go out to the second, as these formats write them. Another site: none of these comments, and another name in the keys it gives its own.
    Comment.objects.all().delete()
    Origin.objects.update(key="another-site")
    report = run_import(path=path, format=format)
    assert report.accounted and not report.skipped
    after = snapshot()
    removed_as_deleted = [row for row in before if row[3] == "removed"]
    assert not removed_as_deleted
    assert after == before


def test_export_of_one_page_and_odd_input(tmp_path, story):
    out = tmp_path / "one.jsonl"
    call_command("export", "jsonl", page=story.url, output=str(out), stderr=io.StringIO())
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and {row["story_url"].rsplit("/", 2)[-2] for row in rows} == {story.slug}
    with pytest.raises(CommandError, match="no story here"):
        call_command("export", "jsonl", page="/nowhere/", stderr=io.StringIO())
    with pytest.raises(CommandError, match="no such file"):
        call_command("import", "disqus", str(tmp_path / "missing.xml"))
    bad_map = write(tmp_path, "only-one-column\n/a/,/b/,/c/\n", "bad.csv")
    with pytest.raises(CommandError, match="two columns"):
        call_command("import", "disqus", str(write(tmp_path, disqus())), map=str(bad_map))
    unknown = write(tmp_path, f"{GONE},/no/such/story/\n", "unknown.csv")
    with pytest.raises(CommandError, match="no story here"):
        call_command("import", "disqus", str(write(tmp_path, disqus())), map=str(unknown))


@pytest.mark.parametrize("batch", [1000, 2], ids=["one batch", "across batches"])
def test_an_id_given_twice_in_a_file_is_placed_once_and_reported(tmp_path, story, monkeypatch,
                                                                 batch):  # fmt: skip
    monkeypatch.setattr("dateline.archives.importer.BATCH", batch)
    posts = [post("40", "100", "<p>Once.</p>"), post("41", "100", "<p>Between.</p>"),
             post("42", "100", "<p>Also between.</p>"), post("40", "100", "<p>Twice.</p>")]  # fmt: skip
    report = run_import(path=write(tmp_path, disqus(*posts)), format="disqus")
    assert report.skipped == {"its id appears twice in the file": 1} and report.accounted
    assert imported("disqus:40").body == "Once."


def test_an_imported_writer_is_never_mailed(tmp_path, story, mailoutbox,
                                            django_capture_on_commit_callbacks):  # fmt: skip
    from dateline.comments.actions import place_comment
    from dateline.notifications.actions import comment_appeared
    from dateline.notifications.models import Notification

    run_import(path=write(tmp_path, disqus(*ARCHIVE)), format="disqus")
    answered = imported("disqus:1")
    reply = place_comment(author=make_person("Replier"), page=story, body="An answer.",
                          posted_at=answered.created, parent=answered)  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        comment_appeared(reply)
    assert Notification.objects.filter(recipient=answered.author).exists()
    assert mailoutbox == []
