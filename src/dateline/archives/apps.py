from django.apps import AppConfig


class ArchivesConfig(AppConfig):
    name = "dateline.archives"
    label = "archives"
    verbose_name = "Comment archives"
