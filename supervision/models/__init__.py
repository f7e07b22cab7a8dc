from .forum import ForumSession, ForumSessionItem, ForumSessionQuerySet
from .recommendations import Recommendation, RecommendationQuerySet, RecommendationStatus
from .rounds import RoundKind, RoundQuerySet, RoundStage, SupervisionRound

__all__ = [
    "ForumSession",
    "ForumSessionItem",
    "ForumSessionQuerySet",
    "Recommendation",
    "RecommendationQuerySet",
    "RecommendationStatus",
    "RoundKind",
    "RoundQuerySet",
    "RoundStage",
    "SupervisionRound",
]
