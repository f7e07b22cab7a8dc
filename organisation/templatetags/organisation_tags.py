from django import template

register = template.Library()


@register.simple_tag
def unit_url(directory_page, unit):
    """The address of ``unit``'s page in the directory."""
    return directory_page.unit_url(unit)
