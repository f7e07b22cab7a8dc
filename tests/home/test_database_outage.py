"""While the database cannot be reached, visitors get a Vietnamese 503 with Retry-After, never a 500."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEAD_DATABASE = "postgres://postgres@127.0.0.1:8398/portal_h3_nowhere"


def requests_without_database(*requests):
    """Runs ``(method, path)`` requests in a fresh process whose PostgreSQL does not answer."""
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.test", DATABASE_URL=DEAD_DATABASE)
    code = (
        "import django, json; django.setup(); from django.test import Client\n"
        "c = Client(raise_request_exception=False)\n"
        f"for method, path in {list(requests)!r}:\n"
        "    r = getattr(c, method)(path)\n"
        "    print(json.dumps([r.status_code, r.get('Retry-After'), r.get('Cache-Control'), r.content.decode()]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.strip().splitlines()[-len(requests) :]]


def test_pages_and_forms_answer_503_with_retry_after_and_a_vietnamese_page():
    answers = requests_without_database(
        ("get", "/"),
        ("get", "/tin-tuc/"),
        ("get", "/gui-y-kien/"),
        ("post", "/gui-y-kien/"),
        ("get", "/tra-cuu/?ma=PA-7K3M-9QXD"),
    )
    for status, retry_after, cache_control, html in answers:
        assert status == 503
        assert retry_after == "10"
        assert "no-cache" in cache_control
        assert "Website tạm thời gián đoạn trong giây lát" in html
        assert "Traceback" not in html


def test_connections_are_checked_before_reuse():
    """A connection broken by a database restart is replaced at the next request, without restarting the portal."""
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.test", DATABASE_URL=DEAD_DATABASE, DB_CONN_MAX_AGE="60")
    code = (
        "import django; django.setup(); from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['CONN_HEALTH_CHECKS'], d['CONN_MAX_AGE'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.split() == ["True", "60"], result.stderr
