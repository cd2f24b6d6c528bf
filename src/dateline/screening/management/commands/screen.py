"""`dateline screen`: judge JSON lines from stdin as new comments on one story.

Input, one object a line: {"id", "author", "body"}, optional "article" (the story's
text) and "created" (ISO 8601; default: now, one second apart). Output, one line
each: {"id", "decision", "scores", "reasons"}, or {"id", "error"} for a line that
could not be judged. Rate limits and duplicate checks carry from line to line, as on
a real story; commenter history is unknown, so the trust rules do not apply.
"""

import json
import sys
from datetime import datetime, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from dateline.screening import pipeline, surge
from dateline.screening.policy import Policy
from dateline.screening.rules import Submission
from dateline.screening.state import MemoryStore, State

STORY = "screen"


def parse(line, clock):
    """A Submission from one input line; raises ValueError with a readable message."""
    try:
        data = json.loads(line)
    except ValueError as error:
        raise ValueError(f"not JSON: {error}") from error
    if not isinstance(data, dict):
        raise ValueError("each line must be a JSON object")
    for name in ("id", "author", "body"):
        if name not in data:
            raise ValueError(f"“{name}” is missing")
    if not isinstance(data["body"], str) or not isinstance(data["author"], str | int):
        raise ValueError("“body” must be text and “author” text or a number")
    created = clock
    if data.get("created") is not None:
        try:
            created = datetime.fromisoformat(str(data["created"]).replace("Z", "+00:00"))
        except ValueError as error:
            raise ValueError("“created” is not an ISO 8601 time") from error
        if timezone.is_naive(created):
            created = timezone.make_aware(created, timezone.utc)
    article = data.get("article", "")
    if not isinstance(article, str):
        raise ValueError("“article” must be text")
    return data["id"], Submission(
        body=data["body"],
        author=str(data["author"]),
        created=created,
        page=STORY,
        article_text=article,
    )


class Command(BaseCommand):
    help = "Screen JSON lines from stdin as comments on one story; JSON lines to stdout."

    def add_arguments(self, parser):
        parser.add_argument("--toxicity-threshold", type=float, default=Policy.toxicity_threshold)
        parser.add_argument("--spam-threshold", type=float, default=Policy.spam_threshold)
        parser.add_argument("--link-limit", type=int, default=Policy.link_limit)

    def handle(self, *args, **options):
        policy = Policy(
            toxicity_threshold=options["toxicity_threshold"],
            spam_threshold=options["spam_threshold"],
            link_limit=options["link_limit"],
        )
        state = State(MemoryStore())
        clock = timezone.now()
        failed = 0
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            clock += timedelta(seconds=1)
            try:
                comment_id, submission = parse(line, clock)
            except ValueError as error:
                failed += 1
                self.emit({"id": guess_id(line), "line": number, "error": str(error)})
                continue
            verdict = pipeline.judge(submission, policy, state)
            surge.observe(
                state,
                STORY,
                submission.created,
                held=pipeline.held_for_content(verdict),
                policy=policy,
            )
            self.emit({"id": comment_id, **verdict.as_dict()})
        if failed:
            raise CommandError(f'{failed} line(s) could not be screened (see their "error")')

    def emit(self, data):
        self.stdout.write(json.dumps(data, ensure_ascii=False))
        self.stdout.flush()


def guess_id(line):
    try:
        data = json.loads(line)
    except ValueError:
        return None
    return data.get("id") if isinstance(data, dict) else None
