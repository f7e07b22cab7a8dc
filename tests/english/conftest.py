import pytest

from home.models import StandardPage
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory

from .helpers import english


@pytest.fixture
def bilingual(home_page):
    """A small site in two languages: Vietnamese home, about, news with two articles; the English home,
    about, news and one article (the other Vietnamese article is not translated)."""
    about = StandardPage(title="Giới thiệu", slug="gioi-thieu", intro="Về Hội", show_in_menus=True)
    home_page.add_child(instance=about)
    about.save_revision().publish()
    index = NewsIndexPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc", show_in_menus=True)
    translated = NewsArticlePageFactory(parent=index, title="Tổ hợp tác may mặc", slug="to-hop-tac-may-mac")
    untranslated = NewsArticlePageFactory(parent=index, title="Chỉ có tiếng Việt", slug="chi-co-tieng-viet")
    pages = {"home": home_page, "about": about, "index": index, "article": translated, "vi_only": untranslated}
    pages["en_home"] = english(home_page, None, title="Home")
    pages["en_about"] = english(about, "about", title="About us", intro="About the Union")
    pages["en_index"] = english(index, "news", title="News")
    pages["en_article"] = english(translated, "sewing-cooperative", title="A sewing cooperative", lead="Work at home.")
    return pages
