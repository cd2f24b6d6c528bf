from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "dateline.comments"
    label = "comments"

    def ready(self):
        # Accounts does not import comments: it calls what comments registers here.
        from dateline.accounts import hooks

        from . import actions, export

        hooks.on_account_delete(actions.delete_all_by_author)
        hooks.on_data_export(export.user_data)
