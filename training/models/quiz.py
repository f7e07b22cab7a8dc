import random

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Chọn một đáp án")
    MULTIPLE = "multiple", _("Chọn nhiều đáp án")
    TRUE_FALSE = "true_false", _("Đúng / Sai")


class Quiz(ClusterableModel):
    """A quiz after a lesson, or the final test of a course (``lesson`` empty)."""

    title = models.CharField(_("Tên bài kiểm tra"), max_length=255)
    course = models.ForeignKey(
        "training.CoursePage", verbose_name=_("Khóa học"), on_delete=models.CASCADE, related_name="quizzes"
    )
    lesson = models.ForeignKey(
        "training.LessonPage",
        verbose_name=_("Sau bài học"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="quizzes",
        help_text=_("Để trống nếu đây là bài kiểm tra cuối khóa."),
    )
    instructions = models.TextField(_("Hướng dẫn"), blank=True, max_length=1000)
    pass_mark = models.PositiveSmallIntegerField(
        _("Điểm đạt (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("Số lần làm tối đa"), default=3, help_text=_("0 là không giới hạn.")
    )
    shuffle = models.BooleanField(_("Đảo thứ tự câu hỏi và đáp án"), default=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("course"), FieldPanel("lesson")]),
        FieldPanel("instructions"),
        MultiFieldPanel(
            [FieldPanel("pass_mark"), FieldPanel("max_attempts"), FieldPanel("shuffle")], heading=_("Cách chấm")
        ),
        InlinePanel("questions", heading=_("Câu hỏi"), label=_("Câu hỏi"), min_num=1),
    ]

    class Meta:
        verbose_name = _("Bài kiểm tra")
        verbose_name_plural = _("Bài kiểm tra")
        ordering = ["course_id", "lesson_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course"], condition=models.Q(lesson__isnull=True), name="one_final_test_per_course"
            ),
            models.UniqueConstraint(fields=["lesson"], name="one_quiz_per_lesson"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_final(self):
        return self.lesson_id is None

    def clean(self):
        if self.lesson_id and self.course_id and not self.lesson.get_ancestors().filter(pk=self.course_id).exists():
            raise ValidationError({"lesson": _("Bài học này không thuộc khóa học đã chọn.")})
        if self.course_id and not self.lesson_id:
            others = Quiz.objects.filter(course_id=self.course_id, lesson__isnull=True).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError({"lesson": _("Khóa học này đã có bài kiểm tra cuối khóa.")})

    def ordered_questions(self, seed, questions=None):
        """Questions (each with ``shown_choices``) in the order a given attempt shows them.

        The order is drawn from the attempt's seed, so the server can always rebuild it."""
        questions = list(questions if questions is not None else self.questions.prefetch_related("choices"))
        rng = random.Random(seed)  # noqa: S311 - shuffling for display, not security
        if self.shuffle:
            rng.shuffle(questions)
        for question in questions:
            choices = list(question.choices.all())
            if self.shuffle and question.kind != QuestionKind.TRUE_FALSE:
                rng.shuffle(choices)
            question.shown_choices = choices
        return questions


class Question(ClusterableModel, Orderable):
    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("Loại câu hỏi"), max_length=20, choices=QuestionKind.choices, default=QuestionKind.SINGLE)
    text = models.TextField(_("Câu hỏi"), max_length=1000)
    explanation = models.TextField(
        _("Giải thích"), blank=True, max_length=2000, help_text=_("Hiện cho học viên sau khi nộp bài.")
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("explanation"),
        InlinePanel("choices", heading=_("Đáp án"), label=_("Đáp án"), min_num=2),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Câu hỏi")
        verbose_name_plural = _("Câu hỏi")

    def __str__(self):
        return self.text[:80]

    @property
    def is_multiple(self):
        return self.kind == QuestionKind.MULTIPLE

    def correct_ids(self):
        return {choice.pk for choice in self.choices.all() if choice.is_correct}


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("Đáp án"), max_length=500)
    is_correct = models.BooleanField(_("Là đáp án đúng"), default=False)

    panels = [FieldPanel("text"), FieldPanel("is_correct")]

    class Meta(Orderable.Meta):
        verbose_name = _("Đáp án")
        verbose_name_plural = _("Đáp án")

    def __str__(self):
        return self.text


class Attempt(models.Model):
    """One sitting of a quiz by a learner. ``seed`` fixes the order shown; ``answers`` maps question
    ids to the chosen choice ids."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField(_("Lần thứ"))
    seed = models.PositiveIntegerField()
    started_at = models.DateTimeField(_("Bắt đầu"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("Nộp bài"), null=True, blank=True)
    score = models.DecimalField(_("Điểm (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(_("Đạt"), null=True)
    answers = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("Lần làm bài")
        verbose_name_plural = _("Lần làm bài")
        ordering = ["-started_at"]
        constraints = [models.UniqueConstraint(fields=["user", "quiz", "number"], name="unique_attempt_number")]
        indexes = [models.Index(fields=["quiz", "user"])]

    def __str__(self):
        return f"{self.quiz} - {self.user} - {self.number}"

    @property
    def is_submitted(self):
        return self.submitted_at is not None
