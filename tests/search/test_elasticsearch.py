"""The Elasticsearch side, asserted as data (no server), and the fallback when it is unreachable."""

import logging
import socket

from django.conf import settings as django_settings

from wagtail.search.backends.elasticsearch8 import Elasticsearch8Mapping, Elasticsearch8SearchBackend

import pytest
from elasticsearch_dsl import Search
from elasticsearch_dsl.response import Response

from home.models import StandardPage
from search.engines import elastic
from search.engines.base import SORT_NEWEST, Filters, SearchRequest
from search.terms import parse

FOLDED = "home_vietnamesesearchmixin__search_text_folded"
EXACT = "home_vietnamesesearchmixin__search_text_exact"
GROUP = "home_vietnamesesearchmixin__search_group_name_filter"
CATEGORY = "home_vietnamesesearchmixin__search_category_slugs_filter"
DATE = "home_vietnamesesearchmixin__search_date_filter"


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def es_down(settings):
    """Elasticsearch configured as in production, on a port where nothing listens."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "INDEX_PREFIX": "portal_test_",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
            "INDEX_SETTINGS": django_settings.ELASTICSEARCH_INDEX_SETTINGS,
        },
        "database": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"},
    }


def backend_with_portal_settings():
    return Elasticsearch8SearchBackend(
        {"URLS": ["http://127.0.0.1:9200"], "INDEX_SETTINGS": django_settings.ELASTICSEARCH_INDEX_SETTINGS}
    )


# Analysis settings and mappings


def test_index_settings_fold_vietnamese_in_every_text_field():
    analysis = backend_with_portal_settings().settings["settings"]["analysis"]
    assert analysis["char_filter"]["vi_d"] == {"type": "mapping", "mappings": ["đ => d", "Đ => D"]}
    for name in ("default", "default_search"):
        assert analysis["analyzer"][name] == {
            "type": "custom",
            "tokenizer": "standard",
            "char_filter": ["vi_d"],
            "filter": ["lowercase", "asciifolding"],
        }


def test_wagtails_own_ngram_analyzers_fold_too_and_keep_their_filters():
    analysis = backend_with_portal_settings().settings["settings"]["analysis"]
    assert analysis["analyzer"]["edgengram_analyzer"]["filter"] == ["lowercase", "asciifolding", "edgengram"]
    assert analysis["analyzer"]["edgengram_analyzer"]["char_filter"] == ["vi_d"]
    assert analysis["filter"]["edgengram"] == {"type": "edge_ngram", "min_gram": 1, "max_gram": 15}


def test_settings_switch_to_elasticsearch_and_keep_a_database_index(monkeypatch):
    import importlib

    import portal.settings.base as base

    monkeypatch.setenv("ELASTICSEARCH_URL", "http://search.internal:9200")
    monkeypatch.setenv("ELASTICSEARCH_INDEX", "hoiphunu")
    try:
        reloaded = importlib.reload(base)
        backends = reloaded.WAGTAILSEARCH_BACKENDS
        assert backends["default"]["BACKEND"] == "wagtail.search.backends.elasticsearch8"
        assert backends["default"]["INDEX_PREFIX"] == "hoiphunu_"
        assert backends["default"]["INDEX_SETTINGS"] is reloaded.ELASTICSEARCH_INDEX_SETTINGS
        assert backends["database"] == {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
    finally:
        monkeypatch.delenv("ELASTICSEARCH_URL")
        importlib.reload(base)


def test_page_mapping_has_the_folded_fields_under_the_same_names_for_every_page_type():
    properties = Elasticsearch8Mapping(StandardPage).get_mapping()["properties"]
    assert properties[FOLDED] == {"type": "text", "copy_to": "_all_text"}
    assert properties[EXACT] == {"type": "text", "copy_to": "_all_text"}
    assert properties[GROUP] == {"type": "keyword"}
    assert properties[CATEGORY] == {"type": "keyword"}
    assert properties[DATE] == {"type": "date"}
    assert properties["title"]["copy_to"] == ["_all_text", "_all_text_boost_2_0"]


def test_page_document_carries_folded_text_accent_tokens_and_facets(make_page):
    page = make_page("Đào tạo cán bộ", "Kỹ năng giám sát", year=2024)
    document = Elasticsearch8Mapping(StandardPage).get_document(page)
    assert "dao tao can bo" in document[FOLDED]
    assert {"vnddaof", "vntaoj", "vngiams"} <= set(document[EXACT].split())
    assert document[GROUP] == "pages"
    assert document[CATEGORY] == []
    assert document[DATE].year == 2024
    assert document["live_filter"] is True


# Request bodies


def body(query="đào tạo", **options):
    filters = options.pop("filters", Filters())
    request = SearchRequest(parse(query), filters, **options)
    return elastic.build_search(
        request,
        hidden_paths=options.get("hidden_paths", ["000100020003"]),
        hidden_ids=[41, 42],
        extra_content_types=["feedback.PublishedResolution"],
        indices=["portal_wagtailcore_page", "portal_feedback_publishedresolution"],
        fields=["title", "home_standardpage__intro", "home_standardpage__body"],
    ).to_dict()


def test_query_matches_every_folded_word_and_ranks_exact_accents_first():
    text = body()["query"]["bool"]["must"][0]["bool"]
    assert text["must"] == [{"match": {"_all_text": {"query": "dao tao", "operator": "and"}}}]
    assert {"match": {"title": {"query": "dao tao", "operator": "and", "boost": 2}}} in text["should"]
    assert {
        "constant_score": {
            "filter": {"match": {EXACT: {"query": "vnddaof vntaoj", "operator": "and"}}},
            "boost": 1000,
        }
    } in text["should"]


def test_unaccented_query_has_no_exact_clause():
    should = body("dao tao")["query"]["bool"]["must"][0]["bool"]["should"]
    assert should == [{"match": {"title": {"query": "dao tao", "operator": "and", "boost": 2}}}]


def test_only_public_documents_are_searched():
    public = body()["query"]["bool"]["filter"][0]["bool"]["filter"]
    assert public[0] == {"exists": {"field": GROUP}}
    pages, others = public[1]["bool"]["should"]
    assert pages["bool"]["must"] == [
        {"term": {"_django_content_type": "wagtailcore.Page"}},
        {"term": {"live_filter": True}},
    ]
    assert pages["bool"]["must_not"] == [
        {"prefix": {"path_filter": "000100020003"}},
        {"terms": {"id_filter": [41, 42]}},
    ]
    assert others == {"terms": {"_django_content_type": ["feedback.PublishedResolution"]}}


def test_counts_come_from_aggregations_each_ignoring_its_own_filter():
    request = body(filters=Filters(group="news", category="hoat-dong", year=2024))
    year_range = {"range": {DATE: {"gte": "2024-01-01", "lt": "2025-01-01", "time_zone": "Asia/Ho_Chi_Minh"}}}
    aggs = request["aggs"]
    assert aggs["groups"]["filter"]["bool"]["filter"] == [{"term": {CATEGORY: "hoat-dong"}}, year_range]
    assert aggs["groups"]["aggs"]["values"] == {"terms": {"field": GROUP, "size": 20}}
    assert aggs["categories"]["filter"]["bool"]["filter"] == [{"term": {GROUP: "news"}}, year_range]
    assert aggs["categories"]["aggs"]["values"] == {"terms": {"field": CATEGORY, "size": 50}}
    assert aggs["years"]["filter"]["bool"]["filter"] == [{"term": {GROUP: "news"}}, {"term": {CATEGORY: "hoat-dong"}}]
    assert aggs["years"]["aggs"]["values"] == {
        "date_histogram": {
            "field": DATE,
            "calendar_interval": "year",
            "time_zone": "Asia/Ho_Chi_Minh",
            "min_doc_count": 1,
        }
    }
    assert request["post_filter"] == {
        "bool": {"filter": [{"term": {GROUP: "news"}}, {"term": {CATEGORY: "hoat-dong"}}, year_range]}
    }


def test_no_post_filter_without_chosen_filters():
    assert "post_filter" not in body()


def test_highlight_marks_titles_and_excerpts_with_escaped_text():
    highlight = body()["highlight"]
    assert highlight["pre_tags"] == ["<mark>"]
    assert highlight["post_tags"] == ["</mark>"]
    assert highlight["encoder"] == "html"
    assert highlight["require_field_match"] is False
    assert highlight["fields"] == {
        "title": {"number_of_fragments": 0},
        "home_standardpage__intro": {},
        "home_standardpage__body": {},
    }


def test_newest_sort_and_paging():
    request = body(sort=SORT_NEWEST, offset=20, limit=10)
    assert request["sort"] == [{DATE: {"order": "desc", "missing": "_last"}}, "_score"]
    assert (request["from"], request["size"]) == (20, 10)
    assert request["track_total_hits"] is True


def test_highlight_fields_are_the_original_text_fields_of_searchable_models():
    fields = elastic.text_fields()
    assert fields[0] == "title"
    assert "home_standardpage__intro" in fields
    assert not any("search_text" in name for name in fields)


# Reading a response


def test_response_gives_counts_hits_and_sanitised_highlights(client, make_page, es_down):
    page = make_page("Đào tạo cán bộ", year=2024)
    raw = {
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "hits": [
                {
                    "_index": "portal_test_wagtailcore_page",
                    "_id": str(page.pk),
                    "_score": 1003.5,
                    "_source": {"pk": str(page.pk), "_django_content_type": ["home.StandardPage", "wagtailcore.Page"]},
                    "highlight": {
                        "title": ["<mark>Đào</mark> <mark>tạo</mark> cán bộ"],
                        "home_standardpage__intro": ["Lớp <mark>đào</mark> &lt;b&gt; <img src=x onerror=alert(1)>"],
                    },
                }
            ],
        },
        "aggregations": {
            "groups": {"doc_count": 1, "values": {"buckets": [{"key": "pages", "doc_count": 1}]}},
            "categories": {"doc_count": 1, "values": {"buckets": []}},
            "years": {
                "doc_count": 1,
                "values": {"buckets": [{"key_as_string": "2024-01-01T00:00:00.000+07:00", "key": 1, "doc_count": 1}]},
            },
        },
    }
    result = elastic._read_response(Response(Search(), raw), {})
    assert (result.total, result.group_counts, result.year_counts) == (1, {"pages": 1}, {2024: 1})
    assert result.engine == "elasticsearch"
    [hit] = result.hits
    assert hit.obj == page
    assert hit.exact is True

    from search.service import safe_fragment

    assert safe_fragment(hit.excerpt_html) == "Lớp <mark>đào</mark> &lt;b&gt; &lt;img src=x onerror=alert(1)&gt;"
    assert safe_fragment(hit.title_html) == "<mark>Đào</mark> <mark>tạo</mark> cán bộ"


# Elasticsearch unreachable


def test_page_answers_from_the_database_when_elasticsearch_is_down(client, make_page, es_down, caplog):
    make_page("Lớp đào tạo kỹ năng giám sát")
    caplog.set_level(logging.WARNING, logger="search.service")
    response = client.get("/tim-kiem/", {"q": "giam sat"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tìm thấy 1 kết quả" in html
    assert "<mark>giám</mark> <mark>sát</mark>" in html
    assert "Elasticsearch unavailable" in caplog.text


def test_after_a_failure_elasticsearch_is_not_retried_for_a_while(client, make_page, es_down, caplog, monkeypatch):
    make_page("Đào tạo")
    client.get("/tim-kiem/", {"q": "dao tao"})
    calls = []
    monkeypatch.setattr(elastic, "build_search", lambda *args, **kwargs: calls.append(1))
    assert "Tìm thấy 1 kết quả" in client.get("/tim-kiem/", {"q": "dao tao"}).content.decode()
    assert calls == []


def test_suggestions_answer_from_the_database_when_elasticsearch_is_down(client, make_page, es_down):
    make_page("Kỹ năng giám sát")
    response = client.get("/tim-kiem/goi-y/", {"q": "giam s"})
    assert [item["title"] for item in response.json()["results"]] == ["Kỹ năng giám sát"]


def test_publishing_works_while_elasticsearch_is_down(make_page, es_down, client):
    page = make_page("Bản tin đào tạo", live=False)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
    assert "Tìm thấy 1 kết quả" in client.get("/tim-kiem/", {"q": "ban tin dao tao"}).content.decode()


def test_suggestions_match_folded_words_on_edge_ngrams_among_public_documents():
    request = elastic.build_suggestions(
        parse("Giám s"), hidden_paths=["0001000200"], extra_content_types=[], indices=["portal_wagtailcore_page"]
    ).to_dict()
    assert request["query"]["bool"]["must"] == [{"match": {"_edgengrams": {"query": "giam s", "operator": "and"}}}]
    assert request["query"]["bool"]["filter"][0]["bool"]["filter"][0] == {"exists": {"field": GROUP}}
    assert request["size"] == 6
