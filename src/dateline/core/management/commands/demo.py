"""`dateline demo`: load the demo site once; running it again changes nothing."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app's `demo.load(stdout)` adds its part; order matters (comments need pages and users).
DEMO_LOADERS = [
    "dateline.newsroom.demo",
    "dateline.accounts.demo",
    "dateline.comments.demo",
]


class Command(BaseCommand):
    help = "Load the demo newsroom, accounts and comment threads (idempotent)."

    def handle(self, *args, **options):
        for module_name in DEMO_LOADERS:
            with transaction.atomic():
                import_module(module_name).load(self.stdout)
