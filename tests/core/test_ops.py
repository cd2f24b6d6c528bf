"""What operators ask of the site: /healthz, /readyz, /metrics, JSON logs, the deploy check."""

import ipaddress
import json
import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

from dateline.core import health, metrics
from dateline.core.logs import JsonFormatter, RequestContextMiddleware
from tests.factories import make_person

pytestmark = pytest.mark.django_db

DATELINE = Path(sys.executable).with_name("dateline")
REMOTE = "203.0.113.7"


def figures(response):
    """{(sample name, sorted labels): value} from a /metrics answer."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


def test_healthz_answers_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]
    assert client.post("/healthz").status_code == 405


def test_readyz_names_each_check(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and {"database", "cache"} <= set(body["checks"])
    assert set(body["checks"].values()) == {"ok"}


def test_readyz_is_503_naming_a_failing_check(client, monkeypatch, caplog):
    def queue_down():
        raise ConnectionError("no broker at queue.internal:6379")

    monkeypatch.setitem(health.CHECKS, "queue", queue_down)
    health.register_check("queue", queue_down)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["queue"]
    assert body["checks"]["queue"] == "failing" and body["checks"]["database"] == "ok"
    assert "queue.internal" not in response.content.decode()  # logged, never shown
    assert "queue.internal" in caplog.text


def test_readyz_sees_a_cache_that_drops_what_it_is_given(client, settings):
    """The Redis cache ignores its errors and reads as empty: that is not ready."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "::ffff:127.0.0.1"])
def test_metrics_are_readable_from_this_machine(address):
    response = Client(REMOTE_ADDR=address).get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")


@pytest.mark.parametrize(
    "headers",
    [
        {"REMOTE_ADDR": REMOTE},
        # Through a proxy on this machine: the peer is local, the reader is not.
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": REMOTE},
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": REMOTE},
        {"REMOTE_ADDR": "not an address"},
    ],
)
def test_metrics_are_refused_to_anyone_else(headers, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    response = Client(**headers).get("/metrics")
    assert response.status_code == 403
    assert b"dateline_" not in response.content


def test_metrics_are_readable_from_a_trusted_network(settings):
    settings.METRICS_ALLOW = [ipaddress.ip_network("203.0.113.0/24")]
    assert Client(REMOTE_ADDR=REMOTE).get("/metrics").status_code == 200
    assert Client(REMOTE_ADDR="198.51.100.1").get("/metrics").status_code == 403


def test_metrics_are_readable_by_staff_from_anywhere():
    remote = Client(REMOTE_ADDR=REMOTE)
    remote.force_login(make_person("Metrics Reader"))
    assert remote.get("/metrics").status_code == 403
    remote.force_login(make_person("Metrics Editor", is_staff=True))
    assert remote.get("/metrics").status_code == 200


def test_metrics_count_requests_comments_screening_and_queues(client, monkeypatch):
    labels = (("method", "GET"), ("status", "2xx"), ("view", "api:openapi"))
    count = ("dateline_http_request_duration_seconds_count", labels)
    before = figures(client.get("/metrics"))
    client.get("/api/v1/openapi.json")
    client.get("/api/v1/openapi.json")
    metrics.count_comment(decision="hold")
    with metrics.time_screening():
        pass

    def queue():
        return [metrics.QueueReading(queue="default", queued=3, failed=1)]

    def broken():
        raise RuntimeError("the queue's table is missing")

    monkeypatch.setitem(metrics.COLLECTORS, "tasks", queue)
    metrics.register_collector("tasks", queue)
    monkeypatch.setitem(metrics.COLLECTORS, "broken", broken)
    after = figures(client.get("/metrics"))

    assert after[count] == before.get(count, 0) + 2
    hold = ("dateline_comments_total", (("decision", "hold"),))
    assert after[hold] == before[hold] + 1
    for decision in metrics.COMMENT_DECISIONS:
        assert ("dateline_comments_total", (("decision", decision),)) in after
    screened = ("dateline_screening_seconds_count", ())
    assert after[screened] == before[screened] + 1
    assert after[("dateline_tasks_queued", (("queue", "default"),))] == 3
    assert after[("dateline_tasks_failed", (("queue", "default"),))] == 1


def test_unknown_views_and_methods_do_not_make_new_series(client):
    client.generic("BREW", "/api/v1/openapi.json")
    client.get("/no/such/page/")
    names = figures(client.get("/metrics"))
    series = {dict(labels).get("method") for name, labels in names if "http_request" in name}
    assert "BREW" not in series and "other" in series


def test_a_comment_decision_outside_the_list_is_refused():
    with pytest.raises(ValueError, match="unknown comment decision"):
        metrics.count_comment(decision="maybe")


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_django_request_log_as_json(client, caplog):
    caplog.set_level(logging.WARNING, logger="django.request")
    client.get("/no/such/page/")
    record = next(record for record in caplog.records if record.name == "django.request")
    entry = json.loads(JsonFormatter().format(record))
    assert entry["level"] == "WARNING" and entry["logger"] == "django.request"
    assert entry["message"] == "Not Found: /no/such/page/"
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/no/such/page/", 404)
    assert entry["time"].endswith("+00:00")


def test_app_logs_written_during_a_request_name_it(rf):
    """Records are formatted as they are written, while the request is being answered."""
    lines = []

    def log(level, message, exc_info=None):
        record = logging.LogRecord("dateline", level, __file__, 1, message, None, exc_info)
        lines.append(json.loads(JsonFormatter().format(record)))

    def view(request):
        log(logging.WARNING, "a surge started")
        try:
            raise RuntimeError("broken")
        except RuntimeError:
            log(logging.ERROR, "it broke", sys.exc_info())

    RequestContextMiddleware(view)(rf.post("/comments/post/"))
    log(logging.INFO, "idle")
    during, failed, after = lines
    assert (during["method"], during["path"]) == ("POST", "/comments/post/")
    assert "status" not in during
    assert failed["path"] == "/comments/post/" and "RuntimeError: broken" in failed["exception"]
    assert "path" not in after


def test_the_access_log_fields_become_json_fields():
    fields = {"method": "GET", "path": "/", "status": 200, "addr": "127.0.0.1", "dt_ms": 1.5}
    record = logging.LogRecord(
        "granian.access", logging.INFO, __file__, 1, '"%(method)s %(path)s" %(status)d', (), None
    )
    record.args = fields  # as the server's access log passes them
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == '"GET /" 200'
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/", 200)


def dateline(*args, environment, cwd):
    env = {
        name: value
        for name, value in os.environ.items()
        # the suite's own switches (the browser tests allow sync calls in async code) stay here
        if name
        not in (
            "DATABASE_URL",
            "REDIS_URL",
            "DJANGO_SETTINGS_MODULE",
            "DEBUG",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        )
    }
    env.update(environment)
    env["DATELINE_DATA_DIR"] = str(cwd / "var")
    return subprocess.run(
        [str(DATELINE), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_every_log_line_is_json_when_asked(tmp_path):
    said = "import logging; logging.getLogger('dateline.core').error('Ünïcode %s', 1)"
    finished = dateline(
        "shell", "-c", said, environment={"DATELINE_LOG_FORMAT": "json"}, cwd=tmp_path
    )
    assert finished.returncode == 0, finished.stderr
    (entry,) = json_lines(finished.stderr)
    assert entry["message"] == "Ünïcode 1" and entry["logger"] == "dateline.core"
    plain = dateline("shell", "-c", said, environment={}, cwd=tmp_path)
    assert "ERROR dateline.core: Ünïcode 1" in plain.stderr


def test_log_level_quiets_django_own_warnings_too(tmp_path):
    """A flood of refused posts is a warning each from django.request: LOG_LEVEL=ERROR
    must quiet them as it quiets the site's own."""
    said = "import logging; logging.getLogger('django.request').warning('Too Many Requests')"
    assert "Too Many Requests" in dateline("shell", "-c", said, environment={}, cwd=tmp_path).stderr
    quiet = dateline("shell", "-c", said, environment={"LOG_LEVEL": "ERROR"}, cwd=tmp_path)
    assert quiet.returncode == 0 and "Too Many Requests" not in quiet.stderr


def test_a_log_format_that_does_not_exist_is_refused(tmp_path):
    finished = dateline("check", environment={"DATELINE_LOG_FORMAT": "xml"}, cwd=tmp_path)
    assert finished.returncode != 0
    assert "DATELINE_LOG_FORMAT must be text or json" in finished.stderr


def documented_environment():
    """The production environment written in docs/deploy.md, with a key of its own."""
    guide = (Path(__file__).parents[2] / "docs" / "deploy.md").read_text()
    block = guide.split("## The environment", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    lines = [line for line in block.splitlines() if line and not line.startswith("#")]
    return {**dict(line.split("=", 1) for line in lines), "SECRET_KEY": secrets.token_urlsafe(50)}


def test_the_deploy_check_passes_with_the_production_environment(tmp_path):
    args = ("check", "--deploy", "--fail-level", "WARNING")
    production = documented_environment()
    assert production["DEBUG"] == "0" and production["SECURE_SSL_REDIRECT"] == "1"
    finished = dateline(*args, environment=production, cwd=tmp_path)
    assert finished.returncode == 0, finished.stderr
    assert "no issues" in finished.stdout
    # and the switches matter: without them the check fails
    plain = dateline(*args, environment={"SECRET_KEY": production["SECRET_KEY"]}, cwd=tmp_path)
    assert plain.returncode != 0
    assert "SECURE_SSL_REDIRECT" in plain.stderr and "SESSION_COOKIE_SECURE" in plain.stderr


def test_probes_answer_by_address_and_over_http(settings):
    """Load balancers, container health checks and scrapers ask by address over HTTP."""
    settings.ALLOWED_HOSTS = ["news.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    by_address = Client(HTTP_HOST="10.0.0.5:8000")
    for path in ("/healthz", "/readyz", "/metrics"):
        assert by_address.get(path).status_code == 200, path
    assert by_address.get("/accounts/login/").status_code == 400  # the host check still holds
    site = Client(HTTP_HOST="news.example.org")
    assert site.get("/accounts/login/").status_code == 301
    staff = Client(HTTP_HOST="news.example.org", REMOTE_ADDR=REMOTE)
    staff.force_login(make_person("Metrics Staff", is_staff=True))
    assert staff.get("/metrics").status_code == 301  # staff read it over HTTPS
    assert staff.get("/metrics", secure=True).status_code == 200
