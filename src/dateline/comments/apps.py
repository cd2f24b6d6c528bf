from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "dateline.comments"
    label = "comments"

    def ready(self):
        # Accounts does not import comments: it calls what comments registers here.
        from dateline.accounts import hooks

        from . import actions, export

        hooks.account_deleted.register(actions.delete_all_by_author)
        hooks.data_export.register(export.user_data)
        hooks.imported_profile_claimed.register(actions.move_to_claimer)
