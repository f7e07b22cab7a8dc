"""``{% fragment "name" key ... %}...{% endfragment %}``: a piece of template kept as HTML in the fragment
cache (``home.fragments``) until the next change of content.

    {% load fragment_tags %}
    {% fragment "news-card" article.pk article.last_published_at preset %}...{% endfragment %}
    {% fragment "news-listing" listing_key shared_only %}...{% endfragment %}

A last word ``shared_only`` keeps the piece only with a shared cache (see ``home.fragments.cached``).

The HTML is kept per name, per value of the keys, per site and language, under the content version
that every publish, unpublish, move, deletion, view restriction, image or settings change replaces
(so a card or a body never outlives what it shows). Like Django's ``{% cache %}``, but tied to that
version, read through the per-process copy, and never failing the page when the cache is down.
What is inside must show nothing of the visitor or the request (no user, token, query string or
message): only content. In a preview the inside is always rendered afresh (it shows the draft).
"""

import hashlib

from django import template
from django.utils.functional import Promise
from django.utils.translation import get_language

from wagtail.models import Site

from home import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, keys, shared_only=False):
        self.nodelist = nodelist
        self.name = name
        self.keys = keys
        self.shared_only = shared_only

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        site = Site.find_for_request(request)
        made_of = (site.pk if site else None, get_language(), *(_key_part(key.resolve(context)) for key in self.keys))
        key = f"html:{self.name}:" + hashlib.sha256(repr(made_of).encode()).hexdigest()[:32]
        return fragments.cached(key, lambda: self.nodelist.render(context), shared_only=self.shared_only)


def _key_part(value):
    """A key's value as it reads: a lazy translation is its text (its ``repr`` differs on every request)."""
    return str(value) if isinstance(value, Promise) else value


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("{% fragment %} takes a quoted name, then the values it depends on")
    shared_only = bits[-1] == "shared_only"  # see home.fragments.cached
    if shared_only:
        bits = bits[:-1]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], shared_only)
