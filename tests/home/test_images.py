import re

from home.demo_images import draw_demo_picture, get_or_create_demo_image
from home.images import render_picture


def test_demo_picture_is_drawn_locally_and_differs_by_seed():
    first, second = draw_demo_picture("a", size=(320, 180)), draw_demo_picture("b", size=(320, 180))
    assert first[:3] == b"\xff\xd8\xff"  # JPEG
    assert first != second


def test_picture_offers_webp_srcset_with_jpeg_fallback(db):
    image = get_or_create_demo_image("Ảnh thử", size=(1600, 900))
    html = render_picture(image, "card", alt="Hội nghị <b>")
    assert '<source type="image/webp"' in html
    webp_widths = re.search(r'type="image/webp" srcset="([^"]+)"', html).group(1)
    assert len(re.findall(r"\.webp \d+w", webp_widths)) == 2
    assert " 320w" in webp_widths
    assert " 640w" in webp_widths
    assert re.search(r'<img src="[^"]+\.jpg"', html)
    assert 'alt="Hội nghị &lt;b&gt;"' in html
    assert 'loading="lazy"' in html


def test_picture_of_nothing_renders_nothing():
    assert render_picture(None) == ""


def test_demo_image_is_reused_by_title(db):
    assert get_or_create_demo_image("Một ảnh", size=(64, 64)).pk == get_or_create_demo_image("Một ảnh").pk
