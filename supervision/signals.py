"""What the public sees follows the rounds, the recommendations and the published resolutions.

Any save of a round or a recommendation, and any save of a feedback item that is published or accepted
(it may just have left "published"), purges the public supervision pages and the open-data files from the
page cache and renews the open data (supervision/opendata.py), after the commit.
"""

from django.db.models.signals import post_save

from feedback.models import Feedback, Status

from . import public_paths
from .models import Recommendation, SupervisionRound


def _round_changed(sender, instance, **kwargs):
    public_paths.changed(round_ids=[instance.pk])


def _recommendation_changed(sender, instance, **kwargs):
    public_paths.changed(round_ids=[instance.round_id])


def _feedback_changed(sender, instance, **kwargs):
    # Published, or reopened from published (accepted again): the resolutions file may have changed.
    if instance.status in (Status.PUBLISHED, Status.ACCEPTED):
        public_paths.changed(round_ids=[])


def connect():
    post_save.connect(_round_changed, sender=SupervisionRound, dispatch_uid="supervision-round-purge")
    post_save.connect(_recommendation_changed, sender=Recommendation, dispatch_uid="supervision-rec-purge")
    post_save.connect(_feedback_changed, sender=Feedback, dispatch_uid="supervision-opendata-feedback")
