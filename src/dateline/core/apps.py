from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "dateline.core"
    label = "core"

    def ready(self):
        from . import background, health, metrics

        health.register_check("queue", background.check_queue)
        metrics.register_collector("tasks", background.readings)
