"""Checks and cleans what a visitor attaches, judging files by their content, never their name.

Accepted: JPEG, PNG, WebP (re-encoded with Pillow, which drops EXIF and GPS data and anything
hidden after the image) and PDF (kept as sent unless it carries JavaScript, actions or embedded files,
see ``feedback.pdfcheck``; a moderator opens it, never the public). Files are stored under names the
server makes up (``feedback.models.items.attachment_path``); the visitor's name is kept only to name
the download.
"""

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from PIL import Image, ImageOps, UnidentifiedImageError

from .pdfcheck import dangerous_features

MAX_FILES = 3
MAX_BYTES = 5 * 1024 * 1024
# Far above any phone photo, far below what would exhaust memory when decoded.
MAX_PIXELS = 40_000_000
# Photos are kept at a size a moderator can read, not at the sensor's full size.
MAX_SIDE = 2560

KINDS = {
    # kind: (Pillow format, extension, content type)
    "jpeg": ("JPEG", "jpg", "image/jpeg"),
    "png": ("PNG", "png", "image/png"),
    "webp": ("WEBP", "webp", "image/webp"),
    "pdf": (None, "pdf", "application/pdf"),
}


EXTENSIONS = {"jpg": "jpeg", "jpeg": "jpeg", "jfif": "jpeg", "png": "png", "webp": "webp", "pdf": "pdf"}
LABELS = {"jpeg": "ảnh JPEG", "png": "ảnh PNG", "webp": "ảnh WebP", "pdf": "tệp PDF"}


@dataclass
class CleanFile:
    content: ContentFile
    kind: str
    content_type: str
    original_name: str
    size: int


def sniff(head):
    """The kind of file its first bytes announce, or ``None``."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"%PDF-"):
        return "pdf"
    return None


def _safe_name(name):
    base = (name or "tep").replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(char for char in base if char.isprintable())[:100] or "tep"


def clean_upload(uploaded):
    """Returns a :class:`CleanFile` or raises ``ValidationError`` with a message for the visitor."""
    name = _safe_name(uploaded.name)
    max_bytes = getattr(settings, "FEEDBACK_MAX_UPLOAD_BYTES", MAX_BYTES)
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("Tệp “%(name)s” lớn hơn %(limit)s MB. Xin gửi tệp nhỏ hơn."),
            params={"name": name, "limit": max_bytes // (1024 * 1024)},
            code="too_big",
        )
    uploaded.seek(0)
    data = uploaded.read(max_bytes + 1)
    kind = sniff(data[:16])
    if kind is None:
        raise ValidationError(
            _("Tệp “%(name)s” không phải ảnh JPEG, PNG, WebP hay tệp PDF. Chỉ nhận các loại tệp này."),
            params={"name": name},
            code="bad_type",
        )
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if EXTENSIONS.get(extension) != kind:
        # A file whose name says one thing and whose content another is refused, whatever it is.
        raise ValidationError(
            _("Tệp “%(name)s” có tên không khớp với nội dung (nội dung là %(kind)s). Xin kiểm tra lại tệp."),
            params={"name": name, "kind": LABELS[kind]},
            code="mismatch",
        )
    if kind == "pdf":
        if b"%%EOF" not in data[-2048:]:
            raise ValidationError(
                _("Tệp PDF “%(name)s” bị hỏng hoặc chưa tải lên đầy đủ."), params={"name": name}, code="broken"
            )
        if dangerous_features(data):
            raise ValidationError(
                _(
                    "Tệp PDF “%(name)s” có chứa mã chạy tự động (JavaScript), lệnh mở chương trình khác, tệp "
                    "đính kèm bên trong hoặc được mã hoá. Vì an toàn, hệ thống không nhận tệp này. Xin lưu lại "
                    "thành PDF thông thường (In > Lưu thành PDF) hoặc chụp ảnh trang giấy rồi gửi lại."
                ),
                params={"name": name},
                code="active_pdf",
            )
        cleaned = data
    else:
        cleaned = _reencode_image(data, kind, name)
    pil_format, extension, content_type = KINDS[kind]
    stem = name.rsplit(".", 1)[0][:80] or "tep"
    return CleanFile(
        # The storage name is made by the server (attachment_path); this one only carries the extension.
        content=ContentFile(cleaned, name=f"tep.{extension}"),
        kind=kind,
        content_type=content_type,
        original_name=f"{stem}.{extension}",
        size=len(cleaned),
    )


def _reencode_image(data, kind, name):
    broken = ValidationError(
        _("Ảnh “%(name)s” bị hỏng hoặc không đọc được. Xin chụp hoặc lưu lại ảnh rồi gửi."),
        params={"name": name},
        code="broken",
    )
    too_large = ValidationError(
        _("Ảnh “%(name)s” có kích thước điểm ảnh quá lớn. Xin thu nhỏ ảnh rồi gửi lại."),
        params={"name": name},
        code="bomb",
    )
    max_pixels = getattr(settings, "FEEDBACK_MAX_IMAGE_PIXELS", MAX_PIXELS)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                # The header gives the size before anything is decoded: refuse bombs here.
                if probe.width * probe.height > max_pixels:
                    raise too_large
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
                image.thumbnail((MAX_SIDE, MAX_SIDE))
                return _encode(image, kind)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_large from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise broken from None


def _encode(image, kind):
    out = io.BytesIO()
    if kind == "jpeg":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=85, optimize=True)
    elif kind == "png":
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
    else:
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA")
        image.save(out, "WEBP", quality=85)
    # Nothing of the original's metadata is passed to save(): EXIF, GPS, XMP and comments are gone.
    return out.getvalue()
