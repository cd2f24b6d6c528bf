from django.apps import AppConfig
from django.db.models.signals import post_save


class AccountsConfig(AppConfig):
    name = "dateline.accounts"
    label = "accounts"

    def ready(self):
        # The newsroom sits below accounts and cannot call it: a saved byline reaches
        # accounts through this signal, so that its name is reserved at once.
        from dateline.newsroom.models import Author

        post_save.connect(byline_saved, sender=Author, dispatch_uid="accounts.byline_saved")


def byline_saved(sender, instance, raw=False, **kwargs):
    if not raw:  # fixtures being loaded are not an editor's change
        from .actions import reserve_byline

        reserve_byline(author=instance)
