import pytest

from home.factories import StandardPageFactory
from home.models import StandardPage
from home.text import fold_vi, slugify_vi


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
