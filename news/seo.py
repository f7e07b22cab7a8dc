"""What an article tells search engines and social networks: canonical URL, share links, Open Graph
and Twitter cards, and schema.org ``NewsArticle`` as JSON-LD."""

import json
from urllib.parse import urljoin

from django.utils import timezone
from django.utils.safestring import mark_safe

from home.images import rendition_data
from home.models import SiteSettings
from home.sharing import share_links

SOCIAL_IMAGE_SPEC = "fill-1200x630-c100|format-jpeg|jpegquality-82"

# Inside <script>, "</script>" or "<!--" in an editor's title must not end the element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    """``data`` as JSON safe to place between ``<script type="application/ld+json">`` tags."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


ARTICLE_META = ("canonical_url", "share", "social_image", "article_json_ld")  # what article_meta gives


def article_meta(page, request, index_page):
    """Context for the article's ``<head>`` and share bar."""
    canonical = page.get_full_url(request)
    social_image = None
    if page.featured_image_id:
        rendition = rendition_data(page.featured_image, SOCIAL_IMAGE_SPEC)
        social_image = {**rendition, "url": urljoin(canonical, rendition["url"])}
    organisation = SiteSettings.for_request(request).organisation_name
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "headline": page.title[:110],
        "description": page.lead,
        "datePublished": _iso(page.first_published_at),
        "dateModified": _iso(page.last_published_at or page.first_published_at),
        "author": {"@type": "Person", "name": page.author}
        if page.author
        else {"@type": "Organization", "name": organisation},
        "publisher": {"@type": "Organization", "name": organisation},
        "articleSection": [category.name for category in page.category_list],
        "keywords": [tag.name for tag in page.tag_list],
        "inLanguage": "vi",
    }
    if social_image:
        data["image"] = [social_image["url"]]
    return {
        "canonical_url": canonical,
        "share": share_links(canonical, page.title),
        "social_image": social_image,
        "article_json_ld": json_ld({key: value for key, value in data.items() if value is not None}),
    }
