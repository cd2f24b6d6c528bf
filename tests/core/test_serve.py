"""`dateline serve` keeps the site up when a worker dies: granian starts another. Static
files are built once beforehand, so that servers started together on one data folder all
come up; each server's /metrics adds up its own workers."""

import json
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
from django.core.management import call_command
from prometheus_client.mmap_dict import MmapedDict
from prometheus_client.parser import text_string_to_metric_families

from dateline.core.management.commands.serve import static_files_problem

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


def serve_environment(data_dir):
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DEBUG")
    }
    env["DATELINE_DATA_DIR"] = str(data_dir)
    return env


def collect_static(data_dir):
    """The install or deploy step that builds the static files, once."""
    subprocess.run(
        [str(DATELINE), "collectstatic", "--no-input", "--verbosity", "0"],
        env=serve_environment(data_dir),
        check=True,
        timeout=START_SECONDS,
    )


def start_serve(data_dir, port, log):
    return subprocess.Popen(
        [str(DATELINE), "serve", "--port", str(port), "--workers", "2", "--graceful-timeout", "5"],
        env=serve_environment(data_dir),
        cwd=data_dir.parent,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
        start_new_session=True,
    )


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def both_workers_up(process, url):
    return answers(url) and len(children(process.pid)) == 2


@pytest.fixture
def server(tmp_path):
    """`dateline serve` with two workers on a free port, a scratch SQLite data folder."""
    port = free_port()
    collect_static(tmp_path / "var")
    process = start_serve(tmp_path / "var", port, tmp_path / "serve.log")
    url = f"http://127.0.0.1:{port}{PROBE}"
    try:
        wait_until(lambda: both_workers_up(process, url), START_SECONDS, "two workers")
        yield process, url
    finally:
        stop(process)


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


def test_serve_refuses_to_start_without_the_static_files(tmp_path):
    finished = subprocess.run(
        [str(DATELINE), "serve", "--port", str(free_port())],
        env=serve_environment(tmp_path / "var"),
        capture_output=True,
        text=True,
        timeout=START_SECONDS,
    )
    assert finished.returncode != 0
    assert "dateline collectstatic --no-input" in finished.stderr


def test_serve_names_static_files_older_than_the_code(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    assert "have not been collected" in static_files_problem()
    call_command("collectstatic", interactive=False, verbosity=0)
    assert static_files_problem() is None
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    del manifest["paths"]["dateline/site.css"]  # as if built before the file was added
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    assert "older than the code (dateline/site.css is not among them)" in static_files_problem()


def metric_value(url, name, labels):
    """A sample's value from a /metrics page (0 when the series is not there yet)."""
    with urllib.request.urlopen(url, timeout=5) as response:
        families = text_string_to_metric_families(response.read().decode())
    for family in families:
        for sample in family.samples:
            if sample.name == name and labels.items() <= sample.labels.items():
                return sample.value
    return 0


def test_two_servers_started_at_once_on_one_data_folder_both_answer(tmp_path):
    """Each adds up its own two workers' figures and no other server's; a third on a port
    already served from this folder is refused."""
    data = tmp_path / "var"
    collect_static(data)
    ports = [free_port(), free_port()]
    servers = [start_serve(data, port, tmp_path / f"serve-{port}.log") for port in ports]
    try:
        for process, port in zip(servers, ports, strict=True):
            url = f"http://127.0.0.1:{port}/healthz"
            up = lambda process=process, url=url: both_workers_up(process, url)  # noqa: E731
            wait_until(up, START_SECONDS, f"the server on port {port}")
            assert answers(f"http://127.0.0.1:{port}/static/dateline/site.css")
        first, second = (f"http://127.0.0.1:{port}/metrics" for port in ports)
        labels = {"view": "api:openapi", "method": "GET", "status": "2xx"}
        count = "dateline_http_request_duration_seconds_count"
        before = [metric_value(first, count, labels), metric_value(second, count, labels)]
        # Ask the first server ten times, and on until each of its workers has answered.
        asked = 0
        while asked < 10 or len(workers_that_answered(data / "metrics" / str(ports[0]))) < 2:
            assert asked < 200, "one worker never answered"
            assert answers(first.replace("/metrics", PROBE))
            asked += 1
        assert metric_value(first, count, labels) == before[0] + asked
        assert metric_value(second, count, labels) == before[1]
        # A third on the first one's port would share it and empty its figures: refused.
        third = subprocess.run(
            [str(DATELINE), "serve", "--port", str(ports[0])],
            env=serve_environment(data),
            capture_output=True,
            text=True,
            timeout=START_SECONDS,
        )
        assert third.returncode != 0
        assert f"another dateline serve is running on port {ports[0]}" in third.stderr
        assert metric_value(first, count, labels) == before[0] + asked
        assert all(process.poll() is None for process in servers)
    finally:
        for process in servers:
            stop(process)


def workers_that_answered(folder):
    """The worker processes whose metrics files hold an answer from the probed view."""
    answered = set()
    for path in folder.glob("histogram_*.db"):
        values = MmapedDict.read_all_values_from_file(str(path))
        if any('"api:openapi"' in key for key, *_ in values):
            answered.add(path.stem.rpartition("_")[2])
    return answered


def test_with_json_logs_every_line_the_server_writes_is_json(tmp_path):
    data = tmp_path / "var"
    collect_static(data)
    port = free_port()
    log = tmp_path / "serve.log"
    process = subprocess.Popen(
        [str(DATELINE), "serve", "--port", str(port), "--workers", "1", "--access-log"],
        env={**serve_environment(data), "DATELINE_LOG_FORMAT": "json"},
        cwd=tmp_path,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    site = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: answers(f"{site}/healthz"), START_SECONDS, "the server")
        assert not answers(f"{site}/no/such/page/")
    finally:
        stop(process)
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert any(entry["logger"] == "_granian" for entry in entries)  # the server's own
    answered = {
        (entry["logger"], entry.get("path"), entry.get("status"))
        for entry in entries
        if entry.get("method") == "GET"
    }
    assert ("granian.access", "/healthz", 200) in answered
    # No database was made: the page is a 503, told by Django's log and the access log.
    assert ("granian.access", "/no/such/page/", 503) in answered
    assert ("django.request", "/no/such/page/", 503) in answered
