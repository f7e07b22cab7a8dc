"""Helpers shared by the test suites."""

import smtplib
from html.parser import HTMLParser
from urllib.parse import urlsplit

# <link rel=...> values that point somewhere without loading anything.
_NON_LOADING_RELS = {"canonical", "alternate", "next", "prev", "author", "license", "me"}


class _ResourceCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "img", "iframe", "audio", "video", "embed"} and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag in {"img", "source"} and attrs.get("srcset"):
            self.urls.extend(part.strip().split(" ")[0] for part in attrs["srcset"].split(","))
        if tag == "link" and attrs.get("href"):
            rels = set((attrs.get("rel") or "").split())
            if not rels <= _NON_LOADING_RELS:
                self.urls.append(attrs["href"])


def loaded_resources(html):
    """Every URL the browser would fetch on its own to render ``html`` (scripts, styles, images, frames)."""
    collector = _ResourceCollector()
    collector.feed(html)
    return collector.urls


def third_party_resources(html, own_hosts=("testserver", "localhost", "127.0.0.1")):
    return [url for url in loaded_resources(html) if urlsplit(url).hostname not in (None, *own_hosts)]


class BrokenMailBackend:
    """An SMTP server that is down (``settings.EMAIL_BACKEND = "tests.utils.BrokenMailBackend"``)."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPConnectError(421, "máy chủ thư không trả lời")


def restore_migrated_data(config):
    """Puts back the data the migrations created (home page, site, roles) after a test flushed the database."""
    from django.db import connections

    from pytest_django.plugin import blocking_manager_key

    with config.stash[blocking_manager_key].unblock():
        for alias in connections:
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents:
                connections[alias].creation.deserialize_db_from_string(contents)
