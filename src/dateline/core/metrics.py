"""The site's figures for Prometheus, read at /metrics by the machine itself and by staff.

`dateline serve` runs several worker processes; each keeps its figures in files under
PROMETHEUS_MULTIPROC_DIR (set by serve, cleared at each start), and /metrics adds up every
worker's files, whichever worker answers. Without that variable (tests, one process) the
figures live in this process.

Apps above core feed the figures through the functions below: `count_comment` and
`time_screening` as comments are posted, and a collector registered with
`register_collector` that reports the task queue each time /metrics is read.
"""

import ipaddress
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

logger = logging.getLogger(__name__)

COMMENT_DECISIONS = ("publish", "hold", "reject", "refused")
# Any other method (a client may send anything) is counted as "other", so that the
# number of series stays bounded.
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))
# Set by a reverse proxy: a request that carries one came from elsewhere through it, even
# though its peer (the proxy) is this machine.
PROXY_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP")

REQUEST_SECONDS = Histogram(
    "dateline_http_request_duration_seconds",
    "Time Django took to answer, by view, method and status class.",
    ["view", "method", "status"],
    registry=None,
)
COMMENTS = Counter(
    "dateline_comments",
    "Comments posted, by what screening decided (refused: too fast or a repeat, not stored).",
    ["decision"],
    registry=None,
)
SCREENING_SECONDS = Histogram(
    "dateline_screening_seconds",
    "Time taken to screen one comment (rules and models).",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
    registry=None,
)
for decision in COMMENT_DECISIONS:
    COMMENTS.labels(decision=decision)  # every decision shown from the start, at 0


def count_comment(*, decision: str) -> None:
    """One more comment with this outcome: publish, hold, reject or refused."""
    if decision not in COMMENT_DECISIONS:
        raise ValueError(f"unknown comment decision {decision!r}: one of {COMMENT_DECISIONS}")
    COMMENTS.labels(decision=decision).inc()


def time_screening():
    """A context manager (or decorator) that records how long screening took."""
    return SCREENING_SECONDS.time()


@dataclass(frozen=True)
class QueueReading:
    """One queue's figures at the moment /metrics is read."""

    queue: str
    queued: int  # waiting to run
    failed: int  # failed for good, left for staff to see


COLLECTORS: dict[str, Callable[[], Iterable[QueueReading]]] = {}


def register_collector(name: str, collect: Callable[[], Iterable[QueueReading]]) -> None:
    """Add (or replace) a function that reports queues; it is called at each read of /metrics."""
    COLLECTORS[name] = collect


class QueueCollector:
    """The queues' figures, asked for when /metrics is read (gauges of the moment)."""

    def collect(self):
        queued = GaugeMetricFamily(
            "dateline_tasks_queued", "Tasks waiting to run.", labels=["queue"]
        )
        failed = GaugeMetricFamily(
            "dateline_tasks_failed", "Tasks that failed for good.", labels=["queue"]
        )
        for name, collect in COLLECTORS.items():
            try:
                readings = list(collect())
            except Exception:  # a broken collector must not hide the other figures
                logger.warning("Metrics collector %r failed.", name, exc_info=True)
                continue
            for reading in readings:
                queued.add_metric([reading.queue], reading.queued)
                failed.add_metric([reading.queue], reading.failed)
        yield queued
        yield failed


def exposition() -> bytes:
    """Every figure in Prometheus' text format, summed over all workers under serve."""
    registry = CollectorRegistry(auto_describe=False)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        MultiProcessCollector(registry)
    else:
        for metric in (REQUEST_SECONDS, COMMENTS, SCREENING_SECONDS):
            registry.register(metric)
    registry.register(QueueCollector())
    return generate_latest(registry)


def may_read(request) -> bool:
    """Staff, or a request made from this machine or a trusted network (peer_may_read)."""
    return peer_may_read(request) or (request.user.is_authenticated and request.user.is_staff)


def peer_may_read(request) -> bool:
    """The request was made from this machine or a trusted network (METRICS_ALLOW).

    The peer address is the one the connection came from, never a forwarded header; a
    request that came through a proxy is not local, even when the proxy is.
    """
    if any(header in request.META for header in PROXY_HEADERS):
        return False
    try:
        peer = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    if peer.version == 6 and peer.ipv4_mapped:
        peer = peer.ipv4_mapped
    return any(peer in network for network in (*LOOPBACK, *settings.METRICS_ALLOW))


class RequestMetricsMiddleware:
    """Times every request Django answers, labelled by the view that matched it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = request.resolver_match
        if match is not None:
            view = match.view_name
        elif response.get("X-Page-Cache") == "hit":
            view = "pagecache"
        else:
            view = "unmatched"
        observe_request(
            view=view,
            method=request.method,
            status=response.status_code,
            seconds=time.perf_counter() - started,
        )
        return response


def observe_request(*, view: str, method: str, status: int, seconds: float) -> None:
    """One answered request in the latency histogram (Django's, or the cache's fast path)."""
    REQUEST_SECONDS.labels(
        view=view, method=method if method in METHODS else "other", status=f"{status // 100}xx"
    ).observe(seconds)
