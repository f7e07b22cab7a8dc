"""Load test of the feedback form through its real protocol, then a count of what was stored.

Each simulated visitor, from an address of its own (``X-Forwarded-For``: run the portal with
``TRUSTED_PROXY_COUNT=1``), opens the form (GET the page, then the token address its script asks: CSRF
cookie and token, one-time form token), does the proof of work the page's JavaScript would do, waits as
a person would (``--think``, at least the portal's ``FEEDBACK_MIN_SECONDS``), and sends it (POST
multipart), one in ``--photo-every`` with a 2 MB photo. A submission is acknowledged when the answer
shows a tracking code.

Then, with ``--count-db`` (the portal's settings and ``DATABASE_URL`` in the environment), the items of
this run are counted in the database. Printed: acknowledged, stored, lost (acknowledged codes not
stored), duplicates (two submissions shown the same code), 5xx, refused (a 4xx or a form error), p95
and max of the POST. Exits 1 on any loss, duplicate, 5xx or unanswered request.

    .venv/bin/python scripts/load_feedback.py --url http://127.0.0.1:8000 -n 200 -c 20 --count-db
"""

import argparse
import hashlib
import io
import os
import random
import re
import statistics
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"PA-[0-9A-Z]{4}-[0-9A-Z]{4}")
FORM = re.compile(r'<form method="post" action="([^"]+)"[^>]*data-token-url="([^"]+)"')
TOPIC = re.compile(r'<select name="topic"[^>]*>(.*?)</select>', re.S)
OPTION = re.compile(r'<option value="(\d+)"')


def photo_bytes(size=2 * 1024 * 1024):
    """A JPEG of about ``size`` bytes (noise does not compress), made once."""
    from PIL import Image

    side = 1200
    image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    data = out.getvalue()
    while len(data) > size * 1.1 and side > 200:
        side = int(side * 0.9)
        out = io.BytesIO()
        image.resize((side, side)).save(out, "JPEG", quality=90)
        data = out.getvalue()
    return data


def proof_of_work(token, bits):
    """The nonce static/js/proof-of-work.js finds: sha256(token:nonce) starts with ``bits`` zero bits."""
    nonce = 0
    while True:
        digest = hashlib.sha256(f"{token}:{nonce}".encode()).digest()
        if int.from_bytes(digest, "big") >> (256 - bits) == 0:
            return str(nonce)
        nonce += 1


class Run:
    def __init__(self, args):
        self.args = args
        self.run_id = uuid.uuid4().hex[:10]
        self.photo = photo_bytes() if args.photo_every else b""
        self.lock = threading.Lock()
        self.results = []  # (index, status, code, seconds)

    def visitor(self, index):
        base = self.args.url.rstrip("/")
        headers = {"X-Forwarded-For": f"10.{index // 65536 % 256}.{index // 256 % 256}.{index % 256}"}
        session = requests.Session()
        try:
            page = session.get(f"{base}{self.args.path}", headers=headers, timeout=60)
            form = FORM.search(page.text)
            select = TOPIC.search(page.text)
            topics = OPTION.findall(select.group(1)) if select else []
            if page.status_code != 200 or form is None or not topics:
                return self.record(index, page.status_code, None, 0, f"form not shown ({page.status_code})")
            action, token_url = (value.replace("&amp;", "&") for value in form.groups())
            # The page may come from a cache: its script fetches the CSRF token, the one-time token and
            # the proof-of-work difficulty (feedback.tokens); so does this visitor.
            tokens = session.get(f"{base}{token_url}", headers=headers, timeout=60).json()
            fields = {"csrfmiddlewaretoken": tokens["csrf"], "form_token": tokens["token"]}
            bits = int(tokens.get("bits") or 0)
            data = {
                **fields,
                "pow_nonce": proof_of_work(fields["form_token"], bits) if bits else "",
                "topic": random.choice(topics),  # noqa: S311 - test data
                "content": f"Tải thử {self.run_id} số {index}: đèn đường thôn Đông hỏng nhiều ngày, xin sửa.",
                "name": f"Người gửi {index}",
                "email": f"nguoigui{index}@example.org",
                "wants_reply": "on",
                "consent": "on",
                "website": "",
            }
            time.sleep(self.args.think)
            files = None
            if self.args.photo_every and index % self.args.photo_every == 0:
                files = {"attachments": (f"anh-{index}.jpg", self.photo, "image/jpeg")}
            started = time.monotonic()
            # Production marks the CSRF cookie Secure; over plain HTTP to gunicorn it is sent by hand.
            answer = session.post(
                f"{base}{action}",
                data=data,
                files=files,
                headers={**headers, "Referer": f"{base}{self.args.path}"},
                cookies={"csrftoken": session.cookies.get("csrftoken", "")},
                timeout=120,
            )
            seconds = time.monotonic() - started
            codes = set(CODE.findall(answer.text)) if answer.status_code == 200 else set()
            note = "" if codes else " ".join(re.findall(r'class="errorlist[^"]*"[^>]*><li>([^<]*)', answer.text))[:200]
            return self.record(index, answer.status_code, codes.pop() if len(codes) == 1 else None, seconds, note)
        except requests.RequestException as error:
            return self.record(index, "no answer", None, 0, str(error))

    def record(self, index, status, code, seconds, note=""):
        with self.lock:
            self.results.append((index, status, code, seconds, note))

    def go(self):
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=self.args.concurrency) as pool:
            list(pool.map(self.visitor, range(self.args.n)))
        return time.monotonic() - started


def stored_codes(run_id):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    import django

    django.setup()
    from feedback.models import Feedback

    return list(Feedback.objects.filter(content__contains=f"Tải thử {run_id} ").values_list("code", flat=True))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the portal, e.g. http://127.0.0.1:8000")
    parser.add_argument("--path", default="/gui-y-kien/", help="the feedback page")
    parser.add_argument("-n", type=int, default=200, help="submissions")
    parser.add_argument("-c", "--concurrency", type=int, default=20, help="visitors at the same time")
    parser.add_argument("--photo-every", type=int, default=5, help="one submission in this many has a 2 MB photo")
    parser.add_argument("--think", type=float, default=1.5, help="seconds between opening and sending")
    parser.add_argument("--count-db", action="store_true", help="count the stored items in the database")
    parser.add_argument("--require-all", action="store_true", help="fail unless every submission is acknowledged")
    args = parser.parse_args()

    run = Run(args)
    elapsed = run.go()
    results = run.results
    codes = [code for _i, status, code, _s, _n in results if status == 200 and code]
    errors_5xx = [r for r in results if isinstance(r[1], int) and r[1] >= 500]
    unanswered = [r for r in results if r[1] == "no answer"]
    refused = len(results) - len(codes) - len(errors_5xx) - len(unanswered)
    duplicates = len(codes) - len(set(codes))
    timings = sorted(seconds for _i, status, code, seconds, _n in results if code)
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)] if timings else 0
    print(f"run {run.run_id}: {args.n} submissions, {args.concurrency} at a time, {elapsed:.1f} s")  # noqa: T201
    print(f"acknowledged {len(codes)}")  # noqa: T201
    lost = None
    if args.count_db:
        stored = stored_codes(run.run_id)
        lost = len(set(codes) - set(stored))
        print(f"stored       {len(stored)}")  # noqa: T201
        print(f"lost         {lost}")  # noqa: T201
    print(f"duplicates   {duplicates}")  # noqa: T201
    print(f"5xx          {len(errors_5xx)}")  # noqa: T201
    print(f"unanswered   {len(unanswered)}")  # noqa: T201
    print(f"refused      {refused}")  # noqa: T201
    if timings:
        median = statistics.median(timings)
        print(f"POST p50 {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {timings[-1] * 1000:.0f} ms")  # noqa: T201
    refusals = [r for r in results if r[1] == 200 and not r[2] or isinstance(r[1], int) and 400 <= r[1] < 500]
    for index, status, _code, _s, note in [*errors_5xx, *unanswered, *refusals][:5]:
        print(f"  #{index}: {status} {note[:200]}")  # noqa: T201
    failed = duplicates or errors_5xx or unanswered or lost or (args.count_db and len(stored) != len(set(codes)))
    failed = failed or (args.require_all and len(codes) != args.n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
