"""Read path: an article page served by dateline next to nginx serving the same bytes.

Builds the demo site in a scratch folder, serves it with `dateline serve` (granian,
2 workers), saves the article's HTML as a static file for nginx (2 workers), and loads
each with wrk at 32 connections. Prints requests/s, p50 and p99 latency, and the ratio.
The article is also asked for as a link from elsewhere arrives (campaign tags and a
click id: the same cached page) and with a parameter no page reads (a redirect to the
plain address), each beside the plain address.

Needs nginx and wrk (Debian: `apt-get install nginx wrk`). Usage:
    .venv/bin/python benchmarks/read_path.py [--seconds 10] [--redis redis://127.0.0.1:6379/9]
"""

import argparse
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ARTICLE = "/world/we-are-winning-in-mali/"
TRACKED = "?utm_source=x&utm_medium=social&fbclid=IwAR0benchmark_click_id_0123456789"
UNKNOWN = "?x=1"
CONNECTIONS = 32
NGINX_CONF = """
worker_processes 2;
daemon off;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/tmp;
    proxy_temp_path {root}/tmp;
    fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp;
    scgi_temp_path {root}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {root}/www;
        index index.html;
        default_type "text/html; charset=utf-8";
    }}
}}
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gave up waiting for {url}")


def status_and_location(url):
    """The status and Location of one GET, redirects not followed."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", f"{parts.path}?{parts.query}")
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def to_ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url, seconds):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = to_ms(*re.search(r"50%\s+([\d.]+)(us|ms|s)", output).groups())
    p99 = to_ms(*re.search(r"99%\s+([\d.]+)(us|ms|s)", output).groups())
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        sys.exit(f"{url}: {errors.group(1)} error responses\n{output}")
    return rate, p50, p99


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--redis", default="", help="REDIS_URL for dateline's cache")
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} is needed: apt-get install {tool}")

    root = Path(tempfile.mkdtemp(prefix="dateline-read-path-"))
    (root / "tmp").mkdir()
    env = {**os.environ, "DATELINE_DATA_DIR": str(root / "data"), "LOG_LEVEL": "ERROR"}
    if args.redis:
        env["REDIS_URL"] = args.redis
    dateline = str(Path(sys.executable).with_name("dateline"))
    subprocess.run([dateline, "migrate", "-v0"], env=env, check=True)
    subprocess.run([dateline, "collectstatic", "--no-input", "-v0"], env=env, check=True)
    subprocess.run([dateline, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)

    app_port, nginx_port = free_port(), free_port()
    with open(root / "server.log", "w") as server_log:
        server = subprocess.Popen(
            [dateline, "serve", "--port", str(app_port), "--workers", "2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=server_log,
        )
    nginx = None
    try:
        app_url = f"http://127.0.0.1:{app_port}{ARTICLE}"
        wait_for(app_url)
        body = wait_for(app_url)  # the second request is the cached copy
        page_file = root / "www" / ARTICLE.strip("/") / "index.html"
        page_file.parent.mkdir(parents=True)
        page_file.write_bytes(body)
        for folder in [root, *page_file.relative_to(root).parents]:
            (root / folder).chmod(0o755)  # nginx's workers run as an unprivileged user
        (root / "nginx.conf").write_text(NGINX_CONF.format(root=root, port=nginx_port))
        nginx = subprocess.Popen(
            [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(root / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        nginx_url = f"http://127.0.0.1:{nginx_port}{ARTICLE}"
        assert wait_for(nginx_url) == body
        assert wait_for(app_url + TRACKED) == body  # the plain page's entry
        assert status_and_location(app_url + UNKNOWN) == (301, ARTICLE)

        print(
            f"article page, {len(body):,} bytes, {CONNECTIONS} connections, {args.seconds} s each"
        )
        print(f"cache: {'redis' if args.redis else 'file'}")
        print(f"tracked link: {TRACKED}; unknown parameter: {UNKNOWN} (answered 301)")
        results = {}
        for name, url in (
            ("nginx (static file)", nginx_url),
            ("dateline", app_url),
            ("dateline, tracked", app_url + TRACKED),
            ("dateline, unknown", app_url + UNKNOWN),
        ):
            results[name] = run_wrk(url, args.seconds)
        print(f"{'server':<22}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}")
        for name, (rate, p50, p99) in results.items():
            print(f"{name:<22}{rate:>10.0f}{p50:>10.2f}{p99:>10.2f}")
        ratio = results["dateline"][0] / results["nginx (static file)"][0]
        print(f"dateline / nginx throughput: {ratio:.2f} (target 0.50)")
        for name in ("dateline, tracked", "dateline, unknown"):
            print(f"{name} / plain address: {results[name][0] / results['dateline'][0]:.2f}")
    finally:
        server.terminate()
        if nginx:
            nginx.terminate()
        server.wait()
        if sys.exc_info()[0] is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
