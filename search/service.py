"""The search page's work, outside the view: run the engine, fall back, shape results for the template.

Elasticsearch answers when it is the configured backend; if it cannot (down, timed out, index missing)
the database index answers instead, a warning is logged and the reader sees the same page.
"""

import logging
import math
import re
from dataclasses import dataclass, field
from html import unescape

from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site

from home.i18n import exclude_other_languages
from home.pagination import Pagination
from home.text import fold_vi

from . import hits, results_cache, sources
from .engines import database, elastic
from .engines.base import SORT_NEWEST, SORT_RELEVANCE, EngineUnavailable, Filters, SearchRequest
from .highlight import excerpt, highlight
from .terms import parse

logger = logging.getLogger(__name__)

PER_PAGE = 10
MAX_SUGGESTIONS = 4
_MARK_RE = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)
SORT_LABELS = {SORT_RELEVANCE: _("Phù hợp nhất"), SORT_NEWEST: _("Mới nhất")}


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Result:
    title_html: str
    excerpt_html: str
    url: str
    group: str
    group_label: str
    date: object = None


@dataclass
class SearchPage:
    query: str
    params: dict
    total: int = 0
    results: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    type_options: list = field(default_factory=list)
    category_options: list = field(default_factory=list)
    year_options: list = field(default_factory=list)
    sort_options: list = field(default_factory=list)
    pagination: Pagination | None = None
    clear_filters_url: str = ""
    suggestions: list = field(default_factory=list)  # (text, url) for a query that found nothing
    engine: str = "database"

    @property
    def has_filters(self):
        return bool(self.params["type"] or self.params["category"] or self.params["year"])


def _url(params, **changes):
    merged = {**params, **changes}
    if "page" not in changes:
        merged["page"] = 1
    query = {key: value for key, value in merged.items() if value not in (None, "", 1) or key == "q"}
    if query.get("sort") == SORT_RELEVANCE:
        query.pop("sort")
    return "?" + urlencode(query)


def run_engine(request):
    """The engine's answer: Elasticsearch when configured and reachable, else the database."""
    if elastic.enabled():
        try:
            return elastic.search(request)
        except EngineUnavailable as error:
            logger.warning("Elasticsearch unavailable, the search page answers from the database: %s", error)
    return database.search(request)


def _result(hit, terms, http_request=None):
    obj = hit.obj
    title = getattr(obj, "title", "") or str(obj)
    title_html = safe_fragment(hit.title_html) if hit.title_html else highlight(title, terms.folded)
    source = "" if hit.excerpt_html else _excerpt_source(obj)
    excerpt_html = safe_fragment(hit.excerpt_html) if hit.excerpt_html else excerpt(source, terms.folded)
    date_field = getattr(obj, "search_date_field", None)
    return Result(
        title_html=title_html,
        excerpt_html=excerpt_html,
        # With the request, Wagtail reads the sites' root paths once for all results, not once each.
        url=obj.get_url(http_request) if hasattr(obj, "get_url") else obj.get_absolute_url(),
        group=hit.group,
        group_label=sources.group_label(hit.group),
        date=getattr(obj, date_field, None) if date_field else None,
    )


def safe_fragment(fragment):
    """A highlight from Elasticsearch, rebuilt: only our ``<mark>`` tags survive, all text is escaped."""
    pieces = _MARK_RE.split(str(fragment))
    html = []
    for position, piece in enumerate(pieces):
        text = escape(unescape(piece))
        html.append(f"<mark>{text}</mark>" if position % 2 else text)
    return mark_safe("".join(html))  # noqa: S308 - every piece escaped above


def _excerpt_source(obj):
    text = obj.search_excerpt_text() if hasattr(obj, "search_excerpt_text") else ""
    return text or getattr(obj, "search_description", "") or ""


def promotions_for(query):
    """Editors' promoted results for this query, matched after folding ("dao tao" finds "đào tạo")."""
    folded = " ".join(fold_vi(query).split())
    if not folded:
        return []
    promoted = SearchPromotion.objects.select_related("query", "page").order_by("sort_order")
    queries = {
        pk
        for pk, text in Query.objects.filter(editors_picks__isnull=False).values_list("pk", "query_string").distinct()
        if " ".join(fold_vi(text).split()) == folded
    }
    if not queries:
        return []
    items = []
    for promotion in promoted.filter(query_id__in=queries):
        if promotion.page_id:
            page = promotion.page
            if not page.live or page.get_view_restrictions().exists():
                continue
            url = page.get_url()
        else:
            url = promotion.external_link_url
        if url:
            items.append({"title": promotion.title, "url": url, "description": promotion.description})
    return items


def record_query(query):
    """Count the query for the editors' "Search terms" report (Wagtail's own), in batches (``hits``)."""
    hits.record(query)


def search_page(params, http_request=None):
    """Everything the search page shows for ``params`` (see ``SearchForm.params``); ``http_request``,
    when given, is the reader's (for the results' addresses). Kept until the next change (``results_cache``)."""
    site = Site.find_for_request(http_request) if http_request is not None else None
    return results_cache.cached_answer(
        params, site.pk if site else None, lambda: _compute_search_page(params, http_request)
    )


def _compute_search_page(params, http_request):
    terms = parse(params["q"])
    page = SearchPage(query=terms.query, params={**params, "q": terms.query})
    page.sort_options = [
        Option(value, str(label), 0, params["sort"] == value, _url(page.params, sort=value))
        for value, label in SORT_LABELS.items()
    ]
    page.clear_filters_url = _url(page.params, type="", category="", year=None)
    if not terms:
        return page
    filters = Filters(group=params["type"], category=params["category"], year=params["year"])
    page_number = params["page"]
    request = SearchRequest(
        terms=terms, filters=filters, sort=params["sort"], offset=(page_number - 1) * PER_PAGE, limit=PER_PAGE
    )
    answer = run_engine(request)
    if answer.total and not answer.hits and page_number > 1:
        # Past the last page: show the last one.
        page_number = max(1, math.ceil(answer.total / PER_PAGE))
        request = SearchRequest(terms=terms, filters=filters, sort=params["sort"], offset=(page_number - 1) * PER_PAGE)
        answer = run_engine(request)
    page.engine = answer.engine
    page.total = answer.total
    page.results = [_result(hit, terms, http_request) for hit in answer.hits]
    page.promotions = promotions_for(terms.query) if page_number == 1 else []
    _facets(page, answer)
    _pagination(page, page_number)
    if not page.total:
        page.suggestions = _suggestions(page.params, terms)
    return page


def _facets(page, answer):
    params = page.params
    groups = sorted(answer.group_counts, key=lambda group: (sources.group_order(group), group))
    page.type_options = [
        Option(
            group,
            str(sources.group_label(group)),
            answer.group_counts[group],
            params["type"] == group,
            _toggle(params, "type", group, ""),
        )
        for group in groups
    ]
    categories = sorted(answer.category_counts.items(), key=lambda item: (-item[1][1], item[1][0]))
    page.category_options = [
        Option(slug, name, count, params["category"] == slug, _toggle(params, "category", slug, ""))
        for slug, (name, count) in categories
    ]
    page.year_options = [
        Option(str(year), str(year), count, params["year"] == year, _toggle(params, "year", year, None))
        for year, count in sorted(answer.year_counts.items(), reverse=True)
    ]


def _toggle(params, name, value, empty):
    """The URL choosing ``value`` for the filter ``name``, or removing it when it is already chosen."""
    return _url(params, **{name: empty if params[name] == value else value})


def _pagination(page, page_number):
    num_pages = math.ceil(page.total / PER_PAGE) if page.total else 0
    page.pagination = Pagination.build(page_number, num_pages, lambda number: _url(page.params, page=number))


def _suggestions(params, terms):
    """Queries that do find something, when this one found nothing: without the filters, then shorter.

    Every candidate is counted on the database index, in one pass (only on a page without results).
    """
    unfiltered = {**params, "type": "", "category": "", "year": None}
    candidates = []
    if params["type"] or params["category"] or params["year"]:
        candidates.append(terms.query)
    candidates.extend(" ".join(terms.words[:length]) for length in range(len(terms.words) - 1, 0, -1))
    candidates.extend(word for word in terms.words if len(word) > 1)
    candidates = list(dict.fromkeys(candidates))
    found = database.counts([parse(candidate) for candidate in candidates])
    counted = zip(candidates, found, strict=True)
    suggestions = [(candidate, count, _url(unfiltered, q=candidate)) for candidate, count in counted if count]
    return suggestions[:MAX_SUGGESTIONS]


def sections():
    """The site's main sections, offered on an empty or fruitless search."""
    # Of the language being read (the search page is Vietnamese: not the English menu's pages).
    return list(exclude_other_languages(Page.objects.live().public().in_menu().filter(depth=3)).order_by("path")[:8])
