"""Fault test: PostgreSQL stops and starts again while visitors keep asking for pages.

Runs only in its own CI step (``.ci/run``), against a private PostgreSQL cluster that it may stop:
``PORTAL_FAULT_PGDATA`` names the cluster's data folder, ``DATABASE_URL`` points at it (pytest creates
its test database there) and ``DB_CONN_MAX_AGE`` keeps connections open across requests, as production
does, so that recovery depends on ``CONN_HEALTH_CHECKS``. Never point it at a shared server. The cluster's
``postgresql.conf`` must carry its port, so that ``pg_ctl start`` brings it back where it was.
"""

import os
import subprocess
import threading
import time

from django.db import connections

import pytest
import requests

from feedback.factories import FeedbackPageFactory

pytestmark = [
    pytest.mark.dbrestart,
    pytest.mark.skipif(not os.environ.get("PORTAL_FAULT_PGDATA"), reason="needs a private cluster to restart"),
]


def pg_ctl(*args):
    command = ["pg_ctl", "-D", os.environ["PORTAL_FAULT_PGDATA"], *args]
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=60)


def test_requests_during_a_restart_get_503_with_retry_after_then_recover(live_server, transactional_db, home_page):
    FeedbackPageFactory(parent=home_page)
    answers = []
    stop = threading.Event()

    def visitor(path):
        session = requests.Session()
        while not stop.is_set():
            try:
                response = session.get(live_server.url + path, timeout=10)
                retry_after = response.headers.get("Retry-After")
                answers.append((time.monotonic(), path, response.status_code, retry_after, response.text))
            except requests.RequestException as error:  # the portal itself must keep answering
                answers.append((time.monotonic(), path, "no answer", None, str(error)))
            time.sleep(0.02)

    threads = [threading.Thread(target=visitor, args=(path,)) for path in ("/", "/healthz/", "/gui-y-kien/")]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1.5)
        pg_ctl("stop", "-m", "fast", "-w")
        down_at = time.monotonic()
        time.sleep(2)
        pg_ctl("start", "-w", "-l", os.path.join(os.environ["PORTAL_FAULT_PGDATA"], "..", "restart.log"))
        up_at = time.monotonic()
        time.sleep(3)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=20)
        connections.close_all()  # the test's own connection died with the server

    statuses = [status for _at, _path, status, _retry, _body in answers]
    assert "no answer" not in statuses
    assert 500 not in statuses
    during = [answer for answer in answers if down_at + 0.2 < answer[0] < up_at - 0.2]
    assert during, "no request was made while the database was down"
    for _at, path, status, retry_after, body in during:
        assert status == 503, (path, status)
        assert retry_after == "10"
        if path != "/healthz/":
            assert "Website tạm thời gián đoạn trong giây lát" in body
        else:
            assert '"database": "down"' in body
    after = [answer for answer in answers if answer[0] > up_at + 1]
    assert after, "no request after the restart"
    assert {status for _at, _path, status, _retry, _body in after} == {200}
    print(  # noqa: T201 - the figures for the CI log
        f"{len(answers)} requests: {statuses.count(200)} x 200, {statuses.count(503)} x 503, "
        f"{len(during)} while down, {len(after)} after recovery, all 200"
    )
