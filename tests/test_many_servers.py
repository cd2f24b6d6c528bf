"""Two app servers, one worker, one PostgreSQL and one Redis: the production shape.

Two `dateline serve` processes on different ports share the database and Redis, with a
`dateline worker` beside them (on Redis, as the settings choose when REDIS_URL is set).
A comment posted through one server is on the other's cached page at once; a session,
the rate limit and surge control are the same whichever server answers; a reply
notification is mailed exactly once.
"""

import http.cookiejar
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import psycopg
import pytest
import redis
from django.conf import settings

from tests.conftest import REQUIRE_REDIS
from tests.core.test_serve import free_port, wait_until

pytestmark = pytest.mark.postgres
DATELINE = Path(sys.executable).with_name("dateline")
REDIS_URL = os.environ.get("DATELINE_MANY_SERVERS_REDIS_URL", "redis://127.0.0.1:6379/13")
STORY = "/world/we-are-winning-in-mali/"
PASSWORD = "correct horse battery staple 42"
READERS = ["first.reader@example.com", "second.reader@example.com", "third.reader@example.com"]


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """Two servers and a worker on a database and a Redis database of their own."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        if REQUIRE_REDIS:
            pytest.fail(f"DATELINE_REQUIRE_REDIS=1 but Redis at {REDIS_URL} is unreachable")
        pytest.skip(f"needs Redis at {REDIS_URL}: {error}")
    store = redis.Redis.from_url(REDIS_URL)
    store.flushdb()
    db = settings.DATABASES["default"]
    name = f"dateline_servers_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(
        host=db["HOST"] or None, port=db["PORT"] or None, user=db["USER"],
        password=db["PASSWORD"] or None, dbname="postgres", autocommit=True,
    )  # fmt: skip
    admin.execute(f'CREATE DATABASE "{name}"')
    data = tmp_path_factory.mktemp("servers")
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}",
        "REDIS_URL": REDIS_URL,
        "DATELINE_DATA_DIR": str(data),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(data / "mail"),
        "SECRET_KEY": "many-servers-" + uuid.uuid4().hex,
        "PAGE_CACHE_LOCAL_SECONDS": "0",
        "TRUSTED_PROXY_HOPS": "1",  # as behind a load balancer: each post from its own address
    }
    processes = []
    try:
        for command in (
            ["migrate", "--no-input", "-v0"],
            ["demo"],
            ["collectstatic", "--no-input", "-v0"],
        ):
            subprocess.run([DATELINE, *command], env=env, check=True, capture_output=True)
        subprocess.run(
            [DATELINE, "shell", "-c", make_readers()], env=env, check=True,
            capture_output=True,
        )  # fmt: skip
        ports = [free_port(), free_port()]
        for port in ports:
            processes.append(subprocess.Popen(
                [DATELINE, "serve", "--port", str(port), "--workers", "1"], env=env,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            ))  # fmt: skip
        log = (data / "worker.log").open("w")
        processes.append(subprocess.Popen(
            [DATELINE, "worker"], env=env, stdout=log, stderr=subprocess.STDOUT
        ))  # fmt: skip
        servers = [f"http://127.0.0.1:{port}" for port in ports]
        for server in servers:
            wait_until(lambda server=server: status(server + "/healthz") == 200, 120, server)
        yield {"servers": servers, "mail": data / "mail", "env": env}
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
        store.flushdb()


def make_readers():
    return (
        "from django.contrib.auth import get_user_model\n"
        f"for n, email in enumerate({READERS!r}):\n"
        "    get_user_model().objects.create_user(username=email, email=email,\n"
        f"        password={PASSWORD!r}, display_name=f'Server Reader {{\"ABC\"[n]}}',\n"
        "        email_verified=True, is_verified=True)\n"  # trusted: not held as new
    )


def status(url, **kwargs):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, **kwargs), timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return None


def fetch(url, *, data=None, headers=None, opener=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=20) as answer:
            return answer.status, answer.headers, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def token(server, email):
    body = json.dumps({"email": email, "password": PASSWORD}).encode()
    code, _, text = fetch(
        server + "/api/v1/auth/token", data=body, headers={"Content-Type": "application/json"}
    )
    assert code == 200, text
    return json.loads(text)["token"]


def page_id(server):
    code, _, html = fetch(server + STORY)
    assert code == 200
    return int(re.search(r"/comments/pages/(\d+)/", html).group(1))


ADDRESSES = (f"192.0.2.{n}" for n in range(1, 250))


def post(server, key, page, text, parent=None):
    body = {"body": text, **({"parent": parent} if parent else {})}
    return fetch(
        f"{server}/api/v1/pages/{page}/comments",
        data=json.dumps(body).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {key}",
            "X-Forwarded-For": next(ADDRESSES),
        },
    )


def shell(production, code):
    done = subprocess.run(
        [DATELINE, "shell", "-c", code], env=production["env"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def test_a_comment_posted_on_one_server_is_on_the_others_cached_page(production):
    one, two = production["servers"]
    page = page_id(two)
    fetch(two + STORY)  # the page is in the cache now
    key = token(one, READERS[0])
    text = f"Posted through the first server, {uuid.uuid4().hex[:6]}."
    code, _, answer = post(one, key, page, text)
    assert code == 201, answer
    assert json.loads(answer)["comment"]["status"] == "published", answer
    wait_until(lambda: text in fetch(two + STORY)[2], 5, "the comment on the second server")


def test_a_session_from_one_server_works_on_the_other(production):
    one, two = production["servers"]
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _, _, form = fetch(one + "/accounts/login/", opener=browser)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    fields = (
        f"username={READERS[1]}&password={PASSWORD.replace(' ', '+')}&csrfmiddlewaretoken={csrf}"
    )
    fetch(
        one + "/accounts/login/",
        data=fields.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": one + "/"},
        opener=browser,
    )
    for cookie in list(jar):  # the same cookies, sent to the other server
        jar.set_cookie(http.cookiejar.Cookie(
            cookie.version, cookie.name, cookie.value, None, False, "127.0.0.1", False, False,
            "/", True, False, None, False, None, None, {},
        ))  # fmt: skip
    _, _, html = fetch(two + "/notifications/", opener=browser)
    assert "Notifications" in html and "Log in" not in html.split("<main", 1)[-1][:2000]


def test_the_rate_limit_is_shared(production):
    one, two = production["servers"]
    page, key = page_id(one), token(one, READERS[2])
    codes = [
        post((one, two)[n % 2], key, page, f"Quick thought number {n} on the {word}.")[0]
        for n, word in enumerate(["airlift", "budget", "tankers", "roads", "schools", "rain"])
    ]
    assert codes[:5] == [201] * 5 and codes[5] == 429  # the sixth, whichever server


def test_a_reply_is_mailed_exactly_once(production):
    one, two = production["servers"]
    page = page_id(one)
    first, second = token(one, READERS[0]), token(two, READERS[1])
    time.sleep(3.5)  # past the rate limit of the earlier tests
    _, _, answer = post(one, first, page, "Which server answers does not matter.")
    parent = json.loads(answer)["comment"]["id"]
    code, _, answer = post(two, second, page, "It should not, no.", parent=parent)
    assert code == 201, answer

    def mailed():
        files = list(production["mail"].glob("*.log")) if production["mail"].exists() else []
        return [f for f in files if f"To: {READERS[0]}" in f.read_text()]

    try:
        wait_until(lambda: mailed(), 60, "the worker to mail the reply")
    finally:
        print((production["mail"].parent / "worker.log").read_text()[-3000:])
    time.sleep(3)  # a second copy would come now
    assert len(mailed()) == 1


def test_surge_control_is_shared(production):
    """Comments spread over both servers add up to one surge, which both then apply."""
    one, two = production["servers"]
    page = page_id(one)
    shell(
        production,
        "from dateline.screening.models import ScreeningSettings\n"
        "from wagtail.models import Site\n"
        "s = ScreeningSettings.for_site(Site.objects.get(is_default_site=True))\n"
        "s.surge_comments_per_minute = 4\n"
        "s.save()",
    )
    keys = [token(one, email) for email in READERS]
    time.sleep(3.5)
    for n in range(6):
        post((one, two)[n % 2], keys[n % 3], page, f"Surge comment {n} about the {n} tankers.")
    surges = shell(
        production,
        "from dateline.screening.models import Surge\n"
        f"print(Surge.objects.filter(page_id={page}, ended__isnull=True).count())",
    )
    assert surges == "1"
    time.sleep(3.5)
    code, _, answer = post(two, keys[0], page, "After the surge began, on the other server.")
    assert code == 201 and json.loads(answer)["comment"]["status"] == "held"
