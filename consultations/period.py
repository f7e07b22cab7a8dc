"""When a consultation takes comments: one rule, read by the page, the submit view and the command.

A consultation is open from ``opens_at`` (included) to ``closes_at`` (excluded), instants stored in UTC
and entered and shown in the portal's time zone (GMT+7): closing at 17:00 means a comment sent at
16:59:59 is taken and one sent at 17:00:00 is refused.
"""

import math

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("Sắp lấy ý kiến")
    OPEN = "open", _("Đang lấy ý kiến")
    CLOSED = "closed", _("Đã hết hạn góp ý")


def phase(opens_at, closes_at, now=None):
    now = now or timezone.now()
    if opens_at is not None and now < opens_at:
        return Phase.UPCOMING
    if closes_at is not None and now >= closes_at:
        return Phase.CLOSED
    return Phase.OPEN


def days_left(closes_at, now=None):
    """Whole days until the close, rounded up (``0`` once it has passed): "còn 3 ngày"."""
    now = now or timezone.now()
    seconds = (closes_at - now).total_seconds()
    return max(0, math.ceil(seconds / 86400))
