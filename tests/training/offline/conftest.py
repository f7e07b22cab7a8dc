import pytest


@pytest.fixture
def course(course_with_lessons):
    """The training suite's course (2 x 2 lessons, a quiz after lesson 2, a final test), its chapter quiz
    allowed two attempts so that the offline queue's attempt limit can be reached."""
    quiz = course_with_lessons[2]
    quiz.max_attempts = 2
    quiz.save(update_fields=["max_attempts"])
    return course_with_lessons
