from wagtail import hooks


@hooks.register("portal_health_checks")
def search_health():
    """``search``: "database" (no Elasticsearch configured), "ok", or "down" while the breaker holds
    Elasticsearch off (the page answers from the database index meanwhile)."""
    from django.conf import settings
    from django.core.cache import cache

    from .engines.elastic import DOWN_CACHE_KEY

    if not settings.ELASTICSEARCH_URL:
        return {"search": "database"}
    return {"search": "down" if cache.get(DOWN_CACHE_KEY) else "ok"}
