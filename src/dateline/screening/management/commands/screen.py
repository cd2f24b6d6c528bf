"""`dateline screen`: judge JSON lines from stdin as new comments on one story.

Input, one object a line: {"id", "author", "body"}, optional "article" (the story's
text) and "created" (ISO 8601, UTC when it names no zone; default: now, one second
apart). Output, one line each: {"id", "decision", "scores", "evidence", "reasons"}:
a score per attribute, the [start, end, words] behind each score worth showing, and
each reason with the [start, end] character spans of its words; or {"id", "error"}
for a line that could not be judged (the run goes on, and exits 1 at the end). Rate limits and duplicate checks carry from line to line, as on
a real story; commenter history is unknown, so the trust rules do not apply.
"""

import argparse
import json
import re
import sys
from datetime import UTC, datetime, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from dateline.core.attributes import Action
from dateline.core.state import MemoryStore, State
from dateline.screening import pipeline, surge
from dateline.screening.policy import DEFAULT_ATTRIBUTES, Policy
from dateline.screening.rules import Submission

STORY = "screen"
SURROGATE = re.compile("[\ud800-\udfff]")


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
            created = created.replace(tzinfo=UTC)
    article = data.get("article", "")
    if not isinstance(article, str):
        raise ValueError("“article” must be text")
    if SURROGATE.search(data["body"]) or SURROGATE.search(article):
        raise ValueError("the text holds a lone surrogate (\\ud800 to \\udfff), not a character")
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
        for name, rule in DEFAULT_ATTRIBUTES.items():
            parser.add_argument(
                f"--{name.replace('_', '-')}-threshold",
                type=unit,
                default=rule.threshold,
                help=f"act on a {name} score above this (default {rule.threshold})",
            )
        parser.add_argument(
            "--allow",
            action="append",
            choices=sorted(DEFAULT_ATTRIBUTES),
            default=[],
            help="an attribute that never holds a comment here (repeatable), e.g. profanity",
        )
        parser.add_argument("--link-limit", type=int, default=Policy.link_limit)

    def handle(self, *args, **options):
        policy = Policy(link_limit=options["link_limit"])
        for name in DEFAULT_ATTRIBUTES:
            policy = policy.with_attribute(name, threshold=options[f"{name}_threshold"])
        for name in options["allow"]:
            policy = policy.with_attribute(name, action=Action.ALLOW)
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
            try:
                verdict = pipeline.judge(submission, policy, state)
            except Exception as error:  # one line that breaks screening must not stop the run
                failed += 1
                self.emit({"id": comment_id, "line": number, "error": f"not screened: {error!r}"})
                continue
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


def unit(value):
    """A threshold from the command line: a number from 0 to 1."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return number


def guess_id(line):
    try:
        data = json.loads(line)
    except ValueError:
        return None
    return data.get("id") if isinstance(data, dict) else None
