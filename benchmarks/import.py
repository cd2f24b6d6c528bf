"""Importing a large archive: comments per second and peak memory, on SQLite and PostgreSQL.

Writes a Disqus export of 1,000,000 comments over 20,000 threads (a third of them
replies, 5,000 writers, a few spam and deleted) to a temporary file, as a stream, then
runs `dateline import disqus FILE --map MAP` in a fresh process on a scratch database
with the demo site (the map sends the 20,000 old addresses to the demo's stories, as a
newsroom's map would send old addresses to new ones) and prints, for each database:

- comments placed per second, over the whole command (start-up and report included);
- the command's peak resident memory (RSS), next to the file's size, and next to the
  peak of the same command on a tenth of the file: flat memory means the two are close;
- the same file imported a second time (nothing new: everything "already here").

Usage:
    .venv/bin/python benchmarks/import.py                       # SQLite
    .venv/bin/python benchmarks/import.py --postgres postgres://postgres@127.0.0.1:5432/postgres
    .venv/bin/python benchmarks/import.py --comments 100000     # a quicker run
"""

import argparse
import atexit
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

DATELINE = str(Path(sys.executable).with_name("dateline"))
WORDS = tuple(
    [
        "the",
        "minister",
        "said",
        "budget",
        "vote",
        "council",
        "river",
        "school",
        "court",
        "report",
        "week",
        "city",
        "police",
        "election",
        "market",
        "strike",
        "water",
        "road",
        "plan",
        "health",
        "farmers",
        "prices",
        "story",
        "reporters",
    ]
)


def write_export(path: Path, *, comments: int, threads: int, seed: int = 7) -> None:
    """A Disqus export, written as it is generated (the generator keeps no posts)."""
    rng = random.Random(seed)
    start = datetime(2015, 1, 1, tzinfo=UTC)
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
            'xmlns:dsq="http://disqus.com/disqus-internals" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            '<category dsq:id="1"><forum>oldnews</forum><title>General</title>'
            "<isDefault>true</isDefault></category>\n"
        )
        for number in range(threads):
            out.write(
                f'<thread dsq:id="{number + 1}"><id>{number + 1}</id><forum>oldnews</forum>'
                f'<category dsq:id="1"/><link>https://old.example.com/{2015 + number % 10}/'
                f"story-{number + 1}.html</link><title>Story number {number + 1}</title>"
                "<message/><createdAt>2015-01-01T00:00:00Z</createdAt>"
                "<author><name>Desk</name><isAnonymous>false</isAnonymous></author>"
                "<isClosed>false</isClosed><isDeleted>false</isDeleted></thread>\n"
            )
        recent: list[list[int]] = [[] for _ in range(threads)]  # a few ids per thread
        for number in range(1, comments + 1):
            thread = rng.randrange(threads)
            parent = ""
            if recent[thread] and rng.random() < 0.35:
                parent = f'<parent dsq:id="{rng.choice(recent[thread])}"/>'
            recent[thread] = (recent[thread] + [number])[-4:]
            writer = rng.randrange(5000)
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 60)))
            when = start + timedelta(seconds=number * 97)
            out.write(
                f'<post dsq:id="{number}"><id/><message><![CDATA[<p>{text.capitalize()}.</p>'
                f"<p>{rng.choice(WORDS)} &amp; {rng.choice(WORDS)}</p>]]></message>"
                f"<createdAt>{when:%Y-%m-%dT%H:%M:%SZ}</createdAt>"
                f"<isDeleted>{'true' if number % 97 == 0 else 'false'}</isDeleted>"
                f"<isSpam>{'true' if number % 89 == 0 else 'false'}</isSpam>"
                f"<author><email>writer{writer}@example.org</email><name>Writer {writer}</name>"
                f"<isAnonymous>false</isAnonymous><username>writer{writer}</username></author>"
                f'<ipAddress>192.0.2.1</ipAddress><thread dsq:id="{thread + 1}"/>{parent}'
                "</post>\n"
            )
        out.write("</disqus>\n")


def scratch_site(postgres_url: str | None, name: str) -> dict:
    """Environment for a fresh demo site: a scratch folder, and a fresh database."""
    data = tempfile.mkdtemp(prefix="dateline-import-")
    atexit.register(shutil.rmtree, data, ignore_errors=True)
    env = {**os.environ, "DATELINE_DATA_DIR": data}
    env.pop("DATABASE_URL", None)
    if postgres_url:
        import psycopg

        with psycopg.connect(postgres_url, autocommit=True) as server:
            server.execute(f"DROP DATABASE IF EXISTS {name}")
            server.execute(f"CREATE DATABASE {name}")
        env["DATABASE_URL"] = postgres_url.rsplit("/", 1)[0] + f"/{name}"
    for command in (["migrate", "--no-input", "-v0"], ["demo"]):
        subprocess.run([DATELINE, *command], env=env, check=True, stdout=subprocess.DEVNULL)
    return env


def story_paths(env) -> list[str]:
    script = (
        "from dateline.newsroom.models import ArticlePage, BlogPostPage\n"
        "from wagtail.models import Page\n"
        "for page in Page.objects.live().type(ArticlePage, BlogPostPage):\n"
        "    print(page.url)\n"
    )
    found = subprocess.run(
        [DATELINE, "shell", "-c", script], env=env, check=True, capture_output=True, text=True
    )
    return [line for line in found.stdout.splitlines() if line.startswith("/")]


def write_map(path: Path, *, threads: int, targets: list[str]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write("old,new\n")
        for number in range(threads):
            old = f"https://old.example.com/{2015 + number % 10}/story-{number + 1}.html"
            out.write(f"{old},{targets[number % len(targets)]}\n")


def measure(label, postgres_url, folder, *, comments, threads):
    small = folder / "small.xml"
    big = folder / "big.xml"
    print(f"\n{label}: writing the exports …", flush=True)
    write_export(small, comments=comments // 10, threads=threads)
    write_export(big, comments=comments, threads=threads)
    env = scratch_site(postgres_url, "dateline_import_bench_small")
    mapping = folder / "map.csv"
    write_map(mapping, threads=threads, targets=story_paths(env))
    small_seconds, small_peak, _ = run_child(env, small, mapping)
    env = scratch_site(postgres_url, "dateline_import_bench")
    seconds, peak, report = run_child(env, big, mapping)
    again_seconds, _, again = run_child(env, big, mapping)
    size = big.stat().st_size / 2**20
    print(report.strip())
    print(f"\n{label}: {comments:,} comments over {threads:,} threads, file {size:,.0f} MiB")
    print(f"  import:        {seconds:8.1f} s   {comments / seconds:10,.0f} comments/s")
    print(f"  peak RSS:      {peak:8.1f} MiB  (a tenth of the file: {small_peak:.1f} MiB)")
    print(f"  same again:    {again_seconds:8.1f} s   {comments / again_seconds:10,.0f} comments/s "
          f"checked, {already(again)} already here")  # fmt: skip
    for path in (small, big):
        path.unlink()


def run_child(env, export, mapping):
    """One import in a child process; its own peak RSS (not the generator's)."""
    started = time.monotonic()
    process = subprocess.Popen(
        [DATELINE, "import", "disqus", str(export), "--map", str(mapping), "-v0"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    out, err = process.stdout.read().decode(), process.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"import failed:\n{err}")
    return seconds, usage.ru_maxrss / 1024, out


def already(report: str) -> str:
    for line in io.StringIO(report):
        if line.startswith("Already here"):
            return line.split(":", 1)[1].strip()
    return "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", metavar="URL", help="also measure on this server")
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--threads", type=int, default=20_000)
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dateline-import-files-"))
    try:
        if not args.skip_sqlite:
            measure("SQLite", None, folder, comments=args.comments, threads=args.threads)
        if args.postgres:
            measure("PostgreSQL", args.postgres, folder, comments=args.comments,
                    threads=args.threads)  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
