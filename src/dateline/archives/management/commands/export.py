"""`dateline export FORMAT`: this site's comments in a format other systems read."""

import sys
from contextlib import nullcontext
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dateline.archives import formats
from dateline.archives.exporter import DatabaseSource, PageNotFound


class Command(BaseCommand):
    help = (
        "Export comments as disqus (Disqus XML), wordpress (WXR) or jsonl (one JSON object "
        "per comment) to standard output, or to a file with -o. `dateline import` reads "
        "each back."
    )

    def add_arguments(self, parser):
        parser.add_argument("format", choices=sorted(formats.WRITERS))
        parser.add_argument("--page", metavar="URL", help="only this story's comments")
        parser.add_argument("-o", "--output", metavar="FILE", help="write here, not to stdout")

    def handle(self, *args, **options):
        try:
            source = DatabaseSource(page_url=options["page"])
        except PageNotFound as error:
            raise CommandError(str(error)) from error
        target = Path(options["output"]) if options["output"] else None
        # Written beside the file and moved over it once complete: never half a file.
        partial = target.with_name(target.name + ".part") if target else None
        try:
            with open(partial, "wb") if target else nullcontext(sys.stdout.buffer) as out:
                written = formats.WRITERS[options["format"]](out, source)
            if target:
                partial.replace(target)
        except OSError as error:
            raise CommandError(f"{target}: {error.strerror}") from error
        finally:
            if partial and partial.exists():
                partial.unlink()
        self.stderr.write(f"{written:,} comments exported.")
