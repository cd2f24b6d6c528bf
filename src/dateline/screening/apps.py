from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "dateline.screening"
    label = "screening"

    def ready(self):
        from . import signals  # noqa: F401 (connects the receivers)
