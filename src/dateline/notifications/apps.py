from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "dateline.notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from dateline.comments import hooks

        from . import actions

        hooks.on_visible(actions.comment_appeared)
        hooks.on_ruling(actions.comment_ruled)
