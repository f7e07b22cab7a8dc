"""The HTTP cache for real: nginx (deploy/nginx/portal.conf, proxy_cache and the purge module) in
front of gunicorn under production settings, the portal purging through FRONTEND_CACHE_URL.

Usage (from .ci/frontend-cache-check): frontend_cache_check.py NGINX_PORT GUNICORN_PORT. Builds a
throw-away site in a temporary folder, checks that anonymous pages are cached, that sessions and the
admin bypass the cache, and that republishing an article with a new title shows it through the
cache on the article and the news index within a second. Prints one line per check; exits 1 on any
failure; stops what it started and removes its folder.
"""

# ruff: noqa: S603 - it runs this checkout's own commands (manage.py, gunicorn, nginx), nothing typed in

import gzip
import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from checklib import check, failures, say

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv/bin/python")
NGINX_PORT, GUNICORN_PORT = int(sys.argv[1]), int(sys.argv[2])
HOST = "localhost"  # the default site's host name: what the portal purges and readers ask for
SETUP = """
from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from home.demo_pages import default_home
home = default_home()
index = home.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc"))
category = NewsCategory.objects.create(name="Hoạt động Hội")
article = NewsArticlePage(title="Tiêu đề thứ nhất", slug="bai-thu", lead="Sapo.", body=[])
index.add_child(instance=article)
article.categories.add(category)
article.save_revision().publish()
"""
REPUBLISH = """
import time
from news.models import NewsArticlePage
article = NewsArticlePage.objects.get(slug="bai-thu")
article.title = "Tiêu đề đã sửa sau khi xuất bản"
article.save_revision().publish()
print(time.time(), flush=True)
"""


def get(path, headers=None, method="GET"):
    conn = http.client.HTTPConnection("127.0.0.1", NGINX_PORT, timeout=10)
    try:
        conn.request(method, path, headers={"Host": HOST, "Accept-Encoding": "identity", **(headers or {})})
        response = conn.getresponse()
        headers = {k.lower(): v for k, v in response.getheaders()}
        body = response.read()
        if headers.get("content-encoding") == "gzip":
            body = gzip.decompress(body)
        return response.status, headers, body.decode()
    finally:
        conn.close()


def wait_for(path, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if get(path)[0] < 500:
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def manage(env, *args, code=None):
    command = [PYTHON, "manage.py", *args] + (["-c", code] if code else [])
    return subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout


def nginx_conf(work, env):
    site = subprocess.run(
        [str(ROOT / "deploy/render-nginx")],
        env={
            **env,
            "TLS": "off",
            "LISTEN": f"127.0.0.1:{NGINX_PORT}",
            "UPSTREAM": f"127.0.0.1:{GUNICORN_PORT}",
            "CACHE_DIR": str(work / "cache"),
        },
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    (work / "portal.conf").write_text(site)
    temp = " ".join(f"{kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(
        "load_module /usr/lib/nginx/modules/ngx_http_cache_purge_module.so;\ndaemon off;\nworker_processes 1;\n"
        f"pid {work}/nginx.pid;\nerror_log {work}/error.log warn;\nevents {{ worker_connections 64; }}\n"
        f"http {{ include /etc/nginx/mime.types; access_log off; {temp} include {work}/portal.conf; }}\n"
    )


def checks(env):
    article, index = "/tin-tuc/bai-thu/", "/tin-tuc/"
    for path in (article, index):
        get(path)
        status, headers, html = get(path)
        check(
            status == 200 and headers.get("x-cache-status") == "HIT" and "public" in headers.get("cache-control", ""),
            f"{path}: second anonymous view from nginx's cache ({status}, {headers.get('x-cache-status')}, "
            f"Cache-Control {headers.get('cache-control')!r})",
        )
    check("Tiêu đề thứ nhất" in get(article)[2], f"{article} shows the first title")
    status, headers, _ = get(article, headers={"Cookie": "sessionid=abc"})
    state = headers.get("x-cache-status")
    check(state == "BYPASS", f"{article} with a session cookie: {state}")
    status, headers, _ = get("/admin/login/")
    check("x-cache-status" not in headers or headers["x-cache-status"] in ("", "-"), "/admin/ is never cached")
    status, headers, _ = get(article, headers={"Accept-Encoding": "gzip"})
    check(headers.get("content-encoding") == "gzip", f"{article} compressed for browsers that accept gzip")
    status, headers, _ = get("/gui-y-kien/nonexistent/?x=1")
    check(headers.get("x-cache-status") == "BYPASS", "a URL with a query string bypasses nginx's cache")

    # The publish happens in another process, as an editor's would; the pages are asked as soon as it
    # says the publish is done (not when its interpreter has finished exiting).
    republish = subprocess.Popen(
        [PYTHON, "manage.py", "shell", "-v", "0", "-c", REPUBLISH], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    published_at = float(republish.stdout.readline())
    for path in (article, index):
        _, headers, html = get(path)
        elapsed = time.time() - published_at
        check(
            "Tiêu đề đã sửa sau khi xuất bản" in html and elapsed < 1.0,
            f"{path}: the new title through the cache {elapsed:.2f} s after the publish "
            f"({headers.get('x-cache-status')})",
        )
    republish.wait(timeout=30)


def main():
    started = time.time()
    work = Path(tempfile.mkdtemp(prefix="frontend-cache-check."))
    os.chmod(work, 0o755)  # noqa: S103 - nginx's workers (nobody) read the site from it
    (work / "cache").mkdir()
    shutil.chown(work / "cache", user="nobody")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": f"frontend-cache-check-{time.time_ns()}-not-a-real-secret-0123456789",
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DATABASE_URL": f"sqlite:///{work}/db.sqlite3",
        "MEDIA_ROOT": str(work / "media"),
        "PAGE_CACHE_DIR": str(work / "pages"),
        "PAGE_CACHE_SECONDS": "300",
        "FRONTEND_CACHE_URL": f"http://127.0.0.1:{NGINX_PORT}",
        "SECURE_SSL_REDIRECT": "0",
        # One gunicorn worker, so no Redis is needed; the page cache is shared through files anyway.
        "PORTAL_SINGLE_PROCESS": "1",
        "LOG_LEVEL": "ERROR",
    }
    processes = []
    try:
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        # Before nginx runs: nothing to purge yet.
        manage({**env, "FRONTEND_CACHE_URL": ""}, "shell", "-v", "0", code=SETUP)
        nginx_conf(work, env)
        log = (work / "gunicorn.log").open("w")
        gunicorn = [str(ROOT / ".venv/bin/gunicorn"), "portal.wsgi:application", "--workers", "1"]
        gunicorn += ["--bind", f"127.0.0.1:{GUNICORN_PORT}"]
        processes.append(subprocess.Popen(gunicorn, cwd=ROOT, env=env, stderr=log))
        nginx = ["nginx", "-p", str(work), "-c", str(work / "nginx.conf")]
        subprocess.run([*nginx, "-t", "-q"], check=True)
        processes.append(subprocess.Popen(nginx))
        check(wait_for("/healthz/"), "gunicorn answers through nginx")
        if not failures:
            checks(env)
    except subprocess.CalledProcessError as error:
        check(False, f"{error.cmd[:3]} failed: {error.stderr}")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)
        if failures:
            for name in ("gunicorn.log", "error.log"):
                if (work / name).exists():
                    say(f"-- {name}\n" + (work / name).read_text()[-3000:])
        shutil.rmtree(work, ignore_errors=True)
    say(f"{len(failures) == 0 and 'all checks passed' or f'{len(failures)} failed'} in {time.time() - started:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
