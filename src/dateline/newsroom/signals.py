"""Publishing changes what readers see: drop the cached pages."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from dateline.core.pagecache import invalidate_site


@receiver(page_published)
@receiver(page_unpublished)
def publication_changed(sender, instance, **kwargs):
    invalidate_site()
