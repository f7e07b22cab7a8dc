"""Demo images drawn with Pillow: nothing is downloaded."""

import io
import random

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage
from PIL import ImageDraw

PALETTES = [
    ((11, 79, 138), (176, 18, 79)),
    ((30, 107, 52), (240, 180, 41)),
    ((120, 40, 140), (255, 140, 120)),
    ((0, 110, 120), (250, 220, 160)),
    ((160, 60, 20), (255, 230, 200)),
    ((40, 40, 90), (120, 200, 230)),
]


def draw_demo_picture(seed, size=(1600, 900)):
    """A gradient with soft shapes, different for every seed; returns JPEG bytes."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    start, end = PALETTES[rng.randrange(len(PALETTES))]
    width, height = size
    image = PILImage.new("RGB", size, start)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(height - 1, 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(start, end, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    for _ in range(7):
        radius = rng.randint(height // 10, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        tint = tuple(min(255, c + rng.randint(30, 90)) for c in end)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], outline=tint, width=rng.randint(4, 14))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def get_or_create_demo_image(title, seed=None, size=(1600, 900)):
    """The Wagtail image titled ``title``, drawn on first use."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_demo_picture(seed if seed is not None else title, size=size)
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{abs(hash(title)) % 10**8}.jpg")
    image.save()
    return image
