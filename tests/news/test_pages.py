import datetime
import json
import re

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from news.factories import NewsArticlePageFactory, NewsCategoryFactory
from news.models import NewsCategory
from tests.utils import third_party_resources

TZ = timezone.get_fixed_timezone(7 * 60)


def at(year, month, day, hour=9, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=TZ)


def test_category_slug_is_vietnamese_ascii(db):
    assert NewsCategoryFactory(name="Đào tạo cán bộ").slug == "dao-tao-can-bo"


def test_article_page_shows_the_vietnamese_date_line_byline_and_body(client, news_index, categories, image):
    NewsArticlePageFactory(
        parent=news_index,
        title="Hội nghị giám sát",
        slug="hoi-nghi-giam-sat",
        lead="Sapo của bài.",
        author="Hoài Minh",
        featured_image=image,
        first_published_at=at(2024, 11, 1, 20, 42),
        last_published_at=at(2024, 11, 1, 20, 42),
        categories=[categories[0]],
        tags=["bình đẳng giới"],
        body=[
            ("paragraph", "<p>Đoạn mở đầu.</p>"),
            ("quote", {"text": "Lắng nghe hội viên.", "attribution": "Chủ tịch"}),
            ("table", {"first_row_is_table_header": True, "first_col_is_header": False, "table_caption": "Số liệu",
                       "data": [["Xã", "Số vụ"], ["Hòa Bình", "3"]]}),
        ],
    )  # fmt: skip
    html = client.get("/tin-tuc/hoi-nghi-giam-sat/").content.decode()
    assert "Thứ Sáu, 01/11/2024 20:42 (GMT+7)" in html
    assert '<p class="lead">Sapo của bài.</p>' in html
    assert 'class="news-article__author">Hoài Minh<' in html
    assert "Lắng nghe hội viên." in html and "<caption>Số liệu</caption>" in html
    assert 'href="/tin-tuc/chuyen-muc/giam-sat-phan-bien-xa-hoi/"' in html
    assert 'href="/tin-tuc/the/binh-dang-gioi/" rel="tag"' in html
    assert "<picture" in html
    assert "Cập nhật" not in html
    assert third_party_resources(html) == []


def test_article_edited_after_publication_shows_the_update_time(client, news_index):
    NewsArticlePageFactory(
        parent=news_index,
        slug="bai-sua",
        first_published_at=at(2024, 11, 1, 20, 42),
        last_published_at=at(2024, 11, 3, 8, 15),
    )
    html = client.get("/tin-tuc/bai-sua/").content.decode()
    assert "Cập nhật" in html
    assert "Chủ Nhật, 03/11/2024 08:15 (GMT+7)" in html


def test_related_articles_share_a_category_newest_first_without_itself(client, news_index, categories):
    training, equality = categories[1], categories[2]
    article = NewsArticlePageFactory(parent=news_index, slug="bai-chinh", categories=[training])
    older = NewsArticlePageFactory(parent=news_index, title="Tin cũ cùng mục", categories=[training],
                                   first_published_at=timezone.now() - datetime.timedelta(days=5))  # fmt: skip
    newer = NewsArticlePageFactory(parent=news_index, title="Tin mới cùng mục", categories=[training, equality],
                                   first_published_at=timezone.now() - datetime.timedelta(minutes=5))  # fmt: skip
    NewsArticlePageFactory(parent=news_index, title="Tin mục khác", categories=[equality])
    html = client.get(article.url).content.decode()
    related = html.split('id="related-title"')[1].split("</aside>")[0]
    assert related.index(newer.title) < related.index(older.title)
    assert "Tin mục khác" not in related
    assert article.title not in related


def test_previous_and_next_articles_follow_publication_order(client, news_index):
    now = timezone.now()
    first = NewsArticlePageFactory(
        parent=news_index, title="Tin thứ nhất", first_published_at=now - datetime.timedelta(days=3)
    )
    middle = NewsArticlePageFactory(
        parent=news_index, title="Tin thứ hai", first_published_at=now - datetime.timedelta(days=2)
    )
    last = NewsArticlePageFactory(
        parent=news_index, title="Tin thứ ba", first_published_at=now - datetime.timedelta(days=1)
    )
    html = client.get(middle.url).content.decode()
    nav = html.split('<nav class="prev-next')[1].split("</nav>")[0]
    assert f'href="{first.url}" rel="prev"' in nav
    assert f'href="{last.url}" rel="next"' in nav


def test_share_links_are_plain_links_to_facebook_zalo_and_the_article(client, news_index):
    NewsArticlePageFactory(parent=news_index, slug="chia-se")
    html = client.get("/tin-tuc/chia-se/").content.decode()
    encoded = "http%3A%2F%2Flocalhost%2Ftin-tuc%2Fchia-se%2F"
    assert f"https://www.facebook.com/sharer/sharer.php?u={encoded}" in html
    assert f"https://sp.zalo.me/share_inline?url={encoded}" in html
    assert 'href="http://localhost/tin-tuc/chia-se/" data-copy-link' in html
    assert "Sao chép liên kết" in html
    assert "connect.facebook.net" not in html and "zalo.me/sdk" not in html


def test_print_view_uses_the_print_stylesheet_for_the_screen(client, news_index):
    NewsArticlePageFactory(parent=news_index, slug="ban-in")
    normal = client.get("/tin-tuc/ban-in/").content.decode()
    assert 'href="?in=1" data-print' in normal
    printed = client.get("/tin-tuc/ban-in/?in=1").content.decode()
    assert re.search(r'<link rel="stylesheet" href="/static/css/print.css">', printed)
    assert '<meta name="robots" content="noindex">' in printed
    assert '<link rel="canonical" href="http://localhost/tin-tuc/ban-in/">' in printed


def test_article_has_canonical_open_graph_twitter_and_json_ld(client, news_index, categories, image):
    NewsArticlePageFactory(
        parent=news_index,
        slug="seo",
        title="Tiêu đề </script><script>alert(1)</script>",
        lead="Sapo & tóm tắt",
        author="Thu Trang",
        featured_image=image,
        categories=[categories[0]],
    )
    html = client.get("/tin-tuc/seo/").content.decode()
    assert '<link rel="canonical" href="http://localhost/tin-tuc/seo/">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:url" content="http://localhost/tin-tuc/seo/">' in html
    assert re.search(r'<meta property="og:image" content="http://localhost/media/images/[^"]+\.jpg">', html)
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert "<script>alert(1)</script>" not in html
    raw = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("Tiêu đề </script>")
    assert data["author"] == {"@type": "Person", "name": "Thu Trang"}
    assert data["articleSection"] == ["Giám sát, phản biện xã hội"]
    assert data["mainEntityOfPage"]["@id"] == "http://localhost/tin-tuc/seo/"
    assert data["image"][0].startswith("http://localhost/media/images/")


def test_news_index_lists_newest_first_and_links_feeds_in_head(client, news_index):
    NewsArticlePageFactory(
        parent=news_index, title="Tin cũ hơn", first_published_at=timezone.now() - datetime.timedelta(days=2)
    )
    NewsArticlePageFactory(
        parent=news_index, title="Tin mới nhất", first_published_at=timezone.now() - datetime.timedelta(hours=1)
    )
    html = client.get("/tin-tuc/").content.decode()
    assert html.index("Tin mới nhất") < html.index("Tin cũ hơn")
    head = html.split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml" title="Tin tức (RSS)" href="/tin-tuc/rss/">' in head
    assert '<link rel="alternate" type="application/atom+xml" title="Tin tức (Atom)" href="/tin-tuc/atom/">' in head


def test_draft_and_private_articles_are_not_listed(client, news_index):
    from wagtail.models import PageViewRestriction

    NewsArticlePageFactory(parent=news_index, title="Tin công khai")
    NewsArticlePageFactory(parent=news_index, title="Tin nháp", live=False)
    private = NewsArticlePageFactory(parent=news_index, title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/tin-tuc/").content.decode()
    assert "Tin công khai" in html
    assert "Tin nháp" not in html
    assert "Tin nội bộ" not in html


def test_category_page_lists_only_its_articles_and_its_feeds(client, news_index, categories):
    NewsArticlePageFactory(parent=news_index, title="Tin đào tạo", categories=[categories[1]])
    NewsArticlePageFactory(parent=news_index, title="Tin giám sát", categories=[categories[0]])
    response = client.get("/tin-tuc/chuyen-muc/dao-tao-can-bo/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Đào tạo cán bộ</h1>" in html
    assert "Tin đào tạo" in html and "Tin giám sát" not in html
    assert 'href="/tin-tuc/chuyen-muc/dao-tao-can-bo/rss/"' in html.split("</head>")[0]


def test_unknown_category_tag_or_month_is_404(client, news_index, categories):
    assert client.get("/tin-tuc/chuyen-muc/khong-co-muc-nay/").status_code == 404
    assert client.get("/tin-tuc/chuyen-muc/khong-co-muc-nay/rss/").status_code == 404
    assert client.get("/tin-tuc/the/khong-co/").status_code == 404
    assert client.get("/tin-tuc/2024/13/").status_code == 404


def test_all_categories_page_lists_every_category_with_its_count(client, news_index, categories):
    NewsArticlePageFactory(parent=news_index, categories=[categories[0]])
    NewsArticlePageFactory(parent=news_index, categories=[categories[0], categories[2]])
    html = client.get("/tin-tuc/chuyen-muc/").content.decode()
    assert "<h1>Tất cả chuyên mục</h1>" in html
    for category in categories:
        assert f'href="/tin-tuc/chuyen-muc/{category.slug}/"' in html
    assert "2 tin bài" in html and "0 tin bài" in html


def test_tag_page_lists_tagged_articles(client, news_index):
    NewsArticlePageFactory(parent=news_index, title="Tin có thẻ", tags=["Đẳng cấp"])
    NewsArticlePageFactory(parent=news_index, title="Tin không thẻ")
    html = client.get("/tin-tuc/the/dang-cap/").content.decode()
    assert "Tin có thẻ" in html and "Tin không thẻ" not in html


def test_monthly_archive_lists_months_and_the_articles_of_a_month(client, news_index):
    NewsArticlePageFactory(parent=news_index, title="Tin tháng mười", first_published_at=at(2024, 10, 31, 23, 30))
    NewsArticlePageFactory(parent=news_index, title="Tin tháng mười một", first_published_at=at(2024, 11, 1, 0, 30))
    archive = client.get("/tin-tuc/luu-tru/").content.decode()
    assert 'href="/tin-tuc/2024/11/"' in archive and 'href="/tin-tuc/2024/10/"' in archive
    october = client.get("/tin-tuc/2024/10/").content.decode()
    assert "Tin tháng mười<" in october and "Tin tháng mười một" not in october


@pytest.mark.parametrize("value", ["abc", "0", "-3", "99999", "1e3", "9" * 40])
def test_bad_page_numbers_give_a_normal_page(client, news_index, value):
    for n in range(15):
        NewsArticlePageFactory(parent=news_index, title=f"Tin số {n}")
    response = client.get("/tin-tuc/", {"page": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tin số" in html
    assert re.search(r"Trang [12] / 2", html)


def test_bad_page_number_on_a_category_gives_a_normal_page(client, news_index, categories):
    NewsArticlePageFactory(parent=news_index, title="Tin đào tạo", categories=[categories[1]])
    response = client.get("/tin-tuc/chuyen-muc/dao-tao-can-bo/", {"page": "99999"})
    assert response.status_code == 200
    assert "Tin đào tạo" in response.content.decode()


def test_article_slug_may_not_shadow_the_index_routes(news_index):
    article = NewsArticlePageFactory.build(slug="rss", title="RSS", lead="x")
    with pytest.raises(ValidationError):
        article.clean()


def test_category_slug_must_be_unique(db):
    NewsCategoryFactory(name="Bình đẳng giới")
    duplicate = NewsCategory(name="Binh dang gioi")
    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_preview_shows_the_categories_being_edited(news_index, categories):
    article = NewsArticlePageFactory(parent=news_index, categories=[categories[0]])
    article.categories = [categories[2]]
    html = article.make_preview_request().content.decode()
    assert 'href="/tin-tuc/chuyen-muc/binh-dang-gioi/"' in html
    assert 'href="/tin-tuc/chuyen-muc/giam-sat-phan-bien-xa-hoi/"' not in html


def test_preview_of_a_draft_article_renders(news_index, categories):
    article = NewsArticlePageFactory.build(title="Bài nháp", lead="Sapo", slug="bai-nhap")
    article.categories = [categories[1]]
    news_index.add_child(instance=article)
    article.unpublish()
    response = article.make_preview_request()
    assert response.status_code == 200
    assert "Bài nháp" in response.content.decode()
