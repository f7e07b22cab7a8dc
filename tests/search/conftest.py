import datetime

from django.utils import timezone

import pytest

from home.factories import StandardPageFactory


@pytest.fixture
def make_page(home_page):
    """``make_page("Tiêu đề", "Tóm tắt", year=2024, live=True, parent=None)``: a standard page, indexed."""

    def make(title, intro="", *, year=2025, live=True, parent=None, **fields):
        published = timezone.make_aware(datetime.datetime(year, 6, 15, 9, 0))
        return StandardPageFactory(
            parent=parent or home_page,
            title=title,
            intro=intro,
            live=live,
            first_published_at=published if live else None,
            **fields,
        )

    return make
