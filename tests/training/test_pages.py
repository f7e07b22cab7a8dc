import pytest

from tests.utils import third_party_resources


@pytest.mark.django_db
def test_course_page_shows_outline_and_sign_in_prompt(client, course_with_lessons):
    course, lessons, _quiz, _final = course_with_lessons
    response = client.get(course.url)
    assert response.status_code == 200
    html = response.content.decode()
    for lesson in lessons:
        assert lesson.title in html
    assert "Đăng nhập để học và lưu tiến độ" in html
    assert third_party_resources(html) == []


@pytest.mark.django_db
def test_home_page_shows_courses_and_a_way_to_my_courses(client, student, course_with_lessons, home_page):
    course = course_with_lessons[0]
    html = client.get("/").content.decode()
    assert course.title in html
    assert "/khoa-hoc-cua-toi/" not in html
    client.force_login(student)
    assert "/khoa-hoc-cua-toi/" in client.get("/").content.decode()


@pytest.mark.django_db
def test_unpublished_lesson_is_not_served(client, course_with_lessons):
    _course, lessons, _quiz, _final = course_with_lessons
    lessons[0].unpublish()
    assert client.get(lessons[0].url_path.replace("/home", "", 1)).status_code == 404


@pytest.mark.django_db
def test_outline_follows_publishing(client, course_with_lessons):
    course, lessons, _quiz, _final = course_with_lessons
    assert "Bài 1.1" in client.get(course.url).content.decode()
    lessons[0].unpublish()
    assert "Bài 1.1" not in client.get(course.url).content.decode()
