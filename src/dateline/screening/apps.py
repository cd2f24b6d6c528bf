from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "dateline.screening"
    label = "screening"
