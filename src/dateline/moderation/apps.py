from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "dateline.moderation"
    label = "moderation"
