from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "dateline.audit"
    label = "audit"
