"""The search page on Elasticsearch 8, with elasticsearch-dsl: one request gives hits, counts and highlights.

The index is Wagtail's own (``wagtail.search.backends.elasticsearch8``); its analysis settings, in
``portal/settings/base.py``, fold Vietnamese in every text field (đ -> d, lowercase, asciifolding), so
the folded query matches accented text. The accent tokens of ``search_text_exact`` (``home.indexing``)
keep "contains the exact accented words" searchable: such documents get a boost far above any
full-text score, so they rank first.

The functions building the request return elasticsearch-dsl objects and plain dicts: the tests read them
as data, without a server.
"""

import logging

from django.core.cache import cache

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from elasticsearch_dsl import A, Q, Search

from home.indexing import (
    CATEGORY_FIELD,
    DATE_FIELD,
    EXACT_FIELD,
    FOLDED_FIELD,
    GROUP_FIELD,
    OWN_FIELDS,
    search_category_field_of,
)
from search import sources

from .base import SORT_NEWEST, EngineResult, EngineUnavailable, Hit

logger = logging.getLogger(__name__)

# Field names are given to elasticsearch-dsl as dicts: its keyword form would turn "__" into ".".
# Wagtail names the fields that models inherit from the mixin after it, the same for every model.
_MIXIN_PREFIX = "home_vietnamesesearchmixin__"
FOLDED = _MIXIN_PREFIX + FOLDED_FIELD
EXACT = _MIXIN_PREFIX + EXACT_FIELD
GROUP = _MIXIN_PREFIX + GROUP_FIELD + "_filter"
CATEGORY = _MIXIN_PREFIX + CATEGORY_FIELD + "_filter"
DATE = _MIXIN_PREFIX + DATE_FIELD + "_filter"
PAGE_CONTENT_TYPE = "wagtailcore.Page"

EXACT_BOOST = 1000  # above any BM25 score: exact accented matches always rank first
TITLE_BOOST = 2
REQUEST_TIMEOUT = 2  # seconds; the reader waits at most this long before the database answers
DOWN_CACHE_KEY = "search:elasticsearch-down"
DOWN_FOR = 30  # seconds without trying Elasticsearch after a failure
EXCERPT_FRAGMENT = 240
TIME_ZONE = "Asia/Ho_Chi_Minh"


def backend():
    return get_search_backend("default")


def enabled():
    from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

    return isinstance(backend(), Elasticsearch8SearchBackend)


def index_names(search_backend=None):
    """The index holding pages, then one per registered model."""
    search_backend = search_backend or backend()
    models = [Page, *sources.extra_models()]
    names = []
    for model in models:
        name = search_backend.get_index_for_model(model).name
        if name not in names:
            names.append(name)
    return names


def content_type(model):
    """The content type string Wagtail stores in ``_django_content_type`` ("wagtailcore.Page")."""
    from wagtail.search.backends.elasticsearch8 import Elasticsearch8Mapping

    return Elasticsearch8Mapping(model).get_content_type()


def text_fields():
    """Column names of every original text field of the searchable models (titles first), for highlighting."""
    from wagtail.search.backends.elasticsearch8 import Elasticsearch8Mapping

    names = ["title"]
    for model in [*sources.page_models(), *sources.extra_models()]:
        mapping = Elasticsearch8Mapping(model)
        for field in model.get_searchable_search_fields():
            if field.field_name in OWN_FIELDS:
                continue
            name = mapping.get_field_column_name(field)
            if name not in names:
                names.append(name)
    return names


def public_filter(hidden_paths, extra_content_types, hidden_ids=()):
    """Only what the public may read: live pages outside hidden subtrees, and registered models' documents.

    Every searchable document has the group field; Wagtail's root page and other unsearchable types do not.
    """
    page_clause = Q("term", _django_content_type=PAGE_CONTENT_TYPE) & Q("term", live_filter=True)
    hidden = [Q("prefix", path_filter=path) for path in hidden_paths]
    if hidden_ids:
        hidden.append(Q("terms", id_filter=list(hidden_ids)))
    if hidden:
        page_clause &= ~Q("bool", should=hidden)
    clauses = [page_clause]
    if extra_content_types:
        clauses.append(Q("terms", _django_content_type=list(extra_content_types)))
    return Q("bool", filter=[Q("exists", field=GROUP), Q("bool", should=clauses, minimum_should_match=1)])


def facet_filters(filters):
    """``{facet: query}`` for the facets the reader chose."""
    chosen = {}
    if filters.group:
        chosen["group"] = Q({"term": {GROUP: filters.group}})
    if filters.category:
        chosen["category"] = Q({"term": {CATEGORY: filters.category}})
    if filters.year:
        start, end = f"{filters.year}-01-01", f"{filters.year + 1}-01-01"
        chosen["year"] = Q({"range": {DATE: {"gte": start, "lt": end, "time_zone": TIME_ZONE}}})
    return chosen


def text_query(terms):
    """Every folded word must match; exact accented words and the title raise the score."""
    must = Q("match", _all_text={"query": terms.folded_text, "operator": "and"})
    should = [Q("match", title={"query": terms.folded_text, "operator": "and", "boost": TITLE_BOOST})]
    if terms.accented:
        exact = Q({"match": {EXACT: {"query": " ".join(terms.accent_tokens), "operator": "and"}}})
        should.append(Q("constant_score", filter=exact, boost=EXACT_BOOST))
    return Q("bool", must=[must], should=should)


def build_search(
    request, hidden_paths=(), extra_content_types=(), indices=("portal_wagtailcore_page",), fields=(), hidden_ids=()
):
    """The elasticsearch-dsl ``Search`` for a :class:`SearchRequest`: hits, counts per facet, highlights."""
    chosen = facet_filters(request.filters)
    search = Search(index=list(indices)).query(
        Q(
            "bool",
            must=[text_query(request.terms)],
            filter=[public_filter(hidden_paths, extra_content_types, hidden_ids)],
        )
    )

    def others(facet):
        return [query for name, query in chosen.items() if name != facet]

    aggregations = {
        "groups": (others("group"), A("terms", field=GROUP, size=20)),
        "categories": (others("category"), A("terms", field=CATEGORY, size=50)),
        "years": (
            others("year"),
            A("date_histogram", field=DATE, calendar_interval="year", time_zone=TIME_ZONE, min_doc_count=1),
        ),
    }
    for name, (other_filters, aggregation) in aggregations.items():
        search.aggs.bucket(name, "filter", filter=Q("bool", filter=other_filters)).bucket("values", aggregation)
    if chosen:
        search = search.post_filter(Q("bool", filter=list(chosen.values())))
    if request.sort == SORT_NEWEST:
        search = search.sort({DATE: {"order": "desc", "missing": "_last"}}, "_score")
    search = search.highlight_options(
        pre_tags=["<mark>"],
        post_tags=["</mark>"],
        encoder="html",
        require_field_match=False,
        fragment_size=EXCERPT_FRAGMENT,
        number_of_fragments=1,
    )
    if "title" in fields:
        search = search.highlight("title", number_of_fragments=0)  # the whole title, marked
    other_fields = [name for name in fields if name != "title"]
    if other_fields:
        search = search.highlight(*other_fields)
    search = search.source(["pk", "_django_content_type"]).extra(track_total_hits=True)
    return search[request.offset : request.offset + request.limit]


def build_suggestions(
    terms, hidden_paths=(), extra_content_types=(), indices=("portal_wagtailcore_page",), hidden_ids=(), limit=6
):
    """Titles for the search box: every folded word, the last one as a prefix (Wagtail's edge n-grams)."""
    search = Search(index=list(indices)).query(
        Q(
            "bool",
            must=[Q("match", _edgengrams={"query": terms.folded_text, "operator": "and"})],
            filter=[public_filter(hidden_paths, extra_content_types, hidden_ids)],
        )
    )
    return search.source(["pk", "_django_content_type"])[:limit]


def _execute(build, *args, **kwargs):
    """Run a request built by ``build`` against the index; :class:`EngineUnavailable` if it cannot answer."""
    if cache.get(DOWN_CACHE_KEY):
        raise EngineUnavailable("marked down after a recent failure")
    es_backend = backend()
    extra = {content_type(model): model for model in sources.extra_models()}
    body = build(
        *args,
        hidden_paths=sources.hidden_paths(),
        hidden_ids=sources.hidden_page_ids(),
        extra_content_types=list(extra),
        indices=index_names(es_backend),
        **kwargs,
    )
    client = es_backend.es.options(request_timeout=REQUEST_TIMEOUT, max_retries=0)
    try:
        return body.using(client).execute(), extra
    except Exception as error:  # connection refused, timeout, missing index, bad response
        cache.set(DOWN_CACHE_KEY, True, DOWN_FOR)
        raise EngineUnavailable(str(error)) from error


def search(request):
    """Answer from Elasticsearch, or raise :class:`EngineUnavailable`."""
    response, extra = _execute(build_search, request, fields=text_fields())
    return _read_response(response, extra)


def suggest(terms, limit=6):
    """Objects whose titles match what is being typed, or raise :class:`EngineUnavailable`."""
    response, extra = _execute(build_suggestions, terms, limit=limit)
    return [hit.obj for hit in _load_hits(response, extra)]


def _read_response(response, extra_models):
    result = EngineResult(total=response.hits.total.value, hits=[], engine="elasticsearch")
    aggregations = response.aggregations
    for bucket in aggregations.groups.values.buckets:
        result.group_counts[bucket.key] = bucket.doc_count
    slugs = {bucket.key: bucket.doc_count for bucket in aggregations.categories.values.buckets}
    names = _category_names(slugs)
    result.category_counts = {slug: (names.get(slug, slug), count) for slug, count in slugs.items()}
    for bucket in aggregations.years.values.buckets:
        result.year_counts[int(bucket.key_as_string[:4])] = bucket.doc_count
    result.hits = _load_hits(response, extra_models)
    return result


def _category_names(slugs):
    names = {}
    if not slugs:
        return names
    for model, field_name in sources.category_models().items():
        related = model._meta.get_field(field_name).related_model
        names.update(related._default_manager.filter(slug__in=list(slugs)).values_list("slug", "name"))
    for model in sources.extra_models():
        field_name = search_category_field_of(model)
        if field_name:
            related = model._meta.get_field(field_name).related_model
            names.update(related._default_manager.filter(slug__in=list(slugs)).values_list("slug", "name"))
    return names


def _load_hits(response, extra_models):
    wanted = []  # (model or Page, pk, highlight)
    for hit in response.hits:
        content_types = list(hit._django_content_type)
        model = Page if PAGE_CONTENT_TYPE in content_types else None
        if model is None:
            model = next((extra_models[ct] for ct in content_types if ct in extra_models), None)
        if model is None:
            continue
        wanted.append((model, int(hit.pk), hit.meta.to_dict().get("highlight", {}), hit.meta.score))
    objects = {}
    page_ids = [pk for model, pk, _h, _s in wanted if model is Page]
    if page_ids:
        objects.update({(Page, page.pk): page for page in Page.objects.filter(pk__in=page_ids).specific()})
    for model in {model for model, *_rest in wanted if model is not Page}:
        pks = [pk for m, pk, _h, _s in wanted if m is model]
        objects.update({(model, obj.pk): obj for obj in model._default_manager.filter(pk__in=pks)})
    hits = []
    for model, pk, highlight, score in wanted:
        obj = objects.get((model, pk))
        if obj is None:  # deleted since it was indexed
            continue
        title = highlight.get("title", [""])[0]
        excerpt = next((fragments[0] for name, fragments in highlight.items() if name != "title"), "")
        hits.append(
            Hit(
                obj=obj,
                group=sources.group_of(type(obj)),
                exact=bool(score and score >= EXACT_BOOST),
                title_html=title,
                excerpt_html=excerpt,
            )
        )
    return hits
