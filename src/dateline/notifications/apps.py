from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "dateline.notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from dateline.comments import hooks

        from . import actions

        hooks.visible.register(actions.comment_appeared)
        hooks.ruling.register(actions.comment_ruled)
