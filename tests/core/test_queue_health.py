"""The task queue in /readyz and /metrics, and comments counted by decision."""

import pytest

from dateline.core.models import FailedTask

pytestmark = pytest.mark.django_db


def test_readyz_names_the_queue(client):
    answer = client.get("/readyz", REMOTE_ADDR="127.0.0.1")
    assert answer.status_code == 200 and answer.json()["checks"]["queue"] == "ok"


def test_metrics_show_the_queue_and_comment_decisions(client, settings):
    settings.TASKS = {**settings.TASKS, "queue": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    FailedTask.objects.create(name="x", attempts=5, error="boom")
    text = client.get("/metrics", REMOTE_ADDR="127.0.0.1").content.decode()
    assert 'dateline_tasks_failed{queue="queue"} 1.0' in text
    assert 'dateline_tasks_queued{queue="queue"}' in text
    assert "dateline_comments_total" in text and "dateline_screening_seconds" in text


def test_readyz_says_when_the_queue_is_unreachable(client, settings):
    settings.TASK_BACKEND = "redis"
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0"}}  # nothing listens
    answer = client.get("/readyz", REMOTE_ADDR="127.0.0.1")
    assert answer.status_code == 503 and answer.json()["failing"] == ["queue"]


def test_cache_hits_on_the_fast_path_are_timed(monkeypatch):
    from dateline.core import metrics
    from dateline.core.pagecache import PageCacheApplication

    app = PageCacheApplication(lambda environ, start: [b"from django"])
    entry = {"status": 200, "headers": [("Content-Type", "text/html")], "content": b"cached"}
    monkeypatch.setattr(app, "lookup", lambda environ: entry)
    counted = metrics.REQUEST_SECONDS.labels(view="pagecache", method="GET", status="2xx")
    before = counted._sum.get()
    body = app({"REQUEST_METHOD": "GET", "PATH_INFO": "/"}, lambda status, headers: None)
    assert body == [b"cached"] and counted._sum.get() > before
