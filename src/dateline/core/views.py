"""What operators and their machines ask: is it alive, is it ready, what are its figures.

None of these answers is ever cached, and none is redirected to HTTPS (settings:
SECURE_REDIRECT_EXEMPT), so that a load balancer or a scraper on the machine may ask over
plain HTTP.
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
