"""The sitemap lists every live page in every language edition, at the address it was
asked on (the Site record in the CMS may still say localhost), or at SITE_URL when set."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllEditionsSitemap(Sitemap):
    def items(self):
        return Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        base = settings.SITE_URL.rstrip("/")
        for url in urls:
            path = urlsplit(url["location"]).path
            url["location"] = base + path if base else self.request.build_absolute_uri(path)
        return urls
