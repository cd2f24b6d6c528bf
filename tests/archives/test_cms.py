"""The CMS's *Import comments* view: upload, dry run with its report, then the import,
run as background work; only for staff allowed to import."""

import gzip
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from dateline.archives import tasks
from dateline.archives.models import ImportedComment, ImportRun
from dateline.comments.models import Comment
from dateline.core.models import FailedTask
from tests.factories import make_person

pytestmark = pytest.mark.django_db

INDEX = "/cms/import-comments/"
State = ImportRun.State


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    """Uploaded exports go to a scratch data folder."""
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


@pytest.fixture
def importer(client):
    """A staff member given the "Can import comments" permission through a group."""
    person = make_person("Archive Desk", is_staff=True)
    group = Group.objects.create(name="Archivists")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="import_comments"),
    )
    person.groups.add(group)
    client.force_login(person)
    return client


def line(story, ident, text, *, parent=None, state="published", author="Ann Reader"):
    return json.dumps(
        {
            "id": ident,
            "story_url": f"https://old.example{story.url}",
            "story_title": story.title,
            "parent": parent,
            "author": author,
            "author_email": author.lower().replace(" ", ".") + "@example.org",
            "text": text,
            "created": "2021-03-04T05:06:07Z",
            "state": state,
        }
    )


def export(story) -> bytes:
    """A small JSON Lines export: a thread on `story` and one on a story not here."""
    lines = [
        line(story, "a1", "The first comment from the old site."),
        line(story, "a2", "A reply, kept under its parent.", parent="a1", author="Bo Writer"),
        line(story, "a3", "Marked as spam there.", state="spam"),
        json.dumps(
            {
                "id": "b1",
                "story_url": "https://old.example/2019/05/gone-story/",
                "story_title": "A story that is gone",
                "author": "Cy",
                "text": "On a story this site does not have.",
                "created": "2021-03-04T05:06:07Z",
            }
        ),
    ]
    return ("\n".join(lines) + "\n").encode()


def upload(client, content, *, name="comments.jsonl", format="jsonl", **fields):
    data = {"format": format, **fields}
    if content is not None:
        data["file"] = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(INDEX, data)


def imported_here(story):
    return Comment.objects.filter(page=story, imported__isnull=False)


def test_upload_dry_run_then_import(importer, story, data_dir, django_capture_on_commit_callbacks):
    before = Comment.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        answer = upload(importer, export(story))
    run = ImportRun.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == f"{INDEX}{run.pk}/"
    assert run.state == State.CHECKED
    assert run.file_name == "comments.jsonl"
    assert Path(run.file_path).parent == data_dir / "imports"
    assert Path(run.file_path).exists()  # kept for the real run
    assert run.dry_run_report["posts"] == 4
    assert run.dry_run_report["imported"] == {"published": 2, "rejected": 1}
    assert Comment.objects.count() == before  # nothing imported by the dry run

    page = importer.get(answer["Location"]).content.decode()
    assert "Dry run: what the import would do" in page
    assert "Checked: ready to import" in page
    assert "2 published, 1 rejected" in page
    assert "https://old.example/2019/05/gone-story/" in page  # the unmatched thread
    assert "its story is not on this site" in page  # skipped, with the reason
    assert "Run the import" in page
    assert 'http-equiv="refresh"' not in page  # nothing runs: no refresh
    assert Comment.objects.count() == before

    with django_capture_on_commit_callbacks(execute=True):
        answer = importer.post(f"{INDEX}{run.pk}/run/")
    assert answer.status_code == 302
    run.refresh_from_db()
    assert run.state == State.DONE
    assert run.report["imported"] == {"published": 2, "rejected": 1}
    assert run.file_path == ""
    assert not any((data_dir / "imports").iterdir())  # the file is deleted after the import
    assert imported_here(story).count() == 3
    reply = imported_here(story).get(body__startswith="A reply")
    assert reply.parent.body.startswith("The first comment")
    assert run.posts_read == 4

    page = importer.get(f"{INDEX}{run.pk}/").content.decode()
    assert "Imported on" in page
    assert "Run the import" not in page

    listing = importer.get(INDEX).content.decode()
    assert "comments.jsonl" in listing and "Done" in listing


def test_a_real_run_cannot_start_before_the_dry_run(importer, story):
    upload(importer, export(story))  # the dry run is queued on commit, never run here
    run = ImportRun.objects.get()
    assert run.state == State.WAITING
    page = importer.get(f"{INDEX}{run.pk}/").content.decode()
    assert "Waiting for the background worker" in page
    assert 'http-equiv="refresh" content="2"' in page
    assert "Run the import" not in page

    answer = importer.post(f"{INDEX}{run.pk}/run/", follow=True)
    assert "The dry run has not run yet" in answer.content.decode()
    run.refresh_from_db()
    assert run.state == State.WAITING
    assert not imported_here(story).exists()


def test_run_pressed_twice_imports_once(
    importer, story, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(importer, export(story))
    run = ImportRun.objects.get()
    queued = []
    monkeypatch.setattr(tasks, "later", lambda *args: queued.append(args))
    importer.post(f"{INDEX}{run.pk}/run/")
    answer = importer.post(f"{INDEX}{run.pk}/run/", follow=True)
    assert queued == [(tasks.import_comments, run.pk)]
    assert "The import has already been started" in answer.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.import_comments.enqueue(run.pk)
    answer = importer.post(f"{INDEX}{run.pk}/run/", follow=True)
    assert "This file has already been imported" in answer.content.decode()
    assert imported_here(story).count() == 3
    # a task delivered twice does nothing the second time
    tasks.import_comments.call(run.pk)
    assert imported_here(story).count() == 3


def test_a_broken_file_fails_with_the_line_and_imports_nothing(
    importer, story, data_dir, django_capture_on_commit_callbacks
):
    content = export(story) + b'{"id": "c1", "story_url": "https://old.example/x/"\n'
    content += line(story, "c2", "After the broken line.").encode() + b"\n"
    with django_capture_on_commit_callbacks(execute=True):
        upload(importer, content)
    run = ImportRun.objects.get()
    assert run.state == State.FAILED
    assert run.error.startswith("line 5: ")
    assert run.dry_run_report is None
    assert not any((data_dir / "imports").iterdir())
    page = importer.get(f"{INDEX}{run.pk}/").content.decode()
    assert "The dry run failed: line 5:" in page
    assert "Nothing was imported" in page
    assert "Run the import" not in page
    answer = importer.post(f"{INDEX}{run.pk}/run/", follow=True)
    assert "This run failed" in answer.content.decode()
    assert not imported_here(story).exists()
    assert not FailedTask.objects.exists()  # a broken file is the run's failure, not a bug


def test_a_gzipped_disqus_export(importer, story, django_capture_on_commit_callbacks):
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
  <thread dsq:id="7">
    <link>https://old.example{story.url}</link>
    <title>{story.title}</title>
  </thread>
  <post dsq:id="70">
    <message><![CDATA[<p>From Disqus, &amp; kept once.</p>]]></message>
    <createdAt>2020-01-02T03:04:05Z</createdAt>
    <isDeleted>false</isDeleted>
    <isSpam>false</isSpam>
    <author><name>Di Reader</name><email>di@example.org</email></author>
    <thread dsq:id="7" />
  </post>
</disqus>
"""
    with django_capture_on_commit_callbacks(execute=True):
        upload(importer, gzip.compress(xml.encode()), name="disqus.xml.gz", format="disqus")
    run = ImportRun.objects.get()
    assert run.state == State.CHECKED, run.error
    assert run.dry_run_report["imported"] == {"published": 1}
    with django_capture_on_commit_callbacks(execute=True):
        importer.post(f"{INDEX}{run.pk}/run/")
    assert imported_here(story).get().body == "From Disqus, & kept once."


def test_options_are_kept_and_used(importer, story, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(importer, export(story), create_missing="archive", screen="on")
    run = ImportRun.objects.get()
    assert run.create_missing == "archive" and run.screen
    assert run.dry_run_report["threads_created"] == 1
    assert run.dry_run_report["unmatched"] == []
    page = importer.get(f"{INDEX}{run.pk}/").content.decode()
    assert "stub stories made under the section “archive”" in page


def test_a_map_file(importer, story, data_dir, django_capture_on_commit_callbacks):
    content = line(story, "m1", "Moved story.").replace(story.url, "/old/path/").encode()
    mapping = SimpleUploadedFile(
        "map.csv", f"old,new\nhttps://old.example/old/path/,{story.pk}\n".encode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        upload(importer, content + b"\n", map_file=mapping)
    run = ImportRun.objects.get()
    assert run.map_name == "map.csv"
    assert run.dry_run_report["threads_matched"] == 1, run.error
    # both files were written to the imports folder as they came; only the export stays
    assert list((data_dir / "imports").iterdir()) == [Path(run.file_path)]


def test_a_map_that_cannot_be_read_is_a_form_error(importer, story):
    mapping = SimpleUploadedFile("map.csv", b"/one/,/two/,/three/\n")
    answer = upload(importer, export(story), map_file=mapping)
    assert answer.status_code == 400
    assert "The map cannot be used: map.csv, line 1: expected two columns" in (
        answer.content.decode()
    )
    assert not ImportRun.objects.exists()


def test_a_map_naming_no_story_fails_the_dry_run(
    importer, story, django_capture_on_commit_callbacks
):
    mapping = SimpleUploadedFile("map.csv", b"/old/path/,/no/such/story/\n")
    with django_capture_on_commit_callbacks(execute=True):
        upload(importer, export(story), map_file=mapping)
    run = ImportRun.objects.get()
    assert run.state == State.FAILED
    assert "/no/such/story/" in run.error


@pytest.mark.parametrize(
    ("content", "fields", "message"),
    [
        (None, {}, "Choose the export file to upload."),
        (b"", {}, "The file is empty"),
        (b"{}\n", {"format": "usenet"}, "“usenet” is not a format this site reads."),
        (b"{}\n", {"format": ""}, "Choose the format the file is in."),
        (b"{}\n", {"create_missing": "not a slug!"}, "Enter a valid “slug”"),
    ],
)
def test_odd_uploads_are_refused_clearly(importer, content, fields, message):
    answer = upload(importer, content, **fields)
    assert answer.status_code == 400
    assert message in answer.content.decode()
    assert not ImportRun.objects.exists()


def test_an_upload_without_the_csrf_token_is_refused(story):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_person("Chief Editor", is_staff=True, is_superuser=True))
    assert upload(client, export(story)).status_code == 403
    assert not ImportRun.objects.exists()


def test_the_form_names_each_format(importer):
    page = importer.get(INDEX).content.decode()
    for label in ("Disqus (", "WordPress (", "Commento (", "JSON Lines ("):
        assert label in page
    assert 'enctype="multipart/form-data"' in page
    assert "Import comments" in page


def test_wrong_run_ids_are_not_found(importer):
    assert importer.get(f"{INDEX}999999/").status_code == 404
    assert importer.post(f"{INDEX}999999/run/").status_code == 404
    assert importer.post(f"{INDEX}999999/discard/").status_code == 404
    assert importer.get(f"{INDEX}abc/").status_code == 404


def test_run_and_discard_take_only_posts(importer, story, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(importer, export(story))
    run = ImportRun.objects.get()
    assert importer.get(f"{INDEX}{run.pk}/run/").status_code == 405
    assert importer.get(f"{INDEX}{run.pk}/discard/").status_code == 405
    assert importer.post(f"{INDEX}{run.pk}/").status_code == 405
    run.refresh_from_db()
    assert run.state == State.CHECKED


def test_discard_deletes_the_file(importer, story, data_dir, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(importer, export(story))
    run = ImportRun.objects.get()
    answer = importer.post(f"{INDEX}{run.pk}/discard/", follow=True)
    assert "Discarded" in answer.content.decode()
    run.refresh_from_db()
    assert run.state == State.DISCARDED
    assert not any((data_dir / "imports").iterdir())
    answer = importer.post(f"{INDEX}{run.pk}/run/", follow=True)
    assert "This run was discarded" in answer.content.decode()
    assert not imported_here(story).exists()


def test_progress_is_read_from_the_cache_while_it_runs(importer, story):
    upload(importer, export(story))
    run = ImportRun.objects.get()
    ImportRun.objects.filter(pk=run.pk).update(state=State.IMPORTING)
    from dateline.archives.importer import Progress

    tasks.ProgressRecorder(run.pk)(Progress(posts=12_345, bytes_read=50, size=200, seconds=5))
    page = importer.get(f"{INDEX}{run.pk}/").content.decode()
    assert "12,345 comments read, 2,469 a second" in page
    assert "25% of the file read" in page
    assert 'http-equiv="refresh" content="2"' in page
    cache.clear()  # the cache lost it: the page still answers
    assert importer.get(f"{INDEX}{run.pk}/").status_code == 200


def test_the_menu_item_is_shown_to_importers_only(importer, client):
    assert "Import comments" in importer.get("/cms/").content.decode()


def refused(answer):
    if answer.status_code == 302:
        return "/login/" in answer["Location"] or answer["Location"].rstrip("/") == "/cms"
    return answer.status_code == 403


@pytest.fixture
def checked_run(story, django_capture_on_commit_callbacks):
    superuser = make_person("Chief Editor", is_staff=True, is_superuser=True)
    from django.test import Client

    client = Client()
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, export(story))
    return ImportRun.objects.get()


@pytest.mark.parametrize("who", ["anonymous", "reader", "staff without the permission"])
def test_everyone_else_is_refused(client, who, checked_run, story):
    if who == "reader":
        client.force_login(make_person("Plain Reader"))
    elif who == "staff without the permission":
        desk = make_person("Night Desk", is_staff=True)
        desk.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(desk)
    base = f"{INDEX}{checked_run.pk}/"
    for answer in (
        client.get(INDEX),
        upload(client, export(story)),
        client.get(base),
        client.post(f"{base}run/"),
        client.post(f"{base}discard/"),
    ):
        assert refused(answer), (answer.status_code, answer.get("Location"))
    checked_run.refresh_from_db()
    assert checked_run.state == State.CHECKED
    assert ImportRun.objects.count() == 1
    assert not imported_here(story).exists()
    if who != "anonymous":
        assert "Import comments" not in client.get("/cms/", follow=True).content.decode()


def test_a_permission_without_staff_is_not_enough(client):
    person = make_person("Not Staff")
    person.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="import_comments"),
    )
    client.force_login(person)
    assert refused(client.get(INDEX))


def test_the_permission_can_be_given_to_a_group(admin_client):
    page = admin_client.get("/cms/groups/new/").content.decode()
    assert "Can import comments" in page


def test_imported_comments_already_here_are_counted(
    importer, story, django_capture_on_commit_callbacks
):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            upload(importer, export(story))
        run = ImportRun.objects.order_by("-pk").first()
        with django_capture_on_commit_callbacks(execute=True):
            importer.post(f"{INDEX}{run.pk}/run/")
    run.refresh_from_db()
    assert run.report["already_here"] == 3
    assert ImportedComment.objects.count() == 3
