from .events import ACTIVE_STATUSES, Attendance, AttendanceSource, Registration, RegistrationStatus
from .pages import CoursePage, EventMode, LessonPage, ModulePage, TrainingEventPage, TrainingIndexPage
from .programme import Programme
from .progress import Certificate, Enrolment, EnrolmentSource, LessonCompletion
from .quiz import Attempt, Choice, Question, QuestionKind, Quiz
from .reminders import Reminder, ReminderOptOut

__all__ = [
    "ACTIVE_STATUSES",
    "Attendance",
    "AttendanceSource",
    "Registration",
    "Reminder",
    "ReminderOptOut",
    "RegistrationStatus",
    "Attempt",
    "Certificate",
    "Choice",
    "CoursePage",
    "Enrolment",
    "EnrolmentSource",
    "EventMode",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
    "Programme",
    "Question",
    "QuestionKind",
    "Quiz",
    "TrainingEventPage",
    "TrainingIndexPage",
]
