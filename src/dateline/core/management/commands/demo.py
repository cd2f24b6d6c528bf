"""`dateline demo`: load the demo site once; running it again changes nothing."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


def demo_modules():
    """Each app's `demo` module, in INSTALLED_APPS order: the layers, bottom first, so
    that comments find their stories and readers."""
    for config in apps.get_app_configs():
        if config.name.startswith("dateline.") and module_has_submodule(config.module, "demo"):
            yield import_module(f"{config.name}.demo")


class Command(BaseCommand):
    help = "Load the demo newsroom, accounts and comment threads (idempotent)."

    def handle(self, *args, **options):
        for module in demo_modules():
            with transaction.atomic():
                module.load(self.stdout)
