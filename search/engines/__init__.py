"""Search engines behind the search page: the database (ORM) and Elasticsearch (elasticsearch-dsl).

Both take the same :class:`~search.engines.base.SearchRequest` and return the same
:class:`~search.engines.base.EngineResult`, so the page does not know which one answered.
"""
