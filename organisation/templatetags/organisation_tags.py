from django import template

from organisation.directory import public_contact

register = template.Library()


@register.simple_tag
def unit_url(directory_page, unit):
    """The address of ``unit``'s page in the directory."""
    return directory_page.unit_url(unit)


@register.filter
def contact_facts(unit):
    return public_contact(unit)
