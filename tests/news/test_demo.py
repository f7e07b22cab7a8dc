import io

from django.core.management import call_command

import pytest

from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from news.services import WORKFLOW_NAME


@pytest.mark.django_db
def test_demo_news_is_complete_and_loading_it_twice_changes_nothing(settings, client):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    articles = NewsArticlePage.objects.live()
    counts = (articles.count(), NewsCategory.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (NewsArticlePage.objects.live().count(), NewsCategory.objects.count()) == counts

    assert articles.count() >= 12
    used = NewsCategory.objects.filter(articles__live=True).distinct()
    assert used.count() >= 4
    block_types = {block.block_type for article in articles for block in article.body}
    assert {"quote", "table", "document", "image"} <= block_types
    assert all(article.featured_image_id for article in articles)
    assert len({article.first_published_at.date() for article in articles}) >= 10
    index = NewsIndexPage.objects.get(locale__language_code="vi")  # /en/news/ is its English version
    assert index.url == "/tin-tuc/"
    assert index.get_workflow().name == WORKFLOW_NAME  # inherited from the root
    assert client.get("/tin-tuc/").status_code == 200
    assert client.get("/tin-tuc/chuyen-muc/dao-tao-can-bo/").status_code == 200
    assert client.get(articles.first().url).status_code == 200
