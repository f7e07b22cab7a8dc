"""The site's languages: Vietnamese pages at their own addresses, their English translations under /en/.

Each language has a tree of its own (the Vietnamese home page and its translation, Wagtail's locales).
Listings show the pages of the language being read (:func:`exclude_other_languages`, used by
``home.queries.exclude_private``, so every listing follows); a page links to its translations
(language switch, ``hreflang``) through :func:`translations`. Both read small, cached outlines (the
fragment cache: renewed by every publish, move or deletion).
"""

from django.conf import settings
from django.db.models import Q
from django.utils import translation

from .fragments import cached, request_memo


def active_language():
    """The language being read: the one of the address (``/en/...``), else Vietnamese."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    known = dict(settings.LANGUAGES)
    for candidate in (code, code.split("-")[0]):
        if candidate in known:
            return candidate
    return settings.LANGUAGE_CODE


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


def language_roots():
    """``{language code: (tree path, URL path)}`` of the default site's home page and its translations."""
    memo = request_memo()
    if memo is not None and "language_roots" in memo:
        return memo["language_roots"]

    def outline():
        from wagtail.models import Page, Site

        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return {}
        roots = {}
        for root in Page.objects.filter(translation_key=site.root_page.translation_key).select_related("locale"):
            url = root.get_url() if root.live else None
            roots[root.locale.language_code] = (root.path, url)
        return roots

    found = cached("language-roots", outline)
    if memo is not None:
        memo["language_roots"] = found
    return found


def root_path(code=None):
    """The tree path of the home page in ``code`` (the active language by default), or ``None``."""
    found = language_roots().get(code or active_language())
    return found[0] if found else None


def home_url(code=None):
    """The address of the home page in ``code`` (the active language by default): ``/`` or ``/en/``."""
    found = language_roots().get(code or active_language())
    return (found[1] if found else None) or "/"


def exclude_other_languages(pages):
    """Leaves out the pages in another language's tree than the one being read (by path prefix: no
    join, and no change to the SQL at all while the site has only one language)."""
    roots = language_roots()
    active = active_language()
    others = [path for code, (path, _url) in roots.items() if code != active]
    if not others:
        return pages
    condition = Q()
    for path in others:
        condition |= Q(path__startswith=path)
    return pages.exclude(condition)


def translations(page):
    """``[(language code, URL, full URL)]`` of the live versions of ``page`` (itself included), in the
    order of ``settings.LANGUAGES``; cached per page until the next change."""
    key = getattr(page, "translation_key", None)
    if key is None or not getattr(page, "pk", None):
        return []

    def build():
        from wagtail.models import Page

        found = {}
        for version in Page.objects.filter(translation_key=key).live().select_related("locale"):
            parts = version.get_url_parts()
            if parts and parts[2] is not None:
                found[version.locale.language_code] = (parts[2], (parts[1] or "") + parts[2])
        return [(code, *found[code]) for code, _name in settings.LANGUAGES if code in found]

    return cached(f"translations:{key}", build)


def translation_urls(page):
    """``[(path, full URL)]`` of ``page``'s other live versions, read now (not cached): when ``page``
    is published, their language switch and ``hreflang`` links change, so their cached copies go."""
    from wagtail.models import Page

    pairs = []
    for version in Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk).live():
        parts = version.get_url_parts()
        if parts and parts[2] is not None:
            pairs.append((parts[2], (parts[1] or "") + parts[2]))
    return pairs
