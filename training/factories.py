"""Factories for training tests and demo content."""

import datetime

from django.utils import timezone

import factory

from home.factories import PageFactory

from .models import (
    CoursePage,
    LessonPage,
    ModulePage,
    Quiz,
    TrainingEventPage,
    TrainingIndexPage,
)
from .services.quiz import add_question


class TrainingIndexPageFactory(PageFactory):
    title = "Đào tạo"
    slug = "dao-tao"
    show_in_menus = True

    class Meta:
        model = TrainingIndexPage


class CoursePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Khóa học thử nghiệm {n}")
    intro = "Khóa học dành cho cán bộ Hội cơ sở."
    audience = "Chủ tịch, Phó Chủ tịch Hội LHPN xã"
    estimated_minutes = 90

    class Meta:
        model = CoursePage


class ModulePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Chương {n}")

    class Meta:
        model = ModulePage


class LessonPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Bài học {n}")
    intro = "Tóm tắt bài học."
    body = [("paragraph", "<p>Nội dung bài học.</p>")]

    class Meta:
        model = LessonPage


class TrainingEventPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Lớp tập huấn {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    place = "Hội trường Hội LHPN tỉnh"
    organiser = "Hội LHPN tỉnh"

    class Meta:
        model = TrainingEventPage


class QuizFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Bài kiểm tra {n}")
    pass_mark = 70
    max_attempts = 3

    class Meta:
        model = Quiz


def make_quiz(course, lesson=None, questions=3, **kwargs):
    """A quiz with ``questions`` single-choice questions; the first choice is always correct."""
    quiz = QuizFactory(course=course, lesson=lesson, **kwargs)
    for n in range(questions):
        add_question(
            quiz,
            f"Câu hỏi số {n + 1}?",
            [(f"Đáp án đúng {n + 1}", True), (f"Đáp án sai A{n + 1}", False), (f"Đáp án sai B{n + 1}", False)],
            explanation=f"Giải thích câu {n + 1}.",
        )
    return quiz


def build_course(index, modules=2, lessons_per_module=2, **course_fields):
    """A published course with modules and lessons; returns ``(course, lessons)``."""
    course = CoursePageFactory(parent=index, **course_fields)
    lessons = []
    for m in range(modules):
        module = ModulePageFactory(parent=course, title=f"Chương {m + 1}", slug=f"chuong-{m + 1}")
        for n in range(lessons_per_module):
            lessons.append(LessonPageFactory(parent=module, title=f"Bài {m + 1}.{n + 1}", slug=f"bai-{m + 1}-{n + 1}"))
    return course, lessons
