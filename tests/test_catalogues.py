"""Every app's Arabic catalogue: each string translated, and the shipped compiled file
built from its source (a fresh machine may have no gettext to compile it)."""

import shutil
import subprocess
from pathlib import Path

import pytest

import dateline

CATALOGUES = sorted(Path(dateline.__file__).parent.glob("*/locale/ar/LC_MESSAGES/django.po"))


def app_of(source):
    return source.parents[3].name


def test_every_app_with_an_interface_ships_a_catalogue():
    assert {app_of(source) for source in CATALOGUES} >= {
        "core", "accounts", "newsroom", "comments", "screening"
    }  # fmt: skip


@pytest.mark.parametrize("source", CATALOGUES, ids=app_of)
def test_every_string_has_an_arabic_translation(source):
    untranslated, msgid, text, inside = [], None, "", None
    for line in [*source.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("msgid "):
            msgid, inside = line[7:-1], "msgid"
        elif line.startswith("msgstr"):
            if inside == "msgstr" and not text:  # an empty plural form before this one
                untranslated.append(msgid)
            text, inside = line.split(" ", 1)[1][1:-1], "msgstr"
        elif line.startswith('"') and inside == "msgid":
            msgid += line[1:-1]
        elif line.startswith('"') and inside == "msgstr":
            text += line[1:-1]
        elif inside == "msgstr":
            if msgid and not text:
                untranslated.append(msgid)
            inside = None
    assert untranslated == []


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="needs msgfmt")
@pytest.mark.parametrize("source", CATALOGUES, ids=app_of)
def test_compiled_catalogue_matches_its_source(source, tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(compiled), str(source)], check=True)
    assert compiled.read_bytes() == source.with_suffix(".mo").read_bytes()
