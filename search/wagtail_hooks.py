from wagtail import hooks


@hooks.register("portal_search_models")
def published_resolutions():
    """Published, anonymised feedback resolutions are searched, as their own type."""
    from .models import PublishedResolution

    return [PublishedResolution]
