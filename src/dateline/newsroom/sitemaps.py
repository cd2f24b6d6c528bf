"""The sitemap lists every live page in every language edition."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllEditionsSitemap(Sitemap):
    def items(self):
        return Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")
