from .comments import ConsultationComment, ConsultationCommentDetails
from .pages import (
    ConsultationDocument,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationQuerySet,
    ConsultationSection,
    SynthesisAcceptance,
)
from .questions import PublishedQuestion, Question, QuestionField, QuestionIndexPage, QuestionStatus

__all__ = [
    "ConsultationComment",
    "ConsultationCommentDetails",
    "ConsultationDocument",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationQuerySet",
    "ConsultationSection",
    "PublishedQuestion",
    "Question",
    "QuestionField",
    "QuestionIndexPage",
    "QuestionStatus",
    "SynthesisAcceptance",
]
