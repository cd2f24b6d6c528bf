"""WSGI entry point for production servers: cached pages first, then Django."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")

django_application = get_wsgi_application()

from django.conf import settings  # noqa: E402

from dateline.core.pagecache import PageCacheApplication  # noqa: E402  (needs settings)
from dateline.screening.pipeline import warm_up  # noqa: E402

if settings.SCREENING_ENABLED:  # the models are read before the first reader posts
    warm_up()

application = PageCacheApplication(django_application)
