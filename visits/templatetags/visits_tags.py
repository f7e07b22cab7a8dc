"""The footer's visit line (and the page's beacon) and the "Đọc nhiều" list."""

from django import template
from django.urls import reverse

from home import fragments, i18n

from .. import counter, popular

register = template.Library()


def grouped(number):
    """``1.234.567`` in Vietnamese, ``1,234,567`` in English (Django's vi formats do not group)."""
    text = f"{number:,}"
    return text.replace(",", ".") if i18n.active_language() == "vi" else text


@register.inclusion_tag("visits/footer_line.html", takes_context=True)
def visit_line(context, page=None):
    """ "Lượt truy cập: 12.345", and on a page the beacon's address and the page's number (the same for
    every reader: cached pages carry them too). The total is a few minutes old at most."""
    try:
        visits = fragments.cached("visits-total", counter.total)
    except Exception:  # the database is busy: the line is left out, never the page
        visits = None
    request = context.get("request")
    counted = getattr(page, "live", False) and not getattr(request, "is_preview", False)
    page_id = page.pk if counted else None
    return {
        "total": visits,
        "total_text": grouped(visits) if visits is not None else "",
        "page_id": page_id,
        "beacon": reverse("visit_beacon") if page_id else None,
    }


@register.simple_tag(takes_context=True)
def most_read_news(context):
    """The "Đọc nhiều" list of the news pages (the articles most read in the last 30 days)."""
    return popular.render_most_read(context.get("request"))
