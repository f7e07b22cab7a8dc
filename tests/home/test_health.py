"""/healthz/ tells the truth about the database, the cache, search and the task queue."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

from django.utils import timezone

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_database_down_answers_503_naming_it():
    """A fresh process whose DATABASE_URL points at a port where no PostgreSQL listens."""
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        DATABASE_URL="postgres://postgres@127.0.0.1:8398/portal_h3_nowhere",
    )
    code = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client(raise_request_exception=False).get('/healthz/'); print(r.status_code, json.dumps(r.json()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503"
    assert '"database": "down"' in body and '"status": "down"' in body


@pytest.mark.django_db
def test_a_task_queue_nobody_works_off_is_reported_late(client, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="feedback.tasks.send_notification",
        backend_name="default",
        run_after=timezone.now() - datetime.timedelta(hours=1),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - datetime.timedelta(hours=1))
    response = client.get("/healthz/")
    assert response.status_code == 200  # mail is late, the site is up
    body = response.json()
    assert body["status"] == "degraded"
    assert body["tasks"]["state"] == "late"
    assert body["tasks"]["ready"] == 1
    assert body["tasks"]["oldest_seconds"] >= 3600


@pytest.mark.django_db
def test_elasticsearch_marked_down_is_reported(client, settings):
    from django.core.cache import cache

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:8397"
    cache.set("search:elasticsearch-down", True, 30)
    body = client.get("/healthz/").json()
    assert body["search"] == "down"
    assert body["status"] == "degraded"
