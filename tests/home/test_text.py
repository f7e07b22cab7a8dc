import pytest

from home.factories import StandardPageFactory
from home.models import StandardPage
from home.text import fold_vi, record_id, slugify_vi


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đào tạo cán bộ", "dao-tao-can-bo"),
        ("ĐÀO TẠO", "dao-tao"),
        ("Hội LHPN tỉnh tổ chức Hội nghị", "hoi-lhpn-tinh-to-chuc-hoi-nghi"),
        ("Giám sát, phản biện xã hội!", "giam-sat-phan-bien-xa-hoi"),
        ("Phụ nữ & trẻ em 2024", "phu-nu-tre-em-2024"),
        ("Chủ Nhật ấm áp ở Điện Biên", "chu-nhat-am-ap-o-dien-bien"),
    ],
)
def test_slugify_vi_keeps_d_and_strips_accents(title, slug):
    assert slugify_vi(title) == slug


def test_fold_vi_folds_case_and_every_diacritic():
    assert fold_vi("ĐÀO TẠO Cán Bộ ỹ ữ ợ") == "dao tao can bo y u o"


def test_page_created_without_slug_gets_vietnamese_ascii_slug(home_page):
    page = StandardPage(title="Đào tạo cán bộ")
    home_page.add_child(instance=page)
    assert page.slug == "dao-tao-can-bo"


def test_second_page_with_same_title_gets_a_distinct_slug(home_page):
    StandardPageFactory(parent=home_page, title="Đào tạo cán bộ", slug="dao-tao-can-bo")
    page = StandardPage(title="Đào tạo cán bộ")
    home_page.add_child(instance=page)
    assert page.slug == "dao-tao-can-bo-2"


def test_explicit_slug_is_kept(home_page):
    page = StandardPage(title="Đào tạo cán bộ", slug="dao-tao")
    home_page.add_child(instance=page)
    assert page.slug == "dao-tao"


def test_admin_slug_formatters_fold_like_the_server():
    from home.text import slug_js_formatters

    title = "ĐÀO TẠO Cán Bộ Hội Phụ Nữ Ở Xã Mường Lống, Kỳ Sơn; Nguyễn Thị Ỹ"
    value = title
    for pattern, replacement in slug_js_formatters():
        value = pattern.sub(replacement, value)
    assert slugify_vi(value) == slugify_vi(title) == "dao-tao-can-bo-hoi-phu-nu-o-xa-muong-long-ky-son-nguyen-thi-y"
    assert value.isascii()


def test_admin_slug_field_carries_the_formatters(admin_client, home_page):
    html = admin_client.get(f"/admin/pages/add/home/standardpage/{home_page.pk}/").content.decode()
    assert "data-w-slug-formatters-value" in html
    assert "\\u1ea1" in html  # ạ
    assert "giu" in html


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12", 12), (" 7 ", 7), ("0012", 12), ("²", None), ("١٢", None), ("-3", None), ("1.5", None), ("", None),
     (None, None), ("9" * 10, None), ("9" * 9, 999_999_999)],
)  # fmt: skip
def test_a_record_number_from_an_address_is_ascii_digits_of_bounded_length(raw, expected):
    assert record_id(raw) == expected
