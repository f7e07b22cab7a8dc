"""Fixtures and data shared by the reader comment tests."""

from .conftest import aged_token


def comment_data(**overrides):
    data = {
        "name": "Trần Thị Mai",
        "email": "mai@example.org",
        "text": "Bài viết hay, mong Hội tổ chức thêm ở các xã vùng cao.",
        "website": "",
        "form_token": aged_token(scope="comments"),
        "pow_nonce": "",
    }
    data.update(overrides)
    return data


def submit_url(page):
    return f"/y-kien/gui/{page.pk}/"
