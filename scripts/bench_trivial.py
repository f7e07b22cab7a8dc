"""The benchmark's yardstick: a trivial Django view, under gunicorn like the portal, answering each
benchmarked address with the bytes the portal answers it with, read once at start.

``BENCH_TRIVIAL_BODIES`` names a folder of files and its ``index.json`` (``{"/address/?query": "file"}``);
any other address gets the first file.

    BENCH_TRIVIAL_BODIES=/tmp/bodies gunicorn --pythonpath scripts bench_trivial:application
"""

import json
import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

FOLDER = Path(os.environ["BENCH_TRIVIAL_BODIES"])
INDEX = json.loads((FOLDER / "index.json").read_text())
BODIES = {address: (FOLDER / name).read_bytes() for address, name in INDEX.items()}
FIRST = next(iter(BODIES.values()))


def page(request, rest=""):
    return HttpResponse(BODIES.get(request.get_full_path(), FIRST), content_type="text/html; charset=utf-8")


urlpatterns = [path("", page), path("<path:rest>", page)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-trivial-view-not-a-secret",  # noqa: S106 - serves fixed files, no sessions
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=["django.middleware.security.SecurityMiddleware", "django.middleware.common.CommonMiddleware"],
    INSTALLED_APPS=[],
    USE_TZ=True,
)
application = get_wsgi_application()
