"""Content apps join the search without search listing them: groups, and what each hides."""

from training.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory, TrainingIndexPageFactory


def get(client, **params):
    return client.get("/tim-kiem/", params).content.decode()


def test_training_pages_form_their_own_type_filter(client, home_page, make_page):
    catalogue = TrainingIndexPageFactory(parent=home_page)
    CoursePageFactory(parent=catalogue, title="Kỹ năng giám sát cho cán bộ hội", intro="Khóa học trực tuyến.")
    make_page("Giám sát việc thực hiện chính sách")
    html = get(client, q="giam sat")
    assert "Tìm thấy 2 kết quả" in html
    assert 'Đào tạo <span class="search-filter__count">(1)</span>' in html
    narrowed = get(client, q="giam sat", type="training")
    assert "Tìm thấy 1 kết quả" in narrowed
    assert "Kỹ năng <mark>giám</mark> <mark>sát</mark> cho cán bộ hội" in narrowed
    assert "chính sách" not in narrowed.split('class="search-results"', 1)[1]


def test_lessons_of_members_only_courses_are_not_found_but_the_outline_is(client, home_page):
    catalogue = TrainingIndexPageFactory(parent=home_page)
    course = CoursePageFactory(parent=catalogue, title="Khóa phản biện xã hội", members_only=True)
    module = ModulePageFactory(parent=course, title="Chương một: phản biện là gì")
    LessonPageFactory(parent=module, title="Bài học phản biện nội bộ", intro="Chỉ học viên được đọc.")
    open_course = CoursePageFactory(parent=catalogue, title="Khóa mở về phản biện")
    open_module = ModulePageFactory(parent=open_course, title="Chương mở")
    LessonPageFactory(parent=open_module, title="Bài học phản biện công khai")
    html = get(client, q="phan bien")
    results = html.split('class="search-results"', 1)[1]
    assert "Bài học <mark>phản</mark> <mark>biện</mark> công khai" in results
    assert "Khóa <mark>phản</mark> <mark>biện</mark> xã hội" in results
    assert "nội bộ" not in results
    assert "Tìm thấy 4 kết quả" in html


def test_news_articles_have_their_type_and_category_filters(client, home_page):
    from news.factories import NewsArticlePageFactory, NewsCategoryFactory, NewsIndexPageFactory

    news = NewsIndexPageFactory(parent=home_page)
    activities = NewsCategoryFactory(name="Hoạt động Hội", slug="hoat-dong-hoi")
    policy = NewsCategoryFactory(name="Chính sách", slug="chinh-sach")
    NewsArticlePageFactory(parent=news, title="Hội thi đào tạo cán bộ giỏi", categories=[activities])
    NewsArticlePageFactory(parent=news, title="Chính sách mới về đào tạo nghề", categories=[policy])
    NewsArticlePageFactory(parent=news, title="Đào tạo nghề cho phụ nữ nông thôn", categories=[policy, activities])
    html = get(client, q="dao tao")
    assert 'Tin tức <span class="search-filter__count">(3)</span>' in html
    assert 'Chính sách <span class="search-filter__count">(2)</span>' in html
    assert 'Hoạt động Hội <span class="search-filter__count">(2)</span>' in html
    narrowed = get(client, q="dao tao", category="chinh-sach")
    assert "Tìm thấy 2 kết quả" in narrowed
    assert "Hội thi" not in narrowed.split('class="search-results"', 1)[1]


def test_the_feedback_form_page_is_a_page_not_a_published_answer():
    from feedback.models import FeedbackPage, PublishedResolution
    from home.indexing import search_group_of
    from news.models import NewsArticlePage
    from training.models import LessonPage

    assert search_group_of(FeedbackPage) == "pages"
    assert search_group_of(PublishedResolution) == "feedback"
    assert search_group_of(NewsArticlePage) == "news"
    assert search_group_of(LessonPage) == "training"
