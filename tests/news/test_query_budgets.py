"""Query budgets of the public pages, anonymous and warm (issue 13, point 5): the same with ten and with
a thousand articles. The home page shows news and training sections, so both apps are set up."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.generate import generate_articles
from news.models import NewsArticlePage
from training.factories import TrainingIndexPageFactory, build_course

BUDGETS = {"article": 10, "home": 12, "news index": 10, "category": 10, "course": 12, "lesson": 12}


def warm_counts(client, urls):
    counts = {}
    for name, url in urls.items():
        assert client.get(url).status_code == 200  # warm: renditions, fragments
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts[name] = len(captured)
    return counts


@pytest.mark.django_db
def test_public_pages_keep_their_query_budget_with_ten_and_a_thousand_articles(
    client, home_page, news_index, categories, image
):
    course, lessons = build_course(TrainingIndexPageFactory(parent=home_page), title="Kỹ năng giám sát")

    def urls():
        article = NewsArticlePage.objects.order_by("-first_published_at")[4]
        return {
            "article": article.url,
            "home": "/",
            "news index": "/tin-tuc/",
            "category": f"/tin-tuc/chuyen-muc/{categories[0].slug}/",
            "course": course.url,
            "lesson": lessons[1].url,
        }

    generate_articles(10, index_search=False)
    with_ten = warm_counts(client, urls())
    generate_articles(990, index_search=False)
    with_a_thousand = warm_counts(client, urls())
    assert with_ten == with_a_thousand
    over = {name: count for name, count in with_a_thousand.items() if count > BUDGETS[name]}
    assert not over, f"over budget {BUDGETS}: {over}"
