from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "dateline.newsroom"
    label = "newsroom"

    def ready(self):
        from . import signals  # noqa: F401
