"""`dateline train-screening`: rebuild the toxicity and spam model files from labelled data."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dateline.screening import classifiers
from dateline.screening.corpora import DataError

# Training needs scikit-learn, numpy and scipy, which the running site does not: they come
# with the `train` extra, and the training module is imported only when this command runs.
TRAINING_PACKAGES = {"sklearn", "numpy", "scipy"}

# src/dateline/screening/management/commands/ -> the repository root is five levels up.
REPOSITORY = Path(__file__).resolve().parents[5]


def default_data_dir():
    """DATELINE_TRAINING_DATA, else the shared data folder beside the repository."""
    return os.environ.get("DATELINE_TRAINING_DATA") or str(REPOSITORY.parent / "shared" / "data")


class Command(BaseCommand):
    help = (
        "Train the screening models (deterministic: the same data gives the same files), "
        "print their metrics on the held-out splits and the sha256 of each file."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            help="the labelled data (default: $DATELINE_TRAINING_DATA, else ../shared/data "
            "beside the repository)",
        )
        parser.add_argument(
            "--out", default=str(classifiers.TRAINED), help="where to write the model files"
        )

    def handle(self, *args, **options):
        try:
            from dateline.screening.training import train
        except ImportError as error:
            if (error.name or "").partition(".")[0] not in TRAINING_PACKAGES:
                raise
            raise CommandError(
                f"training needs scikit-learn, numpy and scipy ({error.name} is missing): "
                "install the train extra: pip install -e '.[train]'"
            ) from error
        data_dir = options["data_dir"] or default_data_dir()
        try:
            train(data_dir, options["out"], report=self.stdout.write)
        except DataError as error:
            raise CommandError(f"{error} (see --data-dir)") from error
