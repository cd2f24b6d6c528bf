"""`dateline serve` keeps the site up when a worker dies: granian starts another."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

DATELINE = Path(sys.executable).with_name("dateline")
# Answered from code alone: no database is needed to see that a worker answers.
PROBE = "/api/v1/openapi.json"
START_SECONDS = 120


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children(pid):
    """The ids of the processes whose parent is `pid` (granian's workers)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # it exited while we looked
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def wait_until(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    pytest.fail(f"gave up after {seconds} s waiting for {what}")


@pytest.fixture
def server(tmp_path):
    """`dateline serve` with two workers on a free port, a scratch SQLite data folder."""
    port = free_port()
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["DATELINE_DATA_DIR"] = str(tmp_path / "var")
    process = subprocess.Popen(
        [str(DATELINE), "serve", "--port", str(port), "--workers", "2", "--graceful-timeout", "5"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "serve.log").open("w"),
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}{PROBE}"
    try:
        wait_until(
            lambda: answers(url) and len(children(process.pid)) == 2, START_SECONDS, "two workers"
        )
        yield process, url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_a_killed_worker_is_replaced_and_the_site_keeps_answering(server):
    process, url = server
    first = children(process.pid)
    victim = min(first)
    os.kill(victim, signal.SIGKILL)
    wait_until(lambda: answers(url), 10, "the surviving worker to answer")
    wait_until(
        lambda: len(children(process.pid) - first) == 1 and victim not in children(process.pid),
        30,
        "a new worker in place of the killed one",
    )
    assert process.poll() is None  # granian itself is still running
    assert all(answers(url) for _ in range(20))


def test_stopping_lets_a_request_in_flight_finish(server):
    """A request still arriving when the server is told to stop gets its whole answer."""
    process, url = server
    host, port = url.split("//")[1].split("/")[0].split(":")
    body = b'{"email": "late@example.com", "password": "a long enough passphrase", '
    rest = b'"display_name": "Late Writer"}'
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(
            b"POST /api/v1/auth/signup HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\n"
            + f"Content-Length: {len(body) + len(rest)}\r\n\r\n".encode()
            + body
        )
        time.sleep(1)  # the worker is now waiting for the rest of the body
        process.send_signal(signal.SIGTERM)
        time.sleep(1)
        connection.sendall(rest)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
            if b"\r\n\r\n" in answer and answer.rstrip().endswith(b"}"):
                break
    status = answer.split(b"\r\n", 1)[0]
    assert status.startswith(b"HTTP/1.1 "), answer[:200]
    assert b'"' in answer.split(b"\r\n\r\n", 1)[1]  # a JSON body, not a dropped connection
    process.wait(timeout=15)
    assert not answers(url)  # and then it stopped
