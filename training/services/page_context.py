"""What the course and lesson pages show: the cached outline, and for a signed-in learner their own
progress and quiz attempts. It assembles the rules of ``progress`` and ``quiz`` and holds none."""

from . import events
from .packages import player_context
from .progress import course_is_complete, done_lesson_ids, note_visit, progress_summary
from .quiz import quiz_status
from .structure import course_path_of, get_outline


def course_of(lesson):
    """The lesson's course, from the cached outline (None for a lesson outside any course)."""
    outline = get_outline(course_path_of(lesson))
    return outline.course if outline else None


def course_context(course, user):
    """The outline by module and, for a learner, their own progress and final-test attempts: two
    queries whatever the size of the course."""
    outline = get_outline(course.path)
    course.breadcrumb_ancestors = [outline.index]
    context = {
        "modules": outline.modules,
        "lessons": outline.lessons,
        "final_quiz": outline.final_quiz,
        "progress": None,
        "final_status": None,
        "completed": False,
    }
    if user.is_authenticated:
        note_visit(user, course.pk)
        done_ids = done_lesson_ids(user, course.pk)
        for module in outline.modules:
            for lesson in module.outline_lessons:
                lesson.is_done = lesson.id in done_ids
        context["progress"] = progress_summary(outline.lessons, done_ids)
        if outline.final_quiz is not None:
            context["final_status"] = quiz_status(outline.final_quiz, user)
        passed = context["final_status"]["passed"] if context["final_status"] else True
        context["completed"] = course_is_complete(outline.required_ids(), done_ids, passed)
    return context


def lesson_context(lesson, user):
    """Previous/next lessons, the lesson's quiz and, for a learner, whether it is done."""
    outline = get_outline(course_path_of(lesson))
    lessons = outline.lessons
    index = next((i for i, item in enumerate(lessons) if item.id == lesson.id), 0)
    module = outline.module_of(lesson)
    lesson.breadcrumb_ancestors = [outline.index, outline.course, *([module] if module else [])]
    quiz = outline.quiz_for(lesson.id)
    context = {
        "course": outline.course,
        "previous_lesson": lessons[index - 1] if index > 0 else None,
        "next_lesson": lessons[index + 1] if index + 1 < len(lessons) else None,
        "lesson_number": index + 1,
        "lesson_count": len(lessons),
        "quiz": quiz,
        "is_done": False,
        "progress": None,
        "quiz_status": None,
        "package_player": None,
    }
    if user.is_authenticated:
        note_visit(user, outline.course.pk)
        if lesson.package_id:
            context["package_player"] = player_context(lesson, user)
        done_ids = done_lesson_ids(user, outline.course.pk)
        context["is_done"] = lesson.id in done_ids
        context["progress"] = progress_summary(lessons, done_ids)
        if quiz is not None:
            context["quiz_status"] = quiz_status(quiz, user)
    return context


def event_context(event, user):
    """The learner's registration, whether they may register, and whether they see the meeting link."""
    registration = events.registration_of(user, event)
    closed = events.registration_closed_reason(event)
    return {
        "registration": registration,
        "registration_closed": closed,
        "can_register": user.is_authenticated and closed is None and not (registration and registration.is_active),
        "seats_left": None if event.capacity is None else max(event.capacity - events.seats_taken(event), 0),
        "show_meeting_link": events.may_see_meeting_link(user, event, registration),
    }
