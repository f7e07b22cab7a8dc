"""Fixtures and data shared by the reader comment tests."""

from .conftest import submission


def comment_data(**overrides):
    fields = {
        "name": "Trần Thị Mai",
        "email": "mai@example.org",
        "text": "Bài viết hay, mong Hội tổ chức thêm ở các xã vùng cao.",
    }
    return submission("comments", fields, overrides)


def submit_url(page):
    return f"/y-kien/gui/{page.pk}/"
