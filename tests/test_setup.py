"""The project installs, its settings are safe by default, and its checks pass."""

import subprocess
import sys

from django.conf import settings
from django.core.management import call_command


def test_debug_is_off_by_default():
    assert settings.DEBUG is False


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


def test_console_script_runs_management_commands():
    result = subprocess.run(
        [sys.executable, "-m", "dateline", "help"], capture_output=True, text=True, check=True
    )
    assert "migrate" in result.stdout
