"""The news pages read a fixed number of rows whatever the number of articles."""

import pytest

from home.factories import ImageFactory
from news.factories import NewsArticlePageFactory

MAX_QUERIES = 12


@pytest.fixture
def many_articles(request, news_index, categories):
    count = request.param
    images = [ImageFactory(title=f"Ảnh {n}") for n in range(3)]
    articles = [
        NewsArticlePageFactory(
            parent=news_index,
            categories=[categories[n % 2]],
            featured_image=images[n % 3],
            tags=["giám sát"] if n < 3 else None,
            body=[("paragraph", "<p>Nội dung.</p>"), ("quote", {"text": "Trích dẫn.", "attribution": ""})],
        )
        for n in range(count)
    ]
    return articles


def measured(client, url, django_assert_max_num_queries):
    # The first visit draws the image renditions; the count is pinned on the visits after it.
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("many_articles", [10, 200], indirect=True)
def test_news_index_category_and_article_pages_run_a_bounded_number_of_queries(
    client, many_articles, categories, django_assert_max_num_queries
):
    index = measured(client, "/tin-tuc/", django_assert_max_num_queries)
    assert index.content.decode().count('class="card news-card"') == min(len(many_articles), 12)
    category = measured(client, f"/tin-tuc/chuyen-muc/{categories[0].slug}/", django_assert_max_num_queries)
    assert 'class="card news-card"' in category.content.decode()
    article = measured(client, many_articles[5].url, django_assert_max_num_queries)
    html = article.content.decode()
    assert 'id="related-title"' in html and 'rel="prev"' in html and 'rel="next"' in html
    if len(many_articles) > 12:
        assert "Trang 2 / " in measured(client, "/tin-tuc/?page=2", django_assert_max_num_queries).content.decode()
