"""The `dateline` console script: Django's management commands under one name."""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")  # `dateline train-screening` names train_screening
    execute_from_command_line(["dateline", *args])


if __name__ == "__main__":
    main()
