import pytest

from accounts.factories import learner
from training.factories import TrainingIndexPageFactory, build_course, make_quiz


@pytest.fixture
def course(home_page):
    """A course of 2 x 2 lessons, a 2-question quiz after lesson 2 (two attempts) and a final test."""
    index = TrainingIndexPageFactory(parent=home_page)
    course, lessons = build_course(index, title="Kỹ năng giám sát", slug="ky-nang-giam-sat")
    quiz = make_quiz(course, lesson=lessons[1], questions=2, title="Kiểm tra chương 1", max_attempts=2)
    final = make_quiz(course, questions=2, title="Kiểm tra cuối khóa")
    return course, lessons, quiz, final


@pytest.fixture
def student(db):
    return learner(full_name="Vũ Thị Học")


@pytest.fixture
def other_student(db):
    return learner(full_name="Lê Thị Khác")
