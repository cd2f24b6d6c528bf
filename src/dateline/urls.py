"""The site's URL map: each app mounts its own urls; Wagtail serves the page tree last."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from dateline.core import api, probes

urlpatterns = [
    # /healthz and /readyz are answered by core.probes.ProbeMiddleware; staff read this.
    path("metrics", probes.metrics_page, name="metrics"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("dateline.accounts.urls")),
    path("comments/", include("dateline.comments.urls")),
    path("moderation/", include("dateline.moderation.urls")),
    path("notifications/", include("dateline.notifications.urls")),
    path("api/v1/auth/", include("dateline.accounts.api_urls")),
    path("api/v1/", include("dateline.comments.api_urls")),
    # Any other API path: a JSON 404. Matching it also stops the slash-appending redirect.
    re_path(r"^api/v1/", api.not_found),
    path("", include("dateline.newsroom.urls")),
]

handler400 = api.bad_request
handler500 = "dateline.core.errors.server_error"

if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

# Pages in other languages live under their prefix (/ar/...); English has none.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
