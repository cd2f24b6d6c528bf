"""The CMS's *Export comments* view: an export asked for, written by a background task,
followed on its page and downloaded; only for staff allowed to export."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

from dateline.archives import formats, tasks
from dateline.archives.models import ExportRun
from dateline.archives.records import Post
from dateline.comments.models import Comment
from dateline.core.models import FailedTask
from tests.factories import make_person

pytestmark = pytest.mark.django_db

INDEX = "/cms/export-comments/"
State = ExportRun.State
SUFFIXES = {"jsonl": ".jsonl", "disqus": ".disqus.xml", "wordpress": ".wxr.xml"}


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    """Exports are written to a scratch data folder."""
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


def exports(data_dir) -> list[Path]:
    folder = data_dir / "exports"
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.fixture
def exporter(client):
    """A staff member given the "Can export comments" permission through a group."""
    person = make_person("Archive Desk", is_staff=True)
    group = Group.objects.create(name="Archivists")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="export_comments"),
    )
    person.groups.add(group)
    client.force_login(person)
    return client


def ask(client, format="jsonl", page_url="", capture=None):
    """Post the export form; with `capture`, the queued task runs once the request commits."""
    data = {"format": format, "page_url": page_url}
    if capture is None:
        return client.post(INDEX, data)
    with capture(execute=True):
        return client.post(INDEX, data)


def read_back(format: str, content: bytes) -> list[Post]:
    return [
        record
        for record in formats.READERS[format](io.BytesIO(content))
        if isinstance(record, Post)
    ]


def download(client, run) -> tuple:
    answer = client.get(f"{INDEX}{run.pk}/download/")
    assert answer.status_code == 200, answer.get("Location")
    return answer, b"".join(answer.streaming_content)


@pytest.mark.parametrize("format", ["jsonl", "disqus", "wordpress"])
def test_staff_export_and_download(
    exporter, story, data_dir, format, django_capture_on_commit_callbacks
):
    answer = ask(exporter, format, capture=django_capture_on_commit_callbacks)
    run = ExportRun.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == f"{INDEX}{run.pk}/"
    assert run.state == State.DONE, run.error
    assert run.comments == Comment.objects.count() > 0
    assert run.finished_at is not None
    files = exports(data_dir)
    assert files == [Path(run.file_path)]  # no temporary file left beside it
    assert run.file_size == files[0].stat().st_size > 0
    assert files[0].stat().st_mode & 0o077 == 0  # the site's own user only

    day = timezone.localdate(run.created_at).isoformat()
    name = f"comments-{day}{SUFFIXES[format]}"
    page = exporter.get(answer["Location"]).content.decode()
    assert "Done" in page and f"Download {name}" in page
    assert 'http-equiv="refresh"' not in page  # nothing runs: no refresh

    answer, content = download(exporter, run)
    assert answer["Content-Disposition"] == f'attachment; filename="{name}"'
    assert content == files[0].read_bytes()
    posts = read_back(format, content)
    assert len(posts) == run.comments
    bodies = {post.body for post in posts}
    demo = Comment.objects.filter(page=story, status=Comment.Status.PUBLISHED)
    assert demo.exists()
    assert all(comment.body in bodies for comment in demo)

    listing = exporter.get(INDEX).content.decode()
    assert f"{INDEX}{run.pk}/download/" in listing and "Done" in listing
    assert "Delete" not in listing  # not a week old yet


@pytest.mark.parametrize("address", ["story.url", "full address"])
def test_one_story_only(exporter, story, address, django_capture_on_commit_callbacks):
    page_url = story.url if address == "story.url" else f"https://news.example{story.url}"
    other = Comment.objects.exclude(page=story).count()
    ask(exporter, "jsonl", page_url, capture=django_capture_on_commit_callbacks)
    run = ExportRun.objects.get()
    assert run.state == State.DONE, run.error
    assert run.page_url == page_url
    ours = Comment.objects.filter(page=story).count()
    assert run.comments == ours > 0
    if other:
        assert run.comments < Comment.objects.count()
    answer, content = download(exporter, run)
    assert f'filename="comments-{story.slug}-' in answer["Content-Disposition"]
    posts = read_back("jsonl", content)
    assert len(posts) == ours
    assert {post.body for post in posts} == set(
        Comment.objects.filter(page=story).values_list("body", flat=True)
    )


def test_an_unknown_story_fails_clearly(exporter, data_dir, django_capture_on_commit_callbacks):
    ask(exporter, "jsonl", "/2019/05/no-such-story/", capture=django_capture_on_commit_callbacks)
    run = ExportRun.objects.get()
    assert run.state == State.FAILED
    assert run.error == "No story here has the address /2019/05/no-such-story/."
    assert exports(data_dir) == []
    page = exporter.get(f"{INDEX}{run.pk}/").content.decode()
    assert "The export failed: No story here has the address /2019/05/no-such-story/." in page
    assert 'http-equiv="refresh"' not in page
    answer = exporter.get(f"{INDEX}{run.pk}/download/", follow=True)
    assert "This export failed: there is no file to download." in answer.content.decode()
    assert not FailedTask.objects.exists()  # a wrong address is the run's failure, not a bug


def test_a_queued_export_refreshes_and_cannot_be_downloaded(exporter, data_dir):
    ask(exporter)  # queued on commit, never run here
    run = ExportRun.objects.get()
    assert run.state == State.QUEUED
    page = exporter.get(f"{INDEX}{run.pk}/").content.decode()
    assert "Waiting for the background worker" in page
    assert 'http-equiv="refresh" content="2"' in page
    assert "/download/" not in page
    answer = exporter.get(f"{INDEX}{run.pk}/download/")
    assert answer.status_code == 302 and answer["Location"] == f"{INDEX}{run.pk}/"
    page = exporter.get(answer["Location"]).content.decode()
    assert "The export has not started yet" in page
    assert exports(data_dir) == []


def test_progress_is_read_from_the_cache_while_it_runs(exporter):
    ask(exporter)
    run = ExportRun.objects.get()
    ExportRun.objects.filter(pk=run.pk).update(state=State.RUNNING)
    source = tasks.CountedSource(
        type("Source", (), {"site_url": "", "site_title": ""})(), run.pk, 12_000
    )
    source.count = 3_000
    source.write()
    page = exporter.get(f"{INDEX}{run.pk}/").content.decode()
    assert "3,000 of 12,000 comments written" in page
    assert 'http-equiv="refresh" content="2"' in page
    answer = exporter.get(f"{INDEX}{run.pk}/download/", follow=True)
    assert "The export is still being written" in answer.content.decode()


def test_a_task_delivered_twice_writes_once(exporter, data_dir, django_capture_on_commit_callbacks):
    ask(exporter, capture=django_capture_on_commit_callbacks)
    run = ExportRun.objects.get()
    tasks.export_comments.call(run.pk)
    assert exports(data_dir) == [Path(run.file_path)]
    refreshed = ExportRun.objects.get()
    assert (refreshed.state, refreshed.file_path) == (State.DONE, run.file_path)


def test_a_failed_export_leaves_no_half_file(
    exporter, data_dir, monkeypatch, django_capture_on_commit_callbacks
):
    def breaks(out, source):
        out.write(b'{"half": ')
        raise RuntimeError("the disk went away")

    monkeypatch.setitem(formats.WRITERS, "jsonl", breaks)
    ask(exporter, capture=django_capture_on_commit_callbacks)
    run = ExportRun.objects.get()
    assert run.state == State.FAILED
    assert "the disk went away" in run.error
    assert run.file_path == ""
    assert exports(data_dir) == []
    assert FailedTask.objects.get().name.endswith("export_comments")  # a bug: kept for staff


def test_a_format_that_went_away_fails_clearly(exporter):
    ask(exporter)
    run = ExportRun.objects.get()
    ExportRun.objects.filter(pk=run.pk).update(format="usenet")
    tasks.export_comments.call(run.pk)
    run.refresh_from_db()
    assert (run.state, run.error) == (State.FAILED, "“usenet” is not a format this site writes.")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"format": "usenet"}, "“usenet” is not a format this site writes."),
        ({"format": ""}, "Choose the format to export to."),
        ({"page_url": "just-a-slug"}, "starting with https:// or with /."),
        ({"page_url": "/" + "a" * 2001}, "That address is too long to be a story&#x27;s."),
    ],
)
def test_odd_input_is_refused_clearly(exporter, fields, message):
    answer = exporter.post(INDEX, {"format": "jsonl", "page_url": "", **fields})
    assert answer.status_code == 400
    assert message in answer.content.decode()
    assert not ExportRun.objects.exists()


def test_the_form_names_each_format(exporter):
    page = exporter.get(INDEX).content.decode()
    for label in ("Disqus XML (", "WordPress WXR (", "JSON Lines ("):
        assert label in page
    assert "No export yet." in page


def test_wrong_run_ids_are_not_found(exporter):
    assert exporter.get(f"{INDEX}999999/").status_code == 404
    assert exporter.get(f"{INDEX}999999/download/").status_code == 404
    assert exporter.post(f"{INDEX}999999/delete/").status_code == 404
    assert exporter.get(f"{INDEX}abc/").status_code == 404


def test_views_take_only_their_methods(exporter, django_capture_on_commit_callbacks):
    ask(exporter, capture=django_capture_on_commit_callbacks)
    run = ExportRun.objects.get()
    assert exporter.post(f"{INDEX}{run.pk}/").status_code == 405
    assert exporter.post(f"{INDEX}{run.pk}/download/").status_code == 405
    assert exporter.get(f"{INDEX}{run.pk}/delete/").status_code == 405
    assert exporter.put(INDEX).status_code == 405


def test_a_file_gone_from_disk_is_told(exporter, django_capture_on_commit_callbacks):
    ask(exporter, capture=django_capture_on_commit_callbacks)
    run = ExportRun.objects.get()
    Path(run.file_path).unlink()
    answer = exporter.get(f"{INDEX}{run.pk}/download/", follow=True)
    assert "no longer on the server" in answer.content.decode()


def test_exports_older_than_a_week_can_be_deleted(
    exporter, data_dir, django_capture_on_commit_callbacks
):
    ask(exporter, capture=django_capture_on_commit_callbacks)
    run = ExportRun.objects.get()
    answer = exporter.post(f"{INDEX}{run.pk}/delete/", follow=True)
    assert "Exports are kept for 7 days: this one can be deleted from" in (answer.content.decode())
    assert ExportRun.objects.exists() and exports(data_dir) == [Path(run.file_path)]

    ExportRun.objects.filter(pk=run.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert "Delete this export" in exporter.get(f"{INDEX}{run.pk}/").content.decode()
    assert f"{INDEX}{run.pk}/delete/" in exporter.get(INDEX).content.decode()
    answer = exporter.post(f"{INDEX}{run.pk}/delete/")
    assert answer.status_code == 302 and answer["Location"] == INDEX
    assert not ExportRun.objects.exists()
    assert exports(data_dir) == []
    assert "The export and its file are deleted." in exporter.get(INDEX).content.decode()


def test_a_run_deleted_while_it_runs_leaves_no_file(exporter, data_dir, monkeypatch):
    ask(exporter)
    run = ExportRun.objects.get()
    real = formats.WRITERS["jsonl"]

    def deleted_meanwhile(out, source):
        ExportRun.objects.filter(pk=run.pk).delete()
        return real(out, source)

    monkeypatch.setitem(formats.WRITERS, "jsonl", deleted_meanwhile)
    tasks.export_comments.call(run.pk)
    assert exports(data_dir) == []


def test_the_menu_item_is_shown_to_exporters(exporter):
    page = exporter.get("/cms/").content.decode()
    assert "Export comments" in page
    assert "Import comments" not in page  # a permission of its own


def test_the_permission_can_be_given_to_a_group(admin_client):
    page = admin_client.get("/cms/groups/new/").content.decode()
    assert "Can export comments" in page and "Can import comments" in page


def test_a_superuser_may_export(admin_client, django_capture_on_commit_callbacks):
    ask(admin_client, capture=django_capture_on_commit_callbacks)
    assert ExportRun.objects.get().state == State.DONE


def refused(answer):
    if answer.status_code == 302:
        return "/login/" in answer["Location"] or answer["Location"].rstrip("/") == "/cms"
    return answer.status_code == 403


@pytest.fixture
def done_run(django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(make_person("Chief Editor", is_staff=True, is_superuser=True))
    ask(client, capture=django_capture_on_commit_callbacks)
    run = ExportRun.objects.get()
    ExportRun.objects.filter(pk=run.pk).update(created_at=timezone.now() - timedelta(days=8))
    return run


@pytest.mark.parametrize(
    "who",
    [
        "anonymous",
        "reader",
        "reader with the permission",
        "staff without the permission",
        "staff who may import only",
    ],
)
def test_everyone_else_is_refused(client, who, done_run, data_dir):
    if who == "reader":
        client.force_login(make_person("Plain Reader"))
    elif who == "reader with the permission":
        person = make_person("Not Staff")
        person.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="export_comments"),
        )
        client.force_login(person)
    elif who != "anonymous":
        desk = make_person("Night Desk", is_staff=True)
        desk.user_permissions.add(Permission.objects.get(codename="access_admin"))
        if who == "staff who may import only":
            desk.user_permissions.add(Permission.objects.get(codename="import_comments"))
        client.force_login(desk)
    base = f"{INDEX}{done_run.pk}/"
    for answer in (
        client.get(INDEX),
        ask(client),
        client.get(base),
        client.get(f"{base}download/"),
        client.post(f"{base}delete/"),
    ):
        assert refused(answer), (answer.status_code, answer.get("Location"))
        assert not getattr(answer, "streaming", False)
    assert ExportRun.objects.count() == 1
    assert exports(data_dir) == [Path(done_run.file_path)]
    if who != "anonymous":
        assert "Export comments" not in client.get("/cms/", follow=True).content.decode()
