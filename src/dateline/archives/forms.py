"""The *Import comments* upload form: the export file, its format and the import's options."""

import os
import tempfile
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.files.move import file_move_safe
from django.core.files.uploadedfile import TemporaryUploadedFile, UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, TemporaryFileUploadHandler

from . import formats
from .matching import MapError, read_map
from .models import ExportRun, ImportRun

# What each format is, as an editor knows it (a format without a line here shows its name).
FORMAT_LABELS = {
    "disqus": "Disqus (the XML file from Disqus's Export)",
    "wordpress": "WordPress (the WXR file from Tools › Export)",
    "commento": "Commento (its JSON export)",
    "jsonl": "JSON Lines (dateline's own export, one comment a line)",
}


def format_choices():
    return [("", "Choose the export's format")] + [
        (name, FORMAT_LABELS.get(name, name)) for name in sorted(formats.READERS)
    ]


def imports_folder() -> Path:
    """Where uploaded export files wait for their import: in the private data folder,
    never under MEDIA_ROOT (which is served to the web)."""
    folder = Path(settings.DATA_DIR) / "imports"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


class ImportsFolderFile(TemporaryUploadedFile):
    """An upload written straight to the imports folder as it arrives (not to the
    system's temporary folder, often memory): keeping it is then a rename."""

    def __init__(self, name, content_type, size, charset, content_type_extra=None):
        # Closed (and deleted unless moved) with the request, as Django does its own.
        file = tempfile.NamedTemporaryFile(suffix=".part", dir=imports_folder())  # noqa: SIM115
        UploadedFile.__init__(self, file, name, content_type, size, charset, content_type_extra)


class ImportsFolderUploads(TemporaryFileUploadHandler):
    """The upload handler of the *Import comments* form: every file to disk, in the
    imports folder, however small or large (an export may be gigabytes)."""

    def new_file(self, *args, **kwargs):
        FileUploadHandler.new_file(self, *args, **kwargs)
        self.file = ImportsFolderFile(
            self.file_name, self.content_type, 0, self.charset, self.content_type_extra
        )


def store(uploaded) -> Path:
    """Keep an uploaded file in the imports folder under a name of our own. A large
    upload is already a temporary file on disk: it is moved, not copied, where it can be."""
    target = imports_folder() / f"{uuid.uuid4().hex}.upload"
    if hasattr(uploaded, "temporary_file_path"):
        file_move_safe(uploaded.temporary_file_path(), str(target))
    else:
        with open(target, "xb") as out:
            for chunk in uploaded.chunks():
                out.write(chunk)
    os.chmod(target, 0o600)
    return target


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Export file",
        help_text="The file the other comment system exported. A gzipped file (.gz) is fine.",
        error_messages={
            "required": "Choose the export file to upload.",
            "empty": "The file is empty: export the comments again and upload that file.",
        },
    )
    format = forms.ChoiceField(
        label="Format",
        error_messages={
            "required": "Choose the format the file is in.",
            "invalid_choice": "“%(value)s” is not a format this site reads.",
        },
    )
    map_file = forms.FileField(
        label="Map of old to new addresses (optional)",
        required=False,
        help_text=(
            "A CSV file with two columns, old address and new address (or page id), one "
            "story a line, for stories whose address changed."
        ),
        error_messages={"empty": "The map file is empty."},
    )
    create_missing = forms.SlugField(
        label="Create stubs for unmatched stories under section (optional)",
        required=False,
        max_length=255,
        help_text=(
            "The slug of a section, e.g. “archive”: each thread that matches no story here "
            "gets a stub story there, with its old title and address (the section is made "
            "if there is none). Left empty, unmatched threads are listed and not imported."
        ),
    )
    screen = forms.BooleanField(
        label="Screen every comment",
        required=False,
        help_text=(
            "Run each imported comment through screening: what it would hold waits in the "
            "moderation queue as “imported, held”."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = format_choices()
        self.url_map: dict[str, str] = {}

    def clean_map_file(self):
        uploaded = self.cleaned_data.get("map_file")
        if not uploaded:
            return uploaded
        with tempfile.TemporaryDirectory(prefix="dateline-map-") as folder:
            path = Path(folder) / "map.csv"
            with open(path, "wb") as out:
                for chunk in uploaded.chunks():
                    out.write(chunk)
            try:
                url_map = read_map(path)
            except MapError as error:
                message = str(error).replace(str(path), uploaded.name)
                raise forms.ValidationError(f"The map cannot be used: {message}") from None
        if not url_map:
            raise forms.ValidationError("The map has no lines of old and new addresses.")
        self.url_map = url_map
        return uploaded

    def save(self, *, started_by) -> ImportRun:
        """The run for this upload, its file kept in the imports folder."""
        uploaded = self.cleaned_data["file"]
        path = store(uploaded)
        map_file = self.cleaned_data.get("map_file")
        try:
            return self.create(started_by, uploaded, path, map_file)
        except BaseException:
            path.unlink(missing_ok=True)
            raise

    def create(self, started_by, uploaded, path, map_file) -> ImportRun:
        return ImportRun.objects.create(
            started_by=started_by,
            format=self.cleaned_data["format"],
            file_path=str(path),
            file_name=os.path.basename(uploaded.name)[:255],
            file_size=path.stat().st_size,
            create_missing=self.cleaned_data.get("create_missing") or "",
            screen=bool(self.cleaned_data.get("screen")),
            map_name=os.path.basename(map_file.name)[:255] if map_file else "",
            url_map=self.url_map,
        )


# What each written format is for, as an editor knows it (a format without a line here
# shows its name).
EXPORT_FORMAT_LABELS = {
    "disqus": "Disqus XML (to import into Disqus)",
    "wordpress": "WordPress WXR (to import with WordPress's Tools › Import)",
    "jsonl": "JSON Lines (dateline's own format, one comment a line)",
}


def export_format_choices():
    return [("", "Choose the format to export to")] + [
        (name, EXPORT_FORMAT_LABELS.get(name, name)) for name in sorted(formats.WRITERS)
    ]


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label="Format",
        error_messages={
            "required": "Choose the format to export to.",
            "invalid_choice": "“%(value)s” is not a format this site writes.",
        },
    )
    page_url = forms.CharField(
        label="Only the comments of this story (optional)",
        required=False,
        max_length=2000,
        help_text=(
            "The story's address, e.g. “https://news.example/2024/05/a-story/” or "
            "“/2024/05/a-story/”. Left empty, every story's comments are exported."
        ),
        error_messages={"max_length": "That address is too long to be a story's."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = export_format_choices()

    def clean_page_url(self):
        address = self.cleaned_data.get("page_url", "").strip()
        if address and not address.startswith(("/", "http://", "https://")):
            raise forms.ValidationError(
                "Give the story's address as it is on the site: starting with https:// or with /."
            )
        return address

    def save(self, *, started_by) -> ExportRun:
        return ExportRun.objects.create(
            started_by=started_by,
            format=self.cleaned_data["format"],
            page_url=self.cleaned_data.get("page_url") or "",
        )
