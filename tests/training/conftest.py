import pytest

from accounts.factories import learner
from training.factories import TrainingIndexPageFactory, build_course, make_quiz


@pytest.fixture
def training_index(home_page):
    return TrainingIndexPageFactory(parent=home_page)


@pytest.fixture
def course_with_lessons(training_index):
    """A course of 2 modules x 2 lessons, a quiz after lesson 2 and a 4-question final test."""
    course, lessons = build_course(training_index, title="Kỹ năng giám sát", slug="ky-nang-giam-sat")
    lesson_quiz = make_quiz(course, lesson=lessons[1], questions=2, title="Kiểm tra chương 1")
    final = make_quiz(course, questions=4, title="Kiểm tra cuối khóa", pass_mark=75, max_attempts=3)
    return course, lessons, lesson_quiz, final


@pytest.fixture
def student(db):
    return learner(full_name="Vũ Thị Học")


@pytest.fixture
def other_student(db):
    return learner(full_name="Lê Thị Khác")
