"""The language switch, ``hreflang`` links and the home address of the language being read."""

from django import template
from django.conf import settings

from home import i18n

register = template.Library()


@register.simple_tag
def language_home_url():
    """``/`` for Vietnamese pages, ``/en/`` for English ones."""
    return i18n.home_url()


@register.filter
def organisation_name(org):
    """The organisation's name in the language being read (its English name on English pages)."""
    if org is None:
        return ""
    if i18n.active_language() != settings.LANGUAGE_CODE and getattr(org, "organisation_name_en", ""):
        return org.organisation_name_en
    return org.organisation_name


def _switch(page):
    """``[{code, name, url, translated}]`` for every other language: the page's own translation when
    there is one, else that language's home page (never a dead link)."""
    active = i18n.active_language()
    versions = {code: url for code, url, _full in i18n.translations(page)} if page is not None else {}
    links = []
    for code, name in settings.LANGUAGES:
        if code == active:
            continue
        url = versions.get(code)
        if url is None and i18n.root_path(code) is not None:
            url = i18n.home_url(code)
        if url:
            links.append({"code": code, "name": name, "url": url, "translated": code in versions})
    return links


@register.inclusion_tag("components/language_switch.html", takes_context=True)
def language_switch(context, page=None):
    return {"languages": _switch(page)}


@register.inclusion_tag("components/hreflang_links.html")
def hreflang_links(page=None):
    """``<link rel="alternate" hreflang>`` for each live version of ``page`` when it has more than one,
    and ``x-default`` pointing at the Vietnamese one."""
    versions = i18n.translations(page) if page is not None else []
    if len(versions) < 2:
        return {"versions": [], "default": None}
    default = next((full for code, _url, full in versions if code == settings.LANGUAGE_CODE), None)
    return {"versions": [(code, full) for code, _url, full in versions], "default": default}
