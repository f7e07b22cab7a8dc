"""The admin's branding: the union's name and logo from the site settings (home.SiteSettings)."""

from django import template
from django.conf import settings

from wagtail.models import Site

from home.models import SiteSettings

register = template.Library()
LOGO_SPEC = "max-240x240"


@register.simple_tag(takes_context=True)
def admin_brand(context):
    """``{"name": ..., "logo_url": ...}`` for the site the request is on (the default site otherwise);
    the logo's rendition is made once and then read from Wagtail's rendition table."""
    request = context.get("request")
    memo = getattr(request, "_portal_admin_brand", None)
    if memo is not None:
        return memo
    site = Site.find_for_request(request) if request else None
    site = site or Site.objects.filter(is_default_site=True).first()
    brand = {"name": settings.WAGTAIL_SITE_NAME, "logo_url": ""}
    if site is not None:
        site_settings = SiteSettings.for_site(site)
        brand["name"] = site_settings.organisation_name or brand["name"]
        if site_settings.logo_id:
            try:
                brand["logo_url"] = site_settings.logo.get_rendition(LOGO_SPEC).url
            except (OSError, ValueError):  # a missing or unreadable file: the name alone
                brand["logo_url"] = ""
    if request is not None:
        request._portal_admin_brand = brand
    return brand
