"""What operators and their machines ask: is it alive, is it ready, what are its figures.

ProbeMiddleware, first in MIDDLEWARE, answers /healthz and /readyz, and /metrics to this
machine and the trusted networks, before anything else runs: a load balancer, a container
health check or a metrics scraper asks by address (a Host the site does not serve, which
Django would refuse) and over plain HTTP (never redirected to HTTPS), and these answers
never go near the page cache. Staff read /metrics through its URL, logged in as usual.
None of these answers is cached.
"""

from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import CONTENT_TYPE_LATEST

from . import health, metrics


@never_cache
@require_safe
def healthz(request):
    """Alive: the process answers. Touches neither the database nor the cache."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_safe
def readyz(request):
    """Ready: every service the site stands on answers (503 naming those that do not)."""
    results = health.run_checks()
    failing = [name for name, ok in results.items() if not ok]
    body = {
        "status": "unavailable" if failing else "ok",
        "checks": {name: "ok" if ok else "failing" for name, ok in results.items()},
    }
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=503 if failing else 200)


@never_cache
@require_safe
def metrics_page(request):
    if not metrics.may_read(request):
        return HttpResponseForbidden(
            "Metrics are readable from this machine and by staff only.", content_type="text/plain"
        )
    return HttpResponse(metrics.exposition(), content_type=CONTENT_TYPE_LATEST)


PROBES = {"/healthz": healthz, "/readyz": readyz}


class ProbeMiddleware:
    """Answers the probes, and the machine's own metrics, before the host check."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe is not None:
            return probe(request)
        if request.path_info == "/metrics" and metrics.peer_may_read(request):
            return metrics_page(request)
        return self.get_response(request)
