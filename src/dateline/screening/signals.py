"""The site's screening settings changed: what was worked out from them (each story's
`policy.Policy`, kept per site version by `core.published`) must be worked out again, on
every app server, once the change is committed."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from dateline.core.pagecache import invalidate_site

from .models import ScreeningSettings


def settings_changed(sender, **kwargs):
    transaction.on_commit(invalidate_site)


post_save.connect(settings_changed, sender=ScreeningSettings, dispatch_uid="screening:saved")
post_delete.connect(settings_changed, sender=ScreeningSettings, dispatch_uid="screening:gone")
