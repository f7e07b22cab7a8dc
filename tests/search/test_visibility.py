"""Only live, public content is found: never drafts, private pages or what is below them."""

import re

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest

from home.models import StandardPage


def search_html(client, query):
    return client.get("/tim-kiem/", {"q": query}).content.decode()


def suggestion_titles(client, query):
    return [item["title"] for item in client.get("/tim-kiem/goi-y/", {"q": query}).json()["results"]]


def test_draft_page_is_never_found(client, make_page):
    make_page("Kế hoạch đào tạo bí mật", live=False)
    assert "Tìm thấy 0 kết quả" in search_html(client, "bi mat")
    assert suggestion_titles(client, "bi mat") == []


def test_unsaved_draft_changes_of_a_live_page_are_not_searchable(client, make_page):
    page = make_page("Thông báo lịch đào tạo")
    page.title = "Danh sách nội bộ chưa duyệt"
    page.save_revision()
    assert "Tìm thấy 0 kết quả" in search_html(client, "noi bo chua duyet")
    assert "Tìm thấy 1 kết quả" in search_html(client, "lich dao tao")


def test_unpublished_page_disappears(client, make_page):
    page = make_page("Đào tạo đã gỡ")
    page.unpublish()
    assert "Tìm thấy 0 kết quả" in search_html(client, "dao tao da go")


@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": PageViewRestriction.LOGIN},
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "matkhau"},
    ],
)
def test_private_page_and_its_children_are_never_found(client, make_page, restriction):
    private = make_page("Tài liệu đào tạo nội bộ")
    make_page("Phụ lục đào tạo nội bộ", parent=private)
    make_page("Đào tạo công khai")
    PageViewRestriction.objects.create(page=private, **restriction)
    html = search_html(client, "dao tao")
    assert "Tìm thấy 1 kết quả" in html
    assert "nội bộ" not in html.split("<main", 1)[1]
    assert suggestion_titles(client, "dao tao") == ["Đào tạo công khai"]


def test_group_restricted_page_is_not_found_even_by_a_member(client, make_page, django_user_model):
    members = Group.objects.get(name="Học viên")
    private = make_page("Tài liệu đào tạo cho học viên")
    restriction = PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(members)
    user = django_user_model.objects.create_user(username="hocvien1", password="x")
    user.groups.add(members)
    client.force_login(user)
    assert "Tìm thấy 0 kết quả" in search_html(client, "dao tao")


def test_pages_their_type_declares_hidden_are_not_found(client, make_page, monkeypatch):
    members_only = make_page("Bài học đào tạo dành cho hội viên")
    make_page("Đào tạo công khai")
    monkeypatch.setattr(
        StandardPage,
        "search_hidden_pages",
        classmethod(lambda cls: cls.objects.filter(pk=members_only.pk)),
        raising=False,
    )
    html = search_html(client, "dao tao")
    assert "Tìm thấy 1 kết quả" in html
    assert "hội viên" not in html.split("<main", 1)[1]
    assert suggestion_titles(client, "dao tao") == ["Đào tạo công khai"]


def test_the_shorter_queries_offered_for_nothing_found_count_only_public_documents(client, make_page):
    """The "(N kết quả)" of each suggested query counts what a visitor would find by following it."""
    private = make_page("Đào tạo nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    make_page("Đào tạo đã gỡ").unpublish()
    make_page("Lịch đào tạo công khai")
    make_page("Đào tạo cán bộ chi hội")
    html = search_html(client, "đào tạo vũ trụ")
    assert "Tìm thấy 0 kết quả" in html
    suggestions = html[html.index('class="search-suggestions"') :]
    suggestions = suggestions[: suggestions.index("</ul>")]
    assert re.findall(r">([^<]+)</a> \((\d+) kết quả\)", suggestions) == [("đào tạo", "2"), ("đào", "2"), ("tạo", "2")]
