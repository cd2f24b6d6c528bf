"""`dateline train-screening`: rebuild the toxicity and spam model files from the shared data."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dateline.screening import classifiers
from dateline.screening.training import DataError, train


def default_data_dir():
    """DATELINE_TRAINING_DATA, else ../shared/data beside the repository."""
    repository = Path(__file__).resolve().parents[5]
    return os.environ.get("DATELINE_TRAINING_DATA") or str(repository.parent / "shared" / "data")


class Command(BaseCommand):
    help = "Train the screening models from ../shared/data (deterministic: same data, same files)."

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", default=None, help="the labelled data (see its README)")
        parser.add_argument("--out", default=str(classifiers.TRAINED), help="where to write")

    def handle(self, *args, **options):
        data_dir = options["data_dir"] or default_data_dir()
        try:
            train(data_dir, options["out"], report=self.stdout.write)
        except DataError as error:
            raise CommandError(f"{error}. Point --data-dir at the shared data folder.") from error
