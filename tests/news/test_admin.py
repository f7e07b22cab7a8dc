from django.urls import reverse

from accounts.factories import editor
from news.models import NewsCategory


def test_editor_adds_a_category_in_the_admin_and_gets_an_ascii_slug(client, db):
    client.force_login(editor())
    index_url = reverse("wagtailsnippets_news_newscategory:list")
    assert client.get(index_url).status_code == 200
    response = client.post(
        reverse("wagtailsnippets_news_newscategory:add"),
        {"name": "Đào tạo cán bộ <b>cơ sở</b>", "slug": "", "description": "", "sort_order": "5", "show_on_home": "on"},
    )
    assert response.status_code == 302
    category = NewsCategory.objects.get()
    assert category.slug.startswith("dao-tao-can-bo-")
    listing = client.get(index_url).content.decode()
    assert "&lt;b&gt;cơ sở&lt;/b&gt;" in listing
    assert "<b>cơ sở</b>" not in listing


def test_editor_sees_the_article_form_with_categories_as_checkboxes(client, news_index, categories):
    client.force_login(editor())
    html = client.get(
        reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    ).content.decode()
    assert 'type="checkbox" name="categories"' in html
    assert "Sapo (tóm tắt)" in html
