import datetime

from django.utils import timezone

from news.factories import NewsArticlePageFactory, NewsCategoryFactory


def test_home_page_shows_featured_news_first(client, news_index, categories):
    NewsArticlePageFactory(parent=news_index, title="Tin thường mới nhất", categories=[categories[0]])
    NewsArticlePageFactory(
        parent=news_index,
        title="Tin nổi bật từ tuần trước",
        featured=True,
        categories=[categories[0]],
        first_published_at=timezone.now() - datetime.timedelta(days=7),
    )
    html = client.get("/").content.decode()
    featured = html.split('id="home-featured-title"')[1].split("</section>")[0]
    assert featured.index("Tin nổi bật từ tuần trước") < featured.index("Tin thường mới nhất")


def test_home_page_shows_latest_news_per_category(client, news_index, categories):
    for n in range(6):
        NewsArticlePageFactory(parent=news_index, title=f"Tin đào tạo {n}", categories=[categories[1]])
    NewsArticlePageFactory(parent=news_index, title="Tin bình đẳng", categories=[categories[2]])
    hidden = NewsCategoryFactory(name="Thông báo nội bộ", show_on_home=False)
    NewsArticlePageFactory(parent=news_index, title="Tin mục ẩn", categories=[hidden])
    html = client.get("/").content.decode()
    training = html.split(f'id="home-category-{categories[1].pk}"')[1].split("</section>")[0]
    # The four newest of the category, newest first (the factory publishes each an hour before the last).
    assert [f"Tin đào tạo {n}" in training for n in range(6)] == [True] * 4 + [False] * 2
    assert 'href="/tin-tuc/chuyen-muc/dao-tao-can-bo/"' in training
    assert f'id="home-category-{categories[2].pk}"' in html
    assert f'id="home-category-{hidden.pk}"' not in html
    # A category without news has no empty section.
    assert f'id="home-category-{categories[0].pk}"' not in html


def test_home_page_queries_do_not_grow_with_categories(client, news_index, django_assert_max_num_queries):
    for n in range(6):
        category = NewsCategoryFactory(name=f"Mục {n}")
        for _ in range(5):
            NewsArticlePageFactory(parent=news_index, categories=[category])
    client.get("/")
    with django_assert_max_num_queries(14):
        assert client.get("/").status_code == 200


def test_home_page_without_news_index_has_no_news_section(client, home_page):
    html = client.get("/").content.decode()
    assert "home-news" not in html
