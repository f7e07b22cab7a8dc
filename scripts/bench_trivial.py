"""The benchmark's yardstick: a trivial Django view, under gunicorn like the portal, answering every
address with the same bytes (the file named by ``BENCH_TRIVIAL_BODY``, the article's HTML).

    BENCH_TRIVIAL_BODY=/tmp/article.html gunicorn --pythonpath scripts bench_trivial:application
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BODY = Path(os.environ["BENCH_TRIVIAL_BODY"]).read_bytes()


def page(request, rest=""):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page), path("<path:rest>", page)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-trivial-view-not-a-secret",  # noqa: S106 - serves one fixed file, no sessions
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=["django.middleware.security.SecurityMiddleware", "django.middleware.common.CommonMiddleware"],
    INSTALLED_APPS=[],
    USE_TZ=True,
)
application = get_wsgi_application()
