"""`dateline import FORMAT FILE`: bring comments over from another system's export."""

import json
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dateline.archives import formats
from dateline.archives.importer import Progress, Report, run_import
from dateline.archives.matching import MapError, read_map
from dateline.archives.records import BrokenArchive

UNMATCHED_SHOWN = 20


class Command(BaseCommand):
    help = (
        "Import comments from an export file: disqus (Disqus XML), wordpress (WXR, from "
        "Tools → Export), commento (Commento's JSON) or jsonl (dateline's own). Gzipped "
        "files are read as they are. All or nothing; running it again adds only what is new."
    )

    def add_arguments(self, parser):
        parser.add_argument("format", choices=sorted(formats.READERS))
        parser.add_argument("file", help="the export file (.gz is fine)")
        parser.add_argument(
            "--map", metavar="CSV", help="old address,new address (or page id) per line"
        )
        parser.add_argument(
            "--create-missing",
            metavar="SECTION_SLUG",
            help="make a stub story under this section for each thread no page matches",
        )
        parser.add_argument(
            "--screen",
            action="store_true",
            help="screen every comment; what screening would hold waits in the moderator queue",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would happen, change nothing"
        )
        parser.add_argument("--report", metavar="FILE", help="also write the report as JSON")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            url_map = read_map(Path(options["map"])) if options["map"] else None
            report = run_import(
                path=path,
                format=options["format"],
                url_map=url_map,
                create_missing=options["create_missing"],
                screen=options["screen"],
                dry_run=options["dry_run"],
                progress=ProgressBar(self.stderr._out, quiet=options["verbosity"] == 0),
            )
        except BrokenArchive as error:
            raise CommandError(f"{path}: {error}. Nothing was imported.") from error
        except MapError as error:
            raise CommandError(f"--map: {error}. Nothing was imported.") from error
        if options["report"]:
            Path(options["report"]).write_text(json.dumps(report.as_dict(), indent=2) + "\n")
        self.stdout.write("\n".join(report_lines(report)))


def report_lines(report: Report) -> list[str]:
    head = "Dry run: nothing was changed." if report.dry_run else "Imported."
    lines = [
        head,
        f"Posts in the file: {report.posts:,}",
        f"Threads: {report.threads:,} ({report.threads_matched:,} matched to stories, "
        f"{report.threads_created:,} stub stories made, {len(report.unmatched):,} unmatched)",
        "Comments imported: "
        + (
            ", ".join(f"{count:,} {status}" for status, count in sorted(report.imported.items()))
            or "none"
        ),
    ]
    if report.held_by_screening:
        lines.append(f"  of which held by screening: {report.held_by_screening:,}")
    lines += [
        f"Already here (imported before): {report.already_here:,}",
        f"Writers created: {report.writers_created:,}",
        f"Skipped: {sum(report.skipped.values()):,}",
    ]
    for reason, count in report.skipped.most_common():
        examples = ", ".join(
            f"{key} (line {line})" if line else key for key, line in report.examples[reason]
        )
        lines.append(
            f"  {count:,} {reason}: {examples}{', …' if count > len(report.examples[reason]) else ''}"
        )
    if report.unmatched:
        lines.append("Threads matched to no story (use --map or --create-missing):")
        for url, (title, posts) in list(report.unmatched.items())[:UNMATCHED_SHOWN]:
            lines.append(f"  {url} “{title}”: {posts:,} comments")
        if len(report.unmatched) > UNMATCHED_SHOWN:
            lines.append(
                f"  … and {len(report.unmatched) - UNMATCHED_SHOWN:,} more (--report FILE lists all)"
            )
    lines.append(f"Took {report.seconds:.1f} s.")
    if not report.accounted:
        lines.append("Warning: the counts above do not add up to the posts in the file.")
    return lines


class ProgressBar:
    """A progress line on a terminal (rewritten in place), a line every 10 s elsewhere."""

    WIDTH = 30

    def __init__(self, out=None, *, quiet=False):
        self.out = out or sys.stderr
        self.quiet = quiet
        self.live = hasattr(self.out, "isatty") and self.out.isatty()
        self.last = 0.0

    def __call__(self, progress: Progress) -> None:
        if self.quiet:
            return
        share = progress.share
        bar = ""
        if share is not None:
            filled = int(share * self.WIDTH)
            bar = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {share:4.0%}  "
        minutes, seconds = divmod(int(progress.seconds), 60)
        line = f"{bar}{progress.posts:,} comments  {progress.rate:,.0f}/s  {minutes}:{seconds:02d}"
        if self.live:
            self.out.write(f"\r{line}    " + ("\n" if progress.done else ""))
            self.out.flush()
        elif progress.done or time.monotonic() - self.last >= 10:
            self.last = time.monotonic()
            self.out.write(line + "\n")
