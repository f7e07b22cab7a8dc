from .comments import Comment, CommentablePageMixin, CommentQuerySet, CommentReply, CommentStatus
from .items import Attachment, Feedback, FeedbackQuerySet, Status, Topic
from .moderation import ModerationEvent
from .pages import FeedbackPage

__all__ = [
    "Comment",
    "CommentQuerySet",
    "CommentReply",
    "CommentStatus",
    "CommentablePageMixin",
    "Attachment",
    "Feedback",
    "FeedbackPage",
    "FeedbackQuerySet",
    "ModerationEvent",
    "Status",
    "Topic",
]
