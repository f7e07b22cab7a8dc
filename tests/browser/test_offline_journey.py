"""Offline on a phone: a learner saves a course, studies with no connection, and what they did reaches
the server once when the connection returns; a reader's article opens offline; sign-out forgets."""

import pytest
from playwright.sync_api import expect

from .conftest import screenshot, sign_in
from .test_training_journey import ensure_migration_data


@pytest.fixture
def offline_course(transactional_db):
    from accounts.factories import learner
    from home.models import HomePage
    from training.factories import TrainingIndexPageFactory, build_course, make_quiz

    ensure_migration_data()
    index = TrainingIndexPageFactory(parent=HomePage.objects.get())
    course, lessons = build_course(index, title="Kỹ năng giám sát", slug="ky-nang-giam-sat")
    lessons[0].body = [("paragraph", "<p>Giám sát bắt đầu từ lắng nghe hội viên.</p>")]
    lessons[0].save_revision().publish()
    quiz = make_quiz(course, lesson=lessons[1], questions=2, title="Kiểm tra chương 1", max_attempts=2)
    return {"course": course, "lessons": lessons, "quiz": quiz, "user": learner(full_name="Vũ Thị Học")}


def controlled(page):
    """Waits for the service worker, then reloads so that it controls the page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def test_learner_studies_offline_and_the_server_gets_it_once(phone, live_server, offline_course):
    from training.models import Attempt, LessonCompletion

    course, lessons, quiz, user = (offline_course[k] for k in ("course", "lessons", "quiz", "user"))
    sign_in(phone, user, live_server.url)
    phone.goto(course.url)
    controlled(phone)
    phone.get_by_role("button", name="Tải khóa học để học offline").click()
    status = phone.locator("[data-offline-course-status]")
    expect(status).to_contain_text("Đã lưu 7 trang")  # the course, 2 chapters, 4 lessons
    expect(status).to_contain_text("KB")
    screenshot(phone, "offline-course-saved")

    phone.context.set_offline(True)
    phone.goto(lessons[0].url)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Bài 1.1")
    expect(phone.get_by_text("Giám sát bắt đầu từ lắng nghe hội viên.")).to_be_visible()
    expect(phone.locator("[data-offline-status]")).to_contain_text("không có mạng")
    phone.get_by_role("button", name="Đánh dấu đã học xong").click()
    expect(phone.get_by_text("Đang chờ đồng bộ: sẽ gửi khi có mạng.")).to_be_visible()

    phone.goto(lessons[1].url)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Bài 1.2")
    phone.get_by_role("button", name="Đánh dấu đã học xong").click()
    for n in (1, 2):
        phone.get_by_label(f"Đáp án đúng {n}").check()
    phone.get_by_role("button", name="Nộp bài (khi có mạng sẽ chấm)").click()
    expect(phone.get_by_text("Đã lưu bài làm. Đang chờ đồng bộ")).to_be_visible()
    expect(phone.locator("[data-offline-status]")).to_contain_text("Đang chờ đồng bộ: 3 việc")
    screenshot(phone, "offline-lesson-quiz-queued")

    phone.goto(course.url)
    expect(phone.locator(".pending-mark")).to_have_count(2)
    expect(phone.locator(".pending-note")).to_have_text("Tiến độ này chưa tính 3 việc đang chờ đồng bộ.")
    screenshot(phone, "offline-course-waiting-to-sync")
    assert not LessonCompletion.objects.exists()

    phone.context.set_offline(False)
    phone.evaluate("window.dispatchEvent(new Event('online'))")
    expect(phone.locator("[data-offline-status]")).to_contain_text("Đã đồng bộ")
    expect(phone.locator("[data-offline-status]")).to_contain_text("Kiểm tra chương 1")
    expect(phone.locator(".pending-mark")).to_have_count(0)
    # Another page online: nothing is left to send, nothing is sent twice.
    phone.goto(lessons[2].url)
    phone.goto(course.url)
    assert set(LessonCompletion.objects.filter(user=user).values_list("lesson_id", flat=True)) == {
        lessons[0].pk,
        lessons[1].pk,
    }
    attempts = Attempt.objects.filter(user=user, quiz=quiz)
    assert attempts.count() == 1 and attempts.get().passed is True
    assert phone.evaluate("JSON.parse(localStorage.getItem('portal-offline-queue'))") == []


def test_article_read_online_opens_offline_and_other_pages_show_the_offline_page(phone, offline_course):
    from wagtail.models import Page

    from home.models import HomePage
    from news.factories import NewsArticlePageFactory, NewsIndexPageFactory

    news = NewsIndexPageFactory(parent=HomePage.objects.get(), title="Tin tức", slug="tin-tuc")
    article = NewsArticlePageFactory(parent=news, title="Phụ nữ xã Hòa Bình giám sát chợ", slug="giam-sat-cho")
    assert Page.objects.filter(pk=article.pk).exists()
    phone.goto(article.url)
    controlled(phone)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Phụ nữ xã Hòa Bình giám sát chợ")

    phone.context.set_offline(True)
    phone.goto(article.url)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Phụ nữ xã Hòa Bình giám sát chợ")
    expect(phone.locator("[data-offline-status]")).to_contain_text("không có mạng")
    phone.goto("/dao-tao/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Không có kết nối mạng")
    screenshot(phone, "offline-page")


def save_course_offline(phone, live_server, offline_course):
    """The learner signs in, opens the course and saves it for offline study; returns the course."""
    course = offline_course["course"]
    sign_in(phone, offline_course["user"], live_server.url)
    phone.goto(course.url)
    controlled(phone)
    phone.get_by_role("button", name="Tải khóa học để học offline").click()
    expect(phone.locator("[data-offline-course-status]")).to_contain_text("Đã lưu")
    return course


def test_sign_out_deletes_the_learner_s_saved_pages(phone, live_server, offline_course):
    course = save_course_offline(phone, live_server, offline_course)
    names = phone.evaluate("caches.keys()")
    assert any(name.startswith("portal-course-") for name in names)

    phone.get_by_role("button", name="Đăng xuất").click()
    phone.wait_for_url(f"{live_server.url}/")
    expect(phone.get_by_role("link", name="Đăng nhập")).to_be_visible()
    names = phone.evaluate("caches.keys()")
    assert not [name for name in names if name.startswith("portal-course-")]
    # Nothing of the learner's is kept: offline, their course page is not there to be seen.
    assert phone.evaluate("url => caches.match(url).then((hit) => hit === undefined)", course.url)
    assert phone.evaluate("localStorage.getItem('portal-offline-courses')") is None
    phone.context.set_offline(True)
    phone.goto(course.url)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Không có kết nối mạng")


def test_a_page_from_the_server_for_someone_else_forgets_the_previous_learner(phone, live_server, offline_course):
    course = save_course_offline(phone, live_server, offline_course)
    # The session ends without a sign-out (it expired, or the cookies were cleared); the next reader
    # of this phone opens a page online.
    phone.context.clear_cookies()
    phone.goto("/")
    phone.wait_for_function("caches.keys().then((names) => !names.some((n) => n.startsWith('portal-course-')))")
    phone.context.set_offline(True)
    phone.goto(course.url)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Không có kết nối mạng")
