"""What readers see changed: drop the cached pages (and the parts kept for logged-in
readers, `{% kept %}`), once the change is committed."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished

from dateline.core.pagecache import invalidate_site

from .models import Author, EditionSettings


@receiver(page_published)
@receiver(page_unpublished)
def publication_changed(sender, instance, **kwargs):
    transaction.on_commit(invalidate_site)


def shown_on_pages_changed(sender, **kwargs):
    """An author's name, the edition's time zones, a picture or the site's address is on
    published pages without being a page: changing one is a publication too."""
    transaction.on_commit(invalidate_site)


for model in (Author, EditionSettings, Site, get_image_model()):
    post_save.connect(shown_on_pages_changed, sender=model, dispatch_uid=f"shown:{model.__name__}")
    post_delete.connect(shown_on_pages_changed, sender=model, dispatch_uid=f"gone:{model.__name__}")
