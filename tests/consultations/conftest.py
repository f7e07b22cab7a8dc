import datetime

from django.utils import timezone

import pytest

from accounts import factories as accounts_factories
from consultations.factories import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    QuestionFieldFactory,
    QuestionIndexPageFactory,
)
from tests.feedback.conftest import submission

GMT7 = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture
def index_page(home_page):
    return ConsultationIndexPageFactory(parent=home_page)


@pytest.fixture
def consultation(index_page):
    """Open from yesterday for ten days, with six sections."""
    return ConsultationPageFactory(parent=index_page, title="Dự thảo hỗ trợ phụ nữ khởi nghiệp", sections=6)


@pytest.fixture
def moderator(db):
    return accounts_factories.moderator(email="tiepnhan@example.org")


@pytest.fixture
def qa_page(home_page):
    return QuestionIndexPageFactory(parent=home_page)


@pytest.fixture
def qa_field(db):
    return QuestionFieldFactory(name="Vay vốn, sinh kế")


def comment_data(section=None, **overrides):
    fields = {
        "section": str(getattr(section, "pk", section) or ""),
        "name": "Nguyễn Thị Hằng",
        "is_member": "on",
        "unit": "",
        "email": "hang@example.org",
        "phone": "0912 345 678",
        "text": "Đề nghị nâng mức vay lên 150 triệu đồng cho mô hình có nhiều lao động nữ.",
    }
    return submission("comments", fields, overrides)


def submit_url(page):
    return f"/y-kien/du-thao/{page.pk}/"


def question_data(**overrides):
    fields = {
        "field": "",
        "text": "Xin hỏi điều kiện vay vốn hỗ trợ phụ nữ khởi nghiệp ở xã tôi?",
        "name": "Phạm Thị Thu",
        "phone": "0987654321",
        "email": "thu@example.org",
        "consent": "on",
    }
    return submission("feedback", fields, overrides)


def at_gmt7(year, month, day, hour, minute, second=0):
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=GMT7)


def local(value):
    return timezone.localtime(value)
