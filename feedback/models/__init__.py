from .comments import Comment, CommentablePageMixin, CommentQuerySet, CommentReply, CommentStatus
from .items import Attachment, Feedback, FeedbackQuerySet, Status, Topic
from .moderation import ModerationEvent
from .notifications import Notification
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
    "Notification",
    "Status",
    "Topic",
]
