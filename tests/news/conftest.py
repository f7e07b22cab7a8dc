import pytest

from home.factories import ImageFactory
from news.factories import NewsCategoryFactory, NewsIndexPageFactory


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def categories(db):
    return [
        NewsCategoryFactory(name="Giám sát, phản biện xã hội", sort_order=1),
        NewsCategoryFactory(name="Đào tạo cán bộ", sort_order=2),
        NewsCategoryFactory(name="Bình đẳng giới", sort_order=3),
    ]


@pytest.fixture
def image(db):
    return ImageFactory(title="Ảnh thử nghiệm")
