import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_collectstatic_writes_hashed_and_compressed_files(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="k" * 60,
        ALLOWED_HOSTS="phunu.example.gov.vn",
        REDIS_URL="redis://127.0.0.1:8399/3",
    )
    code = (
        f"import django; from django.conf import settings; settings.STATIC_ROOT = r'{tmp_path}'; django.setup(); "
        "from django.core.management import call_command; call_command('collectstatic', interactive=False, verbosity=0)"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, timeout=300)
    css = sorted(path.name for path in (tmp_path / "css").glob("portal.*.css*"))
    assert any(name.endswith(".css") for name in css), css
    assert any(name.endswith(".css.gz") for name in css), css
    assert (tmp_path / "staticfiles.json").exists()
