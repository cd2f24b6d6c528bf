"""Comment threads at scale: first-page time and SQL queries for 100 and 10,000 comments,
and posting at 16 concurrent clients.

Builds the demo site in a scratch database (SQLite in a temporary folder, or a fresh
`dateline_bench` database on the PostgreSQL server given with --postgres), adds a
100-comment and a 10,000-comment thread (a fifth of them top-level, the rest replies),
and prints:

- server time (median and p90 of 30 renders) for the first page of each thread, as the
  HTML page (no page cache) for a reader without an account and for a logged-in one, each
  with the threads drawn afresh (the story's comments just changed) and kept (the shared
  drawing from the cache), for a reader with a held comment of their own (threads drawn
  for them alone), and as the JSON API, with the ratio of the big thread to the small
  one (target: within 2x), and the logged-in page against the anonymous one (target:
  within 2x, under 40 ms);
- SQL queries per page (constant, whatever the thread's size);
- the time of a post refused as too fast, in process: the action alone and the whole API
  request, with their queries (target: under 2 ms, nothing written);
- posts/s and p50/p99 latency for 16 clients posting at once through the JSON API,
  with the screening hook empty and with the real screening pipeline, and where some
  were refused, the same for the posts stored (201) and those refused as too fast (429)
  apart: a refusal is cheap by design, so the rate of all posts alone flatters the path;
  with --threads 1,2,4 for each number of server threads per worker.

With --isso GUNICORN (the gunicorn of a Python environment where isso is installed: `python3
-m venv /tmp/isso && /tmp/isso/bin/pip install isso gunicorn`), the same clients then post to
Isso in the same run, with its guard off and on, as the baseline the issue names. With
--rounds N the posting (and Isso) is measured N times, each round beside the other, and
each back-to-back row's median is printed with its rate against Isso's in the same rounds:
on a shared machine one round can be twice as fast as the next.

With --million (PostgreSQL only) it first fills the site with 1,000,000 comments on
other stories, then measures the same pages again.

Usage:
    .venv/bin/python benchmarks/comments.py
    .venv/bin/python benchmarks/comments.py --postgres postgres://postgres@127.0.0.1:5432/postgres
    .venv/bin/python benchmarks/comments.py --postgres ... --million
    .venv/bin/python benchmarks/comments.py --part posting --isso /tmp/isso/bin/gunicorn
"""

import argparse
import atexit
import contextlib
import dataclasses
import functools
import http.client
import io
import itertools
import json
import logging
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from read_path import free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
CLIENTS, POSTS_EACH = 16, 20


def configure(postgres_url):
    scratch = tempfile.mkdtemp(prefix="dateline-bench-")
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    os.environ["DATELINE_DATA_DIR"] = scratch
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    if postgres_url:
        import psycopg

        with psycopg.connect(postgres_url, autocommit=True) as server:
            server.execute("DROP DATABASE IF EXISTS dateline_bench")
            server.execute("CREATE DATABASE dateline_bench")
        os.environ["DATABASE_URL"] = postgres_url.rsplit("/", 1)[0] + "/dateline_bench"
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    if "state" in settings.CACHES:  # screening's memory, in a folder of this data folder's own
        atexit.register(shutil.rmtree, settings.CACHES["state"]["LOCATION"], ignore_errors=True)

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("demo", stdout=io.StringIO())


def readers(count):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    existing = list(User.objects.filter(email__startswith="bench"))
    for number in range(len(existing), count):
        existing.append(
            User.objects.create_user(
                username=f"bench{number}@example.com",
                email=f"bench{number}@example.com",
                password="bench passphrase 1",
                display_name=f"Bench Reader {number:04d}".replace("0", "o").replace("1", "i"),
                email_verified=True,
            )
        )
    return existing


def build_thread(page, size, authors):
    """`size` published comments on `page`: a fifth top-level, each with four replies."""
    from django.db.models import F

    from dateline.comments.models import Comment
    from dateline.comments.text import render_body

    def comment(number, **fields):
        body = f"Comment {number} on the story: a few sentences of an ordinary length here."
        return Comment(
            page=page,
            author=authors[number % len(authors)],
            body=body,
            body_html=render_body(body),
            **fields,
        )

    roots = Comment.objects.bulk_create(
        [comment(n, depth=0, reply_count=4) for n in range(size // 5)], batch_size=2000
    )
    Comment.objects.filter(page=page, depth=0, thread=None).update(thread=F("id"))
    replies = [
        comment(size // 5 + n, depth=min(n % 4 + 1, 2), parent=root, thread=root)
        for root in roots
        for n in range(4)
    ]
    Comment.objects.bulk_create(replies, batch_size=2000)


def fill_million(stories, authors):
    from dateline.comments.models import Comment

    print("Filling the site with 1,000,000 comments on other stories ...", flush=True)
    started = time.perf_counter()
    for number in range(100):  # 100 threads of 10,000, spread over the stories
        build_thread(stories[number % len(stories)], 10_000, authors)
    print(f"  {Comment.objects.count():,} comments in {time.perf_counter() - started:.0f} s")


def timed(render, runs=30):
    """Median and p90 in ms of `render()`, and the SQL queries one call makes."""
    from django.conf import settings
    from django.db import connection, reset_queries

    settings.DEBUG = True  # Django keeps the query log only in debug mode
    reset_queries()
    render()
    queries = len(connection.queries)
    settings.DEBUG = False
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        render()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.9)], queries


@contextlib.contextmanager
def without_page_cache():
    """Anonymous pages rendered by Django every time, as on a page-cache miss."""
    from dateline.core import pagecache

    kept = pagecache.cached_entry, pagecache._store
    pagecache.cached_entry, pagecache._store = (lambda environ: None), (lambda *args: None)
    try:
        yield
    finally:
        pagecache.cached_entry, pagecache._store = kept


def with_held_comment(page, writer):
    """`writer` has a held comment on `page`: their threads are drawn for them alone."""
    from dateline.comments.models import Comment
    from dateline.comments.text import render_body

    body = "A comment of mine that waits for a moderator."
    Comment.objects.create(
        page=page, author=writer, body=body, body_html=render_body(body), status="held"
    )


def measure_threads(small, big, viewer, writer):
    from django.template import engines
    from django.test import Client, RequestFactory

    from dateline.core.pagecache import invalidate_page

    client, anonymous, held = Client(), Client(), Client()
    client.force_login(viewer)
    held.force_login(writer)
    for page in (small, big):
        with_held_comment(page, writer)
        invalidate_page(page.pk)
    section = engines["django"].from_string("{% load comment_tags %}{% comment_section page %}")

    def fetch(reader, page, *, drawn=False):
        if drawn:  # the story's comments just changed: its threads are drawn again
            invalidate_page(page.pk)
        assert reader.get(page.url).status_code == 200

    def section_only(page):
        request = RequestFactory().get(page.url)
        request.user = viewer
        section.render({"page": page, "request": request}, request)

    def api(page):
        assert client.get(f"/api/v1/pages/{page.pk}/comments").status_code == 200

    rows = (
        ("anonymous, threads drawn", functools.partial(fetch, anonymous, drawn=True)),
        ("anonymous, threads kept", functools.partial(fetch, anonymous)),
        ("logged in, threads drawn", functools.partial(fetch, client, drawn=True)),
        ("logged in", functools.partial(fetch, client)),
        ("logged in, own held comment", functools.partial(fetch, held)),
        ("comment section alone", section_only),
        ("JSON API", api),
    )
    print(
        "article page (no page cache), first page of threads:\n"
        f"{'':<30}{'100: median':>12}{'p90':>9}{'SQL':>5}"
        f"{'10,000: median':>16}{'p90':>9}{'SQL':>5}{'ratio':>8}"
    )
    medians = {}
    with without_page_cache():
        for label, render in rows:
            s_med, s_p90, s_q = timed(functools.partial(render, small))
            b_med, b_p90, b_q = timed(functools.partial(render, big))
            medians[label] = s_med
            print(
                f"{label:<30}{s_med:>9.1f} ms{s_p90:>6.1f} ms{s_q:>5}"
                f"{b_med:>13.1f} ms{b_p90:>6.1f} ms{b_q:>5}{b_med / s_med:>7.2f}x"
            )
    logged = medians["logged in"]
    print(
        f"logged in / anonymous, 100 comments: {logged / medians['anonymous, threads drawn']:.2f}x"
        f" the page with its threads drawn, {logged / medians['anonymous, threads kept']:.2f}x"
        " the page with its threads kept (target: within 2x, under 40 ms)"
    )


SUBJECTS = [
    "The airlift",
    "The training mission",
    "Refuelling",
    "The border",
    "The budget",
    "The peace talk",
    "Food aid",
    "The election",
    "The rainy season",
    "Road repair",
]
VERBS = [
    "matters more than",
    "depends on",
    "will take longer than",
    "costs less than",
    "was promised before",
    "gets less attention than",
    "comes after",
]
OBJECTS = [
    "the elections",
    "the troops leaving",
    "the harvest",
    "the schools reopening",
    "the talks in Algiers",
    "the refugees returning",
    "the markets in Gao",
]


def remarks(rng):
    """Ordinary comments in a random order, none twice (screening rejects repeated text)."""
    texts = [f"{a} {b} {c}." for a, b, c in itertools.product(SUBJECTS, VERBS, OBJECTS)]
    rng.shuffle(texts)
    return iter(texts)


# Every client of every run posts from an address of its own, so that per-address rate
# limits never mix two clients.
ADDRESSES = (f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}" for n in itertools.count(1))


def outcome(status, payload):
    """A response's status, and for a refusal the gist of its reason (no wait times)."""
    if status != 400:
        return str(status)
    try:
        message = json.loads(payload)["error"]["message"]
    except (ValueError, KeyError, TypeError):
        return "400"
    return f"400 {message.removeprefix('Your comment was rejected: ').split(':')[0]}"


@dataclasses.dataclass
class Poster:
    """One client of a comment server: where it posts, with which headers, in which shape."""

    path: str
    headers: dict
    payload: Callable[[str], dict]


def dateline_poster(page_id, token, address):
    return Poster(
        f"/api/v1/pages/{page_id}/comments",
        {
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
            "X-Forwarded-For": address,
        },
        lambda text: {"body": text},
    )


def post_loop(port, poster, count, pace, latencies, statuses, start):
    """One client: POST `count` comments over one keep-alive connection, `pace` s apart."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    texts = remarks(random.Random(poster.headers["X-Forwarded-For"]))
    start.wait()
    if pace:  # clients do not all press "post" in the same millisecond
        time.sleep(random.random() * pace)
    began = time.perf_counter()
    for number in range(count):
        body = json.dumps(poster.payload(next(texts)))
        sent = time.perf_counter()
        connection.request("POST", poster.path, body, poster.headers)
        response = connection.getresponse()
        payload = response.read()
        latencies.append((time.perf_counter() - sent) * 1000)
        statuses.append(outcome(response.status, payload))
        if pace:
            time.sleep(max(0.0, began + (number + 1) * pace - time.perf_counter()))
    connection.close()


def measure_posting(port, posters, label, pace=0.0, count=POSTS_EACH):
    """All clients post at once; `pace` > 0 spaces each client's posts (an open page)."""
    latencies, statuses = [], []
    start = threading.Barrier(len(posters))
    threads = [
        threading.Thread(
            target=post_loop,
            args=(port, poster, count, pace, latencies, statuses, start),
        )
        for poster in posters
    ]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    stored = sorted(
        ms for ms, status in zip(latencies, statuses, strict=True) if status in ("201", "202")
    )
    refused = sorted(
        ms for ms, status in zip(latencies, statuses, strict=True) if status in ("429", "403")
    )
    latencies.sort()
    rate = len(latencies) / elapsed
    outcomes = ", ".join(f"{n} x {code}" for code, n in sorted(Counter(statuses).items()))
    print(
        f"{label:<44}{rate:>7.0f} posts/s"
        f"{statistics.median(latencies):>8.1f} ms p50{p99_of(latencies):>8.1f} ms p99   ({outcomes})"
    )
    if len(stored) < len(latencies):  # the rate of what was stored, and of what was not
        print(
            f"{'  of which stored':<44}{len(stored) / elapsed:>7.0f} posts/s"
            + (
                f"{statistics.median(stored):>8.1f} ms p50{p99_of(stored):>8.1f} ms p99"
                if stored
                else ""
            )
        )
        if refused:
            print(
                f"{'  refused as too fast (429, 403)':<44}{len(refused) / elapsed:>7.0f} posts/s"
                f"{statistics.median(refused):>8.1f} ms p50{p99_of(refused):>8.1f} ms p99"
            )
    return rate, p99_of(latencies)


def p99_of(latencies):
    return latencies[max(0, int(len(latencies) * 0.99) - 1)]


def serve(screening, threads=None):
    """`dateline serve` (granian, 2 workers; its default threads unless `threads`) on the
    benchmark's database; returns its port."""
    port = free_port()
    env = {
        **os.environ,
        "SCREENING_ENABLED": "1" if screening else "0",
        "TRUSTED_PROXY_HOPS": "1",  # each client posts from an address of its own
        "LOG_LEVEL": "ERROR",
    }
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("dateline")),
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
            *(["--threads", str(threads)] if threads else []),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(8):  # both workers load their code before the clock starts
        wait_for(f"http://127.0.0.1:{port}/api/v1/openapi.json")
    return server, port


def measure_refusal(page, writer):
    """A post refused as too fast, in this process: `comments.actions.post_comment` alone,
    and the whole API request (token, story, middleware) around it, each with its queries
    (target: under 2 ms, nothing written)."""
    from django.conf import settings
    from django.test import Client

    from dateline.accounts.actions import issue_token
    from dateline.comments import actions
    from dateline.comments.models import Comment
    from dateline.core.api import RateLimited

    settings.SCREENING_ENABLED = True
    logging.getLogger("django.request").setLevel(logging.ERROR)  # each 429 is a warning
    texts = remarks(random.Random(writer.pk))
    for _ in range(5):  # the burst, stored
        actions.post_comment(author=writer, page=page, body=next(texts), ip="203.0.113.9")
    stored = Comment.objects.count()

    def action():
        with contextlib.suppress(RateLimited):
            actions.post_comment(author=writer, page=page, body=next(texts), ip="203.0.113.9")
            raise SystemExit("a post meant to be refused was stored")

    client, token = Client(), issue_token(writer)

    def request():
        response = client.post(
            f"/api/v1/pages/{page.pk}/comments",
            json.dumps({"body": next(texts)}),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
            REMOTE_ADDR="203.0.113.9",
        )
        assert response.status_code == 429, response.status_code

    request()  # the token's first use is written down (once a minute)
    print("\na post refused as too fast, in this process (target: under 2 ms, nothing written):")
    for label, refuse in (("post_comment alone", action), ("the whole API request", request)):
        median, p90, queries = timed(refuse)
        print(f"  {label:<28}{median:>7.2f} ms median{p90:>7.2f} ms p90{queries:>4} queries")
    assert Comment.objects.count() == stored, "a refused post was stored"


def posting_table(page, authors, threads=(None,)):
    """Each setting's back-to-back figures, {label: (posts/s, p99 ms)}."""
    from dateline.accounts.actions import issue_token

    print(f"posting through the JSON API over HTTP, {CLIENTS} clients at once:")
    figures = {}
    for screening, count in itertools.product((False, True), threads):
        server, port = serve(screening, count)
        hook = "screening on" if screening else "screening hook empty"
        hook += f", {count} thread{'s' if count > 1 else ''}" if count else ""
        try:
            # Screening limits each person to one comment per 3 s (bursts of 5).
            paces = ((0.0, "back to back"), (3.5 if screening else 1.0, "paced"))
            for pace, what in paces:
                what = f"{what}, 1 post per {pace:g} s each" if pace else what
                group, authors = authors[:CLIENTS], authors[CLIENTS:]  # fresh rate limits
                posters = [
                    dateline_poster(page.pk, issue_token(author), next(ADDRESSES))
                    for author in group
                ]
                posts = POSTS_EACH if pace < 2 else POSTS_EACH // 2
                label = f"{hook}, {what}"
                figures[label] = measure_posting(port, posters, label, pace=pace, count=posts)
        finally:
            server.terminate()
            server.wait()
    return {label: found for label, found in figures.items() if "back to back" in label}


ISSO_SETTINGS = """
[general]
dbpath = {root}/comments.db
host = http://127.0.0.1:{port}/
[moderation]
enabled = false
[server]
listen = http://127.0.0.1:{port}/
trusted-proxies = 127.0.0.1
[guard]
enabled = {guard}
require-author = false
require-email = false
"""


def isso_table(gunicorn):
    """The same clients against Isso (the comment server the issue compares with), served
    by gunicorn in the same shape as `dateline serve`: 2 workers of 4 threads. Its guard
    (on by default: 2 comments a minute per address) is the counterpart of screening; its
    text is stored as written, nothing judges it."""
    print(f"Isso, the same {CLIENTS} clients, anonymous posts, each with a thread title:")
    figures = {}
    for guard in (False, True):
        root = Path(tempfile.mkdtemp(prefix="dateline-bench-isso-"))
        port = free_port()
        (root / "isso.cfg").write_text(
            ISSO_SETTINGS.format(root=root, port=port, guard=str(guard).lower())
        )
        server = subprocess.Popen(
            [gunicorn, "-b", f"127.0.0.1:{port}", "-w", "2", "-k", "gthread", "--threads", "4",
             "isso.run"],
            env={**os.environ, "ISSO_SETTINGS": str(root / "isso.cfg")},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            for _ in range(8):
                wait_for(f"http://127.0.0.1:{port}/config")
            posters = [
                Poster(
                    "/new?uri=%2Fbench%2F",
                    {"Content-Type": "application/json", "X-Forwarded-For": next(ADDRESSES)},
                    lambda text, n=n: {"text": text, "author": f"Reader {n}", "title": "Bench"},
                )
                for n in range(CLIENTS)
            ]
            label = f"Isso, guard {'on' if guard else 'off'}, back to back"
            figures[label] = measure_posting(port, posters, label.removeprefix("Isso, "))
        finally:
            server.terminate()
            server.wait()
            shutil.rmtree(root, ignore_errors=True)
    return figures


def summary(rounds):
    """The median of each back-to-back row over the rounds, and its rate against Isso's
    with its guard off in the same rounds (the machine's noise shared)."""
    print(f"\nback to back, median of {len(rounds)} rounds:")
    labels = list(rounds[0])
    baseline = "Isso, guard off, back to back"
    for label in labels:
        rate = statistics.median(figures[label][0] for figures in rounds)
        p99 = statistics.median(figures[label][1] for figures in rounds)
        ratios = [
            figures[label][0] / figures[baseline][0] for figures in rounds if baseline in figures
        ]
        against = f"   {statistics.median(ratios):.2f}x Isso's rate" if ratios else ""
        print(f"{label:<44}{rate:>7.0f} posts/s{p99:>8.1f} ms p99{against}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL server to use")
    parser.add_argument(
        "--million", action="store_true", help="add 1,000,000 comments first (PostgreSQL)"
    )
    parser.add_argument(
        "--part",
        choices=["pages", "posting", "all"],
        default="all",
        help="measure the pages, the posting, or both",
    )
    parser.add_argument(
        "--threads",
        metavar="N,N",
        help="server threads per worker to compare (default: dateline serve's own)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="measure the posting this many times and print each row's median",
    )
    parser.add_argument(
        "--isso",
        metavar="GUNICORN",
        help="also post to Isso: the gunicorn of a Python environment with isso installed",
    )
    options = parser.parse_args()
    if options.million and not options.postgres:
        sys.exit("--million needs --postgres: SQLite is the small-site default")
    sys.path.insert(0, str(ROOT / "src"))
    configure(options.postgres)

    from django.conf import settings

    from dateline.newsroom.models import ArticlePage

    settings.ALLOWED_HOSTS = ["*"]
    from django.db import connection

    print(f"Database: {connection.vendor}; CPU cores: {os.cpu_count()}")
    stories = list(ArticlePage.objects.live().order_by("pk"))
    small, big, posting = stories[:3]
    authors = readers(4 * CLIENTS)
    if options.million:
        fill_million(stories[3:], authors)
    if options.part in ("pages", "all"):
        build_thread(small, 100, authors)
        build_thread(big, 10_000, authors)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # as autovacuum would after a bulk load
                cursor.execute("ANALYZE")
        measure_threads(small, big, authors[0], authors[1])
        print()
    if options.part in ("posting", "all"):
        threads = [int(n) for n in options.threads.split(",")] if options.threads else [None]
        authors = readers(4 * CLIENTS * len(threads) * options.rounds + 1)
        writer = authors.pop()
        rounds = []
        for number in range(options.rounds):
            if options.rounds > 1:
                print(f"round {number + 1} of {options.rounds}")
            group = authors[number * 4 * CLIENTS * len(threads) :]
            figures = posting_table(posting, group, threads)
            if options.isso:
                figures.update(isso_table(options.isso))
            rounds.append(figures)
        if options.rounds > 1:
            summary(rounds)
        measure_refusal(posting, writer)  # last: nothing runs here beside the servers


if __name__ == "__main__":
    main()
