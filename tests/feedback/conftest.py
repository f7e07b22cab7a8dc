import io
import struct
import time
import zlib

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from PIL import Image

from accounts import factories as accounts_factories
from feedback.factories import FeedbackPageFactory, TopicFactory
from news.factories import NewsArticlePageFactory, NewsCategoryFactory, NewsIndexPageFactory


@pytest.fixture(autouse=True)
def _private_media_in_tmp(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def topic(db):
    return TopicFactory(name="Môi trường")


@pytest.fixture
def sensitive_topic(db):
    return TopicFactory(name="Bạo lực gia đình", sensitive=True)


@pytest.fixture
def feedback_page(home_page):
    return FeedbackPageFactory(parent=home_page)


@pytest.fixture
def moderator(db):
    return accounts_factories.moderator(email="tiepnhan@example.org")


SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def mod_client(client, moderator):
    """The test client signed in as a feedback moderator."""
    client.force_login(moderator)
    return client


def admin_url(model, name, *args):
    """The URL ``name`` of a feedback snippet viewset in the admin (``model``: "feedback" or "comment")."""
    return reverse(f"wagtailsnippets_feedback_{model}:{name}", args=args)


def aged_token(seconds=10, scope="feedback"):
    """A form token as if the form had been shown ``seconds`` ago."""
    return signing.TimestampSigner(salt=f"spam:{scope}").sign(f"{scope}:{time.time() - seconds:.3f}")


def submission(scope, fields, overrides):
    """What a visitor's browser posts to a public form: its ``fields``, the empty honeypot, a token signed ten
    seconds ago for ``scope`` and no proof of work; then the test's ``overrides`` (``None`` leaves a field out)."""
    data = {**fields, "website": "", "form_token": aged_token(scope=scope), "pow_nonce": "", **overrides}
    return {key: value for key, value in data.items() if value is not None}


def form_data(topic, **overrides):
    fields = {
        "topic": str(topic.pk),
        "content": "Rác thải đổ trộm cạnh trường mầm non thôn Đông, bốc mùi nhiều ngày.",
        "name": "Nguyễn Thị Lan",
        "phone": "0912 345 678",
        "email": "lan@example.org",
        "wants_reply": "on",
        "consent": "on",
    }
    return submission("feedback", fields, overrides)


def image_bytes(fmt="JPEG", size=(64, 48), exif_gps=False):
    image = Image.new("RGB", size, (200, 80, 120))
    out = io.BytesIO()
    kwargs = {}
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "Điện thoại của người gửi"  # Make
        exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 0.0)}  # GPS
        kwargs["exif"] = exif
    image.save(out, fmt, **kwargs)
    return out.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf_bytes():
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def bomb_png(width=50_000, height=50_000):
    """A few hundred bytes whose header claims billions of pixels."""
    raw = io.BytesIO()
    Image.new("1", (1, 1)).save(raw, "PNG")
    data = bytearray(raw.getvalue())
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 17])) & 0xFFFFFFFF
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


@pytest.fixture
def article(home_page):
    """A live news article open to comments."""
    index = NewsIndexPageFactory(parent=home_page)
    category = NewsCategoryFactory(name="Bình đẳng giới")
    return NewsArticlePageFactory(parent=index, title="Hội thi phụ nữ khởi nghiệp", categories=[category])


def attach_photo(item, name="anh.jpg"):
    """Stores a small JPEG as an attachment of the feedback ``item``, as the public form would."""
    from feedback.models import Attachment

    content = image_bytes()
    return Attachment.objects.create(
        feedback=item,
        file=ContentFile(content, name=name),
        original_name=name,
        kind="jpeg",
        content_type="image/jpeg",
        size=len(content),
    )
