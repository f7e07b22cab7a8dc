"""The one way demo content makes pages: every ``<app>/demo.py`` gets or creates its pages here."""


def child_page(parent, model, slug, **fields):
    """The child of ``parent`` at ``slug``, created as a published ``model(**fields)`` when missing.

    Returns the specific page, so running the demo again finds what the first run made."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def default_home():
    """The Vietnamese home page (its English translation, under /en/, is a home page too)."""
    from wagtail.models import Locale

    from .models import HomePage

    return HomePage.objects.filter(locale=Locale.get_default()).order_by("path").first()
