import os
import shutil
import subprocess
import sys

from django.conf import settings
from django.utils import translation

import polib
import pytest

from home.management.commands.update_catalogue import IGNORE, catalogue_path


def test_vietnamese_is_the_language_and_zone():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


def test_committed_catalogue_is_complete_and_compiled():
    po = polib.pofile(str(catalogue_path()))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
    mo = polib.mofile(str(catalogue_path().with_suffix(".mo")))
    assert {entry.msgid for entry in po.translated_entries()} <= {entry.msgid for entry in mo}


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="xgettext (GNU gettext) is not installed")
def test_every_string_in_the_source_is_in_the_catalogue(tmp_path):
    """A string marked for translation but missing from the catalogue means `make messages` was not run."""
    copy = tmp_path / "portal"
    shutil.copytree(
        settings.BASE_DIR,
        copy,
        # What the other test worker writes meanwhile (its database's journal, page cache files) is left
        # out: a file gone between listing and copying failed the copy.
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "media", "static_collected", "test-results", "*.sqlite3*", ".page_cache", "__pycache__"
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "vi",
            "--no-location",
            *sum((["-i", p] for p in IGNORE), []),
        ],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
        check=True,
        capture_output=True,
    )
    refreshed = polib.pofile(str(copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"))
    assert [entry.msgid for entry in refreshed.untranslated_entries()] == []


def test_wagtail_admin_speaks_vietnamese(client, db):
    html = client.get("/admin/login/").content.decode()
    assert 'lang="vi"' in html
    assert "Mật khẩu" in html
    assert "Đăng nhập" in html
    assert "Quên mật khẩu?" in html


def test_gettext_returns_vietnamese():
    with translation.override("vi"):
        assert str(translation.gettext("Cỡ chữ")) == "Cỡ chữ"
