"""Search settings (used by base.py): Wagtail's database backend by default, Elasticsearch 8 when a URL is given.

With Elasticsearch, the database index is kept too ("database" alias): the search page answers from it while
Elasticsearch is unreachable.
"""

# PostgreSQL's "simple" text search configuration: no English stemming of Vietnamese words.
DATABASE_SEARCH = {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
# Vietnamese folding in every text field: "đào tạo", "ĐÀO TẠO" and "dao tao" index and search as
# "dao tao". The accented originals stay searchable through the accent tokens of home.indexing.
VI_FOLDING = {"char_filter": ["vi_d"], "filter": ["lowercase", "asciifolding"]}
ELASTICSEARCH_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "char_filter": {"vi_d": {"type": "mapping", "mappings": ["đ => d", "Đ => D"]}},
            "analyzer": {
                "default": {"type": "custom", "tokenizer": "standard", **VI_FOLDING},
                "default_search": {"type": "custom", "tokenizer": "standard", **VI_FOLDING},
                "ngram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["vi_d"],
                    "filter": ["lowercase", "asciifolding", "ngram"],
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["vi_d"],
                    "filter": ["lowercase", "asciifolding", "edgengram"],
                },
            },
        }
    }
}


def backends(url, index_prefix):
    """WAGTAILSEARCH_BACKENDS for an Elasticsearch URL (none: the database backend alone)."""
    if not url:
        return {"default": DATABASE_SEARCH}
    return {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [url],
            "INDEX_PREFIX": index_prefix + "_",
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": ELASTICSEARCH_INDEX_SETTINGS,
        },
        "database": DATABASE_SEARCH,
    }
