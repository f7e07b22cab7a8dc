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
