"""Responsive images: WebP renditions with a JPEG fallback, in a few fixed presets."""

import hashlib

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from . import fragments

# name -> (widths, aspect ratio as (w, h) or None to keep the original shape, sizes attribute)
PRESETS = {
    "hero": ((480, 800, 1200), (16, 9), "(min-width: 1100px) 720px, 100vw"),
    "card": ((320, 640), (3, 2), "(min-width: 900px) 300px, (min-width: 600px) 45vw, 100vw"),
    "thumb": ((160, 320), (3, 2), "160px"),
    "portrait": ((120, 240), (3, 4), "96px"),  # people: the leadership page
    "content": ((480, 800, 1200), None, "(min-width: 860px) 760px, 100vw"),
    "logo": ((64, 128), None, "64px"),
}


def preset_specs(preset):
    widths, ratio, _sizes = PRESETS[preset]
    specs = []
    for width in widths:
        base = f"fill-{width}x{round(width * ratio[1] / ratio[0])}-c100" if ratio else f"width-{width}"
        specs.append((width, f"{base}|format-webp|webpquality-80", f"{base}|format-jpeg|jpegquality-82"))
    return specs


def render_picture(image, preset="content", alt=None, css_class="", loading="lazy"):
    """A ``<picture>`` with a WebP ``srcset`` and a JPEG fallback; renditions fetched in one query.

    The HTML is kept in the fragment cache, keyed by everything it is made of (the image's file, size
    and focal point, the preset and the attributes): a new file or focal point is a new key, and any
    change to an image replaces the content version (``home.apps``)."""
    if image is None:
        return ""
    alt_text = image.default_alt_text if alt is None else alt
    key = _key("picture", image, preset, alt_text, css_class, loading)
    return mark_safe(fragments.cached(key, lambda: _picture(image, preset, alt_text, css_class, loading)))  # noqa: S308


def rendition_data(image, spec):
    """``{"url", "width", "height"}`` of one rendition, kept like pictures (see :func:`render_picture`)."""

    def read():
        rendition = image.get_rendition(spec)
        return {"url": rendition.url, "width": rendition.width, "height": rendition.height}

    return fragments.cached(_key("rendition", image, spec), read)


def _key(kind, image, *details):
    """A fragment key for what is drawn from ``image``: its file, size and focal point, and ``details``."""
    made_of = (image.pk, image.file.name, image.width, image.height, image.focal_point_x, image.focal_point_y,
               image.focal_point_width, image.focal_point_height, *details)  # fmt: skip
    return f"{kind}:" + hashlib.sha256(repr(made_of).encode()).hexdigest()[:32]


def _picture(image, preset, alt_text, css_class, loading):
    specs = preset_specs(preset)
    filters = [spec for _w, webp, jpeg in specs for spec in (webp, jpeg)]
    renditions = image.get_renditions(*filters)
    webp_srcset = format_html_join(", ", "{} {}w", ((renditions[webp].url, w) for w, webp, _j in specs))
    jpeg_srcset = format_html_join(", ", "{} {}w", ((renditions[jpeg].url, w) for w, _wb, jpeg in specs))
    fallback = renditions[specs[0][2]]
    largest = renditions[specs[-1][2]]
    sizes = PRESETS[preset][2]
    return format_html(
        '<picture class="{cls}"><source type="image/webp" srcset="{webp}" sizes="{sizes}">'
        '<img src="{src}" srcset="{jpeg}" sizes="{sizes}" width="{w}" height="{h}" alt="{alt}"'
        ' loading="{loading}" decoding="async"></picture>',
        cls=f"picture picture--{preset} {css_class}".strip(),
        webp=webp_srcset,
        jpeg=jpeg_srcset,
        sizes=sizes,
        src=fallback.url,
        w=largest.width,
        h=largest.height,
        alt=alt_text,
        loading=loading,
    )
