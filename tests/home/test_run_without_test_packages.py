"""`make run` installs requirements.txt only: the portal and its demo must not need the test packages."""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
TEST_ONLY = ("factory", "wagtail_factories", "faker", "pytest", "pytest_django", "playwright", "polib")

RUN = f"""
import sys

class RefuseTestPackages:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {TEST_ONLY!r}:
            raise ImportError("a test-only package was imported: " + name)

sys.meta_path.insert(0, RefuseTestPackages())
import django
from django.core.management import call_command

django.setup()
call_command("migrate", verbosity=0)
call_command("load_demo")
"""


def test_migrate_and_load_demo_without_the_test_requirements(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private_media"),
        "PYTHONPATH": str(BASE_DIR),
    }
    env.pop("ELASTICSEARCH_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", RUN], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Demo content is loaded." in done.stdout
