from .comments import Comment, CommentablePageMixin, CommentQuerySet, CommentReply, CommentStatus
from .items import Attachment, Channel, Feedback, FeedbackQuerySet, Status, Topic
from .moderation import ModerationEvent
from .pages import FeedbackPage
from .resolutions import RESOLUTIONS_PER_PAGE, PublishedResolution

__all__ = [
    "Comment",
    "CommentQuerySet",
    "CommentReply",
    "CommentStatus",
    "CommentablePageMixin",
    "Attachment",
    "Channel",
    "Feedback",
    "FeedbackPage",
    "FeedbackQuerySet",
    "ModerationEvent",
    "PublishedResolution",
    "RESOLUTIONS_PER_PAGE",
    "Status",
    "Topic",
]
