"""The public addresses of supervision results and open data, and their purge when content changes."""

from django.urls import reverse

from home import pagecache

from . import opendata


def round_paths(round_ids):
    return [reverse("supervision:round", args=[pk]) for pk in round_ids if pk]


def changed(round_ids):
    """Purges /giam-sat/ (and the rounds named), /du-lieu-mo/ and its files, and renews the open data."""
    paths = [reverse("supervision:index"), *round_paths(round_ids), *opendata.paths()]
    pagecache.purge_paths(paths)
    opendata.invalidate()
