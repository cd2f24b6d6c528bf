"""What an import remembers, so that importing the same archive again adds nothing."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


class ImportedComment(models.Model):
    """The comment an archive's post became, under the post's origin key."""

    key = models.CharField(max_length=255, unique=True)
    comment = models.OneToOneField(
        "comments.Comment", on_delete=models.CASCADE, related_name="imported"
    )

    def __str__(self):
        return f"{self.key} → comment {self.comment_id}"


class ImportedStory(models.Model):
    """A stub page made for an archive's thread that matched no page here
    (`--create-missing`), found by its old address on the next import."""

    url = models.CharField(max_length=2000, unique=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name_plural = "imported stories"

    def __str__(self):
        return f"{self.url} → page {self.page_id}"


def new_origin():
    return secrets.token_hex(6)


class Origin(models.Model):
    """This site's name in the keys of the comments it exports ("dateline:<key>:<id>"),
    made once per installation: an export imported back here is known for its own."""

    key = models.CharField(max_length=32, default=new_origin)

    def __str__(self):
        return self.key

    @classmethod
    def key_here(cls) -> str:
        return cls.objects.get_or_create(pk=1)[0].key


class ImportRun(models.Model):
    """An import started from the CMS: the uploaded file, the choices made for it, and
    how far it has gone (a dry run first, then, when staff press Run, the import).

    Live progress is kept in the cache while the import's transaction is open (`tasks`);
    the figures below are the last ones, written when a run ends.
    """

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting for the dry run"
        DRY_RUNNING = "dry_running", "Dry run under way"
        CHECKED = "checked", "Checked: ready to import"
        QUEUED = "queued", "Waiting to import"
        IMPORTING = "importing", "Importing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        DISCARDED = "discarded", "Discarded"

    RUNNING = (State.WAITING, State.DRY_RUNNING, State.QUEUED, State.IMPORTING)

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    format = models.CharField(max_length=20)
    file_path = models.CharField(max_length=500, blank=True)  # "" once the file is gone
    file_name = models.CharField(max_length=255)  # as uploaded
    file_size = models.PositiveBigIntegerField(default=0)
    create_missing = models.SlugField(max_length=255, blank=True)
    screen = models.BooleanField(default=False)
    map_name = models.CharField(max_length=255, blank=True)  # the map's file name, if any
    url_map = models.JSONField(default=dict, blank=True)  # as `matching.read_map` reads it
    state = models.CharField(max_length=20, choices=State.choices, default=State.WAITING)
    dry_run_report = models.JSONField(null=True, blank=True)
    report = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    posts_read = models.PositiveBigIntegerField(default=0)
    share_read = models.FloatField(null=True, blank=True)  # 0–1; None when the size is unknown
    rate = models.FloatField(default=0.0)  # posts a second
    imported_at = models.DateTimeField(null=True, blank=True)  # when Run was pressed
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("import_comments", "Can import comments from an export file")]

    def __str__(self):
        return f"import {self.pk}: {self.file_name} ({self.format}, {self.state})"

    @property
    def running(self) -> bool:
        return self.state in self.RUNNING


class ExportRun(models.Model):
    """An export started from the CMS: the format and story chosen, and where the file
    is once the background task has written it (in the private data folder, never
    served to the web; handed out only through the CMS's download view)."""

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to export"
        RUNNING = "running", "Exporting"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    RUNNING = (State.QUEUED, State.RUNNING)

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    format = models.CharField(max_length=20)
    page_url = models.CharField(max_length=2000, blank=True)  # "" for every story
    state = models.CharField(max_length=20, choices=State.choices, default=State.QUEUED)
    file_path = models.CharField(max_length=500, blank=True)  # set once the file is whole
    comments = models.PositiveBigIntegerField(default=0)  # written to the file
    file_size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("export_comments", "Can export comments to a file")]

    def __str__(self):
        return f"export {self.pk}: {self.format}, {self.page_url or 'every story'} ({self.state})"

    @property
    def running(self) -> bool:
        return self.state in self.RUNNING
