"""Configuration from the environment, checked in fresh processes as a deployment would start."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x" * 64 + "-a-real-deployment-sets-a-long-random-value",
    "ALLOWED_HOSTS": "phunu.example.gov.vn",
    "REDIS_URL": "redis://127.0.0.1:8399/3",
}


def run_fresh(args, settings_env, timeout=60, **extra):
    """``python <args>`` in a new process with only ``settings_env`` (and ``extra``) configuring Django."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(settings_env)
    env.update(extra)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def run_django(code, settings_env, **extra):
    setup = "import django; django.setup(); from django.conf import settings; "
    return run_fresh(["-c", setup + code], settings_env, **extra)


def settings_as_json(expression, **extra):
    result = run_django(f"import json; print(json.dumps({expression}, default=str))", PRODUCTION, **extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_security_values(missing):
    env = dict(PRODUCTION)
    env[missing] = ""
    result = run_django("print('started')", env)
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert f"The environment variable {missing} is required" in result.stderr


def test_production_refuses_a_per_process_cache_unless_told_it_runs_one_process():
    env = {key: value for key, value in PRODUCTION.items() if key != "REDIS_URL"}
    result = run_django("print('started')", env, CACHE_URL="", REDIS_URL="")
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "Production needs a cache shared by all processes: set REDIS_URL" in result.stderr
    assert "PORTAL_SINGLE_PROCESS=1" in result.stderr
    result = run_django("print(settings.CACHES['default']['BACKEND'])", env, PORTAL_SINGLE_PROCESS="1")
    assert result.returncode == 0, result.stderr
    assert "LocMemCache" in result.stdout


def test_deploy_check_reports_no_issues():
    result = run_fresh(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_embedded_defaults():
    values = settings_as_json(
        "[settings.DATABASES['default']['ENGINE'], settings.CACHES['default']['BACKEND'], settings.EMAIL_BACKEND,"
        " settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'], settings.TASKS['default']['BACKEND'],"
        " settings.STORAGES['default']['BACKEND'], settings.LANGUAGE_CODE, settings.TIME_ZONE]",
        REDIS_URL="",
        PORTAL_SINGLE_PROCESS="1",
    )
    assert values == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.mail.backends.console.EmailBackend",
        "wagtail.search.backends.database",
        "django_tasks_db.DatabaseBackend",  # production's default: mail waits for the worker, not the visitor
        "django.core.files.storage.FileSystemStorage",
        "vi",
        "Asia/Ho_Chi_Minh",
    ]


def test_production_sends_mail_from_the_worker_and_every_smtp_connection_times_out():
    expression = "[settings.TASKS['default']['BACKEND'], settings.EMAIL_TIMEOUT, settings.OUTBOX_BACKGROUND_SENDS]"
    assert settings_as_json(expression) == ["django_tasks_db.DatabaseBackend", 10, False]
    # TASKS_BACKEND still chooses; with the in-process backend the outbox sends from a background thread.
    assert settings_as_json(expression, TASKS_BACKEND="immediate", EMAIL_TIMEOUT="5") == [
        "django_tasks.backends.immediate.ImmediateBackend",
        5,
        True,
    ]


def test_development_runs_tasks_in_process_and_mail_off_the_request():
    result = run_django(
        "print(settings.TASKS['default']['BACKEND'], settings.OUTBOX_BACKGROUND_SENDS, settings.EMAIL_TIMEOUT)",
        {"DJANGO_SETTINGS_MODULE": "portal.settings.dev"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django_tasks.backends.immediate.ImmediateBackend", "True", "10"]


def test_each_service_is_swapped_in_by_one_variable():
    values = settings_as_json(
        "{'db': settings.DATABASES['default'], 'cache': settings.CACHES['default'],"
        " 'email': [settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS],"
        " 'search': settings.WAGTAILSEARCH_BACKENDS['default'], 'tasks': settings.TASKS['default']['BACKEND'],"
        " 'media': settings.STORAGES['default'], 'static': settings.STORAGES['staticfiles']['BACKEND']}",
        DATABASE_URL="postgres://portal:secret@db.internal:5432/portal",
        REDIS_URL="redis://cache.internal:6379/1",
        EMAIL_URL="smtp://mailer:pw@smtp.example.org:587/?tls=True",
        ELASTICSEARCH_URL="http://search.internal:9200",
        TASKS_BACKEND="database",
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
    )
    assert values["db"]["ENGINE"] == "django.db.backends.postgresql"
    assert (values["db"]["HOST"], values["db"]["NAME"]) == ("db.internal", "portal")
    assert values["cache"] == {
        "BACKEND": "home.cache.ResilientRedisCache",
        "LOCATION": "redis://cache.internal:6379/1",
        "KEY_PREFIX": "portal",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
    }
    assert values["email"] == ["django.core.mail.backends.smtp.EmailBackend", "smtp.example.org", 587, True]
    assert values["search"]["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert values["search"]["URLS"] == ["http://search.internal:9200"]
    assert values["tasks"] == "django_tasks_db.DatabaseBackend"
    assert values["media"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert values["media"]["OPTIONS"]["bucket_name"] == "portal-media"
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_wsgi_application_loads_with_production_settings():
    result = run_django("from portal.wsgi import application; print(type(application).__name__)", PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "WSGIHandler" in result.stdout
