"""Page query helpers shared by the apps."""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr


def exclude_private(pages):
    """Like Wagtail's ``PageQuerySet.public()``, in the same SQL query.

    ``public()`` first loads every view restriction in a query of its own and then builds a filter;
    this excludes the pages below a restricted page with a correlated subquery instead, which saves
    a query on every listing (and on the main menu of every page).
    """
    from wagtail.models import PageViewRestriction

    restricted_ancestor = PageViewRestriction.objects.annotate(
        outer_prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(page__path=F("outer_prefix"))
    return pages.exclude(Exists(restricted_ancestor))
