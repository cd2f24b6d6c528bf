"""WSGI entry point for production servers: cached pages first, then Django."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")

django_application = get_wsgi_application()

from dateline.core.pagecache import PageCacheApplication  # noqa: E402  (needs settings)

application = PageCacheApplication(django_application)
