"""Vietnamese date lines, in the written form official portals use ("Thứ Sáu", not Django's "Thứ 6")."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

WEEKDAYS = [
    _("Thứ Hai"),
    _("Thứ Ba"),
    _("Thứ Tư"),
    _("Thứ Năm"),
    _("Thứ Sáu"),
    _("Thứ Bảy"),
    _("Chủ Nhật"),
]


def weekday_name(value):
    return str(WEEKDAYS[value.weekday()])


def dateline(value):
    """``Thứ Sáu, 01/11/2024 20:42 (GMT+7)`` in the site's time zone."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    offset = value.utcoffset()
    hours = int(offset.total_seconds() // 3600) if offset is not None else 7
    return f"{weekday_name(value)}, {value:%d/%m/%Y %H:%M} (GMT{hours:+d})"


def short_date(value):
    """``01/11/2024``."""
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{value:%d/%m/%Y}"
