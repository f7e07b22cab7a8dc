from wagtail.contrib.redirects.models import Redirect

import pytest

from home.factories import StandardPageFactory
from home.models import SiteSettings
from tests.utils import loaded_resources, third_party_resources


@pytest.fixture
def org(site):
    settings = SiteSettings.for_site(site)
    settings.organisation_name = "Hội Liên hiệp Phụ nữ tỉnh Thử"
    settings.hotline = "1800 1567"
    settings.zalo_url = "https://zalo.me/hoiphunu"
    settings.facebook_url = "https://www.facebook.com/hoiphunu"
    settings.footer_links = [("link", {"title": "Hội LHPN Việt Nam", "external_url": "https://hoilhpn.org.vn/"})]
    settings.save()
    return settings


def test_home_page_shows_organisation_and_layout(client, org):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi"' in html
    assert "Hội Liên hiệp Phụ nữ tỉnh Thử" in html
    assert 'class="skip-link" href="#main"' in html
    assert 'action="/tim-kiem/"' in html
    assert "data-text-size-control" in html
    assert "Liên kết website" in html
    assert "https://hoilhpn.org.vn/" in html
    assert "https://zalo.me/hoiphunu" in html
    assert "tel:18001567" in html


def test_pages_load_no_third_party_resources(client, org):
    html = client.get("/").content.decode()
    resources = loaded_resources(html)
    assert any(url.endswith(".css") for url in resources)
    assert third_party_resources(html) == []


def test_main_menu_lists_pages_marked_for_menus(client, home_page):
    StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Trang ẩn", slug="trang-an", show_in_menus=False)
    html = client.get("/gioi-thieu/").content.decode()
    nav = html.split('class="main-nav"')[1].split("</nav>")[0]
    assert 'href="/gioi-thieu/" aria-current="page">Giới thiệu' in nav
    assert "Trang ẩn" not in nav


def test_standard_page_renders_body_blocks_and_breadcrumbs(client, home_page):
    StandardPageFactory(
        parent=home_page,
        title="Liên hệ",
        slug="lien-he",
        body=[
            ("heading", {"text": "Văn phòng Hội", "level": "h2"}),
            ("paragraph", "<p>Tiếp công dân giờ hành chính.</p>"),
            ("quote", {"text": "Lắng nghe <script>alert(1)</script>", "attribution": "Chủ tịch"}),
        ],
    )
    response = client.get("/lien-he/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 class="block-heading">Văn phòng Hội</h2>' in html
    assert "Tiếp công dân giờ hành chính." in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'aria-label="Đường dẫn"' in html


def test_query_count_of_a_standard_page_is_bounded(client, home_page, django_assert_max_num_queries):
    for n in range(8):
        StandardPageFactory(parent=home_page, title=f"Mục {n}", slug=f"muc-{n}", show_in_menus=True)
    client.get("/muc-1/")
    with django_assert_max_num_queries(12):
        assert client.get("/muc-1/").status_code == 200


def test_unknown_path_gets_vietnamese_404(client, home_page):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_bad_host_header_gets_400_not_500(client, home_page):
    response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400


def test_robots_txt_points_at_sitemap_and_hides_admin(client):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_live_pages_with_absolute_urls(client, home_page):
    StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    draft = StandardPageFactory(parent=home_page, title="Nháp", slug="nhap")
    draft.unpublish()
    body = client.get("/sitemap.xml").content.decode()
    assert "/gioi-thieu/</loc>" in body
    assert "<loc>http" in body
    assert "/nhap/" not in body


def test_wagtail_redirects_work(client, home_page):
    StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    Redirect.objects.create(old_path="/gioi-thieu-cu", redirect_link="/gioi-thieu/", is_permanent=True)
    response = client.get("/gioi-thieu-cu/")
    assert response.status_code == 301
    assert response["Location"].endswith("/gioi-thieu/")


def test_health_check_names_each_dependency(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "local",
        "search": "database",
        "tasks": {"state": "immediate"},
    }


def test_server_error_page_is_vietnamese_and_standalone(rf):
    from home.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "website đang gặp sự cố" in response.content.decode()
