from django.core.cache import cache

from wagtail.models import Site

import pytest

from home.models import HomePage


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files and renditions go to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The home page created by the migrations, served by the default site."""
    return HomePage.objects.get()


@pytest.fixture
def site(home_page):
    site = Site.objects.get(is_default_site=True)
    # Tests ask for http://testserver/; the default site answers any host name.
    return site
