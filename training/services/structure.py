"""The outline of a course (index, course, modules, lessons, quizzes), cached.

Course and lesson pages need the whole outline on every view; it changes only when an editor
publishes, moves or deletes a training page or saves a quiz, so it is kept in the cache under a
version that those events bump (``training.signals``). Pages then cost only the learner's own
rows, whatever the number of lessons."""

import uuid
from dataclasses import dataclass, field

from django.core.cache import cache

from wagtail.models import Page

from home import fragments

from ..models import CoursePage, LessonPage, ModulePage, Quiz

VERSION_KEY = "training:outline-version"
PAGE_FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "live")
# With a shared cache (Redis) a publish is seen at once by every process; with the embedded
# per-process cache another process may serve the old outline for at most this long.
TIMEOUT = 300


@dataclass
class Outline:
    index: object
    course: object
    modules: list
    lessons: list
    quizzes: list = field(default_factory=list)

    @property
    def final_quiz(self):
        return next((quiz for quiz in self.quizzes if quiz.lesson_id is None), None)

    def quiz_for(self, lesson_id):
        return next((quiz for quiz in self.quizzes if quiz.lesson_id == lesson_id), None)

    def module_of(self, lesson):
        return next((module for module in self.modules if lesson.path.startswith(module.path)), None)

    def required_ids(self):
        return {lesson.id for lesson in self.lessons if lesson.required}


def bump_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    memo = fragments.request_memo()
    for key in [key for key in memo or () if isinstance(key, tuple) and key[0] == "training-outline"]:
        del memo[key]


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def build_outline(course_path):
    course = CoursePage.objects.filter(path=course_path).select_related("programme").defer_streamfields().first()
    if course is None:
        return None
    index = Page.objects.filter(path=course_path[: -Page.steplen]).only(*PAGE_FIELDS).first()
    modules = list(ModulePage.objects.child_of(course).live().only(*PAGE_FIELDS, "intro").order_by("path"))
    lessons = list(
        LessonPage.objects.descendant_of(course)
        .live()
        .only(*PAGE_FIELDS, "estimated_minutes", "required")
        .order_by("path")
    )
    for module in modules:
        module.outline_lessons = [lesson for lesson in lessons if lesson.path.startswith(module.path)]
    quizzes = list(Quiz.objects.filter(course=course).order_by("pk"))
    return Outline(index=index, course=course, modules=modules, lessons=lessons, quizzes=quizzes)


def get_outline(course_path):
    """The outline of the course at ``course_path`` (a treebeard path), from the cache if it can."""
    memo = fragments.request_memo()  # a page asks more than once: read once per request
    if memo is not None and ("training-outline", course_path) in memo:
        return memo["training-outline", course_path]
    key = f"training:outline:{_version()}:{course_path}"
    outline = cache.get(key)
    if outline is None:
        outline = build_outline(course_path)
        if outline is not None:
            cache.set(key, outline, TIMEOUT)
    if memo is not None:
        memo["training-outline", course_path] = outline
    return outline


def course_path_of(page):
    """The path of the course above a module (one level) or a lesson (two levels)."""
    levels = {"coursepage": 0, "modulepage": 1, "lessonpage": 2}[page._meta.model_name]
    return page.path[: len(page.path) - levels * page.steplen] if levels else page.path
