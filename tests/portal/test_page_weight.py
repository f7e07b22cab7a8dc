"""Weight on a phone: an article's first view (HTML, CSS, JS; no images) is at most 20 KB over the wire
in at most 5 requests, and the one stylesheet and the one script are up to date with their sources."""

import gzip
import io
import re
import sys
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.management import call_command

import pytest

from news.models import NewsArticlePage
from portal import static_bundles

MAX_BYTES = 20 * 1024
MAX_REQUESTS = 5


def test_the_one_stylesheet_and_the_one_script_hold_every_source_in_order(settings, tmp_path):
    settings.STATIC_BUNDLES_DIR = tmp_path
    for bundle, spec in settings.STATIC_BUNDLES.items():
        text = Path(finders.find(bundle)).read_text(encoding="utf-8")
        positions = [text.index(f"/* {path} */\n{static_bundles._read(path)}") for path in spec["files"]]
        assert positions == sorted(positions), bundle
    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    assert "@media print {\n" in css and "/* css/print.css */" in css
    # The sources' own comments stay in the sources: only the file markers reach the phone.
    assert re.findall(r"/\*.*?\*/", css, re.S) == [
        "/* css/site.css: joined by portal/static_bundles.py; edit the files named below. */",
        *(f"/* {path} */" for path in (*settings.STATIC_BUNDLES["css/site.css"]["files"], "css/print.css")),
    ]


def _assets(html):
    """What a browser fetches besides images: stylesheets for the screen and scripts."""
    sheets = [tag for tag in re.findall(r"<link [^>]*rel=\"stylesheet\"[^>]*>", html) if 'media="print"' not in tag]
    urls = [re.search(r'href="([^"]+)"', tag).group(1) for tag in sheets]
    return urls + re.findall(r'<script [^>]*src="([^"]+)"', html)


def _gzip_size(static_url):
    # What WhiteNoise (or nginx's gzip_static) sends: the file compressed at level 9.
    path = finders.find(static_url.removeprefix("/static/"))
    with open(path, "rb") as handle:
        return len(gzip.compress(handle.read(), compresslevel=9))


@pytest.mark.django_db
def test_an_article_first_view_is_at_most_20_kb_in_at_most_5_requests(client, page_cache):
    call_command("load_demo", allow_production=True, stdout=io.StringIO())
    # The heaviest demo article (images, table, quote, document, related articles, comments).
    article = max(NewsArticlePage.objects.live(), key=lambda page: len(client.get(page.url).content))
    response = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200 and response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    assets = _assets(html)
    sizes = {article.url: len(response.content)} | {url: _gzip_size(url) for url in assets}
    total = sum(sizes.values())
    sys.stdout.write(f"\nfirst view of {article.url}: {len(sizes)} requests, {total} bytes: {sizes}\n")
    assert len(sizes) <= MAX_REQUESTS, sizes
    assert total <= MAX_BYTES, sizes
    assert [url.rsplit(".", 1)[-1] for url in assets] == ["css", "js"]
