"""Suggestions for the header search box: titles matching what is typed, the last word as a prefix."""

import logging

from . import sources
from .engines import database, elastic
from .engines.base import EngineUnavailable
from .highlight import match_spans
from .terms import parse

logger = logging.getLogger(__name__)

LIMIT = 6
MIN_LENGTH = 2


def _segments(title, folded_terms):
    """The title cut into plain-text pieces, ``match`` telling which to emphasise (no HTML to inject)."""
    segments, last = [], 0
    for start, end in match_spans(title, folded_terms):
        if start > last:
            segments.append({"text": title[last:start], "match": False})
        segments.append({"text": title[start:end], "match": True})
        last = end
    if last < len(title):
        segments.append({"text": title[last:], "match": False})
    return segments


def _autocomplete(backend, terms):
    found = []
    paths = sources.hidden_paths()
    querysets = [sources.public_pages(paths)] + [model.search_public_queryset() for model in sources.extra_models()]
    for queryset in querysets:
        if len(found) >= LIMIT:
            break
        results = backend.autocomplete(terms.folded_text, queryset, operator="and")[: LIMIT - len(found)]
        found.extend(results)
    return found


def suggestions(query):
    terms = parse(query)
    payload = {"query": terms.query, "results": []}
    if not terms or len(terms.query) < MIN_LENGTH:
        return payload
    found = None
    if elastic.enabled():
        try:
            found = elastic.suggest(terms, limit=LIMIT)
        except EngineUnavailable as error:  # the database answers
            logger.warning("Elasticsearch unavailable for suggestions, the database answers: %s", error)
    if found is None:
        found = _autocomplete(database.database_backend(), terms)
    for obj in found:
        model = getattr(obj, "specific_class", None) or type(obj)
        title = getattr(obj, "title", "") or str(obj)
        url = obj.get_url() if hasattr(obj, "get_url") else obj.get_absolute_url()
        payload["results"].append(
            {
                "title": title,
                "segments": _segments(title, terms.folded),
                "url": url,
                "group": str(sources.group_label(sources.group_of(model))),
            }
        )
    return payload
