"""Business rules of training: progress and certificates, quizzes, enrolment import, reports.

Views and pages call these; they hold no rule of their own."""


class TrainingError(Exception):
    """A rule refused what the learner asked; ``message`` is Vietnamese and safe to show."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
