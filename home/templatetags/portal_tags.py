from django import template

from wagtail.models import Page, Site

from home import dates, fragments, i18n, images
from home.pagination import Pagination
from home.queries import exclude_private

register = template.Library()


@register.filter
def dateline(value):
    """``Thứ Sáu, 01/11/2024 20:42 (GMT+7)``."""
    return dates.dateline(value)


@register.filter
def short_date(value):
    return dates.short_date(value)


@register.simple_tag
def picture(image, preset="content", alt=None, css_class="", loading="lazy"):
    return images.render_picture(image, preset=preset, alt=alt, css_class=css_class, loading=loading)


def _menu_items(site):
    # The home page of the language being read (``/en/`` has its own menu), else the site's root page.
    root = site.root_page
    language_root = i18n.root_path()
    if language_root and language_root != root.path:
        root = Page.objects.filter(path=language_root).first() or root
    pages = exclude_private(Page.objects.child_of(root).live().in_menu())
    return list(pages.only("id", "title", "url_path", "depth", "path"))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", cached (see ``home.fragments``) and kept for the request."""
    request = context.get("request")
    items = getattr(request, "_portal_main_menu", None)
    if items is None:
        site = Site.find_for_request(request) if request else None
        items = []
        if site is not None:
            items = fragments.cached(f"main-menu:{site.pk}", lambda: _menu_items(site))
        if request is not None:
            request._portal_main_menu = items
    current = context.get("page")
    current_path = getattr(current, "path", "")
    for item in items:
        # aria-current: "page" on the page itself, "true" on the section that contains it.
        item.menu_state = (
            "page" if item.path == current_path else ("true" if current_path.startswith(item.path) else "")
        )
    return items


@register.simple_tag(takes_context=True)
def site_page_url(context, slug):
    """The address of the live top-level page at ``slug`` (the footer's ``/tro-nang/``), "" when there is
    none; cached like the menu."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""

    def find():
        page = exclude_private(Page.objects.child_of(site.root_page).live().filter(slug=slug)).first()
        return (page.get_url(request) or "") if page else ""

    return fragments.cached(f"site-page-url:{site.pk}:{slug}", find)


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's full address, "" when ``page`` is not a routable page; read with the request, which keeps
    the sites' root paths for the rest of the request (``page.full_url`` asks the cache for them)."""
    if not isinstance(page, Page):
        return ""
    return page.get_full_url(request=context.get("request")) or ""


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    if page is None or page.depth <= 2:
        return []
    # A page that already knows its ancestors (e.g. from a cached outline) saves the query.
    known = getattr(page, "breadcrumb_ancestors", None)
    if known is not None:
        return known
    return list(Page.objects.ancestor_of(page).filter(depth__gt=2).only("id", "title", "url_path", "depth", "path"))


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page, param="page", anchor="", label="", previous_label="", next_label=""):
    """The one pagination component, for a Django ``Page`` (links from the request) or a ready ``Pagination``."""
    if page is None:
        return {}
    if not isinstance(page, Pagination):
        page = Pagination.of_page(page, context["request"], param=param, anchor=anchor)
    return {"pagination": page, "label": label, "previous_label": previous_label, "next_label": next_label}


@register.filter
def isolate(value):
    """Visitor text in a plain-text e-mail, between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the
    text's own direction can never reorder the words around it (HTML uses <bdi> or dir="auto")."""
    return f"\u2068{value}\u2069"
