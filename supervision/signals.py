"""What the public sees follows the rounds, the recommendations and the published resolutions.

Any save of a round or a recommendation, any save of a feedback item that is published or accepted
(it may just have left "published"), and any save of a topic (one newly marked sensitive leaves the
files) purges the public supervision pages and the open-data files from the page cache and renews the
open data (supervision/opendata.py), after the commit; a save of a unit (the files name units) renews
the open data.
"""

from django.db.models.signals import post_save

from accounts.models import OrganisationUnit
from feedback.models import Feedback, Status, Topic
from home import pagecache

from . import opendata, public_paths
from .models import ForumSession, Recommendation, SupervisionRound


def _round_changed(sender, instance, **kwargs):
    public_paths.changed(round_ids=[instance.pk])


def _recommendation_changed(sender, instance, **kwargs):
    public_paths.changed(round_ids=[instance.round_id])


def _feedback_changed(sender, instance, **kwargs):
    # Published, or reopened from published (accepted again): the resolutions file may have changed.
    if instance.status in (Status.PUBLISHED, Status.ACCEPTED):
        public_paths.changed(round_ids=[])


def _topic_changed(sender, instance, **kwargs):
    # A topic marked sensitive must leave the resolutions file at once (the file leaves its items out);
    # a renamed one shows under its new name.
    public_paths.changed(round_ids=[])


def _unit_changed(sender, instance, **kwargs):
    # The files name units. A unit change already renews the whole page cache (organisation/signals.py):
    # only the files' own version is left to renew.
    opendata.invalidate()


def _session_changed(sender, instance, created=False, **kwargs):
    # The directory's unit pages (/co-so-hoi/) show how many sessions each unit held: like a change of
    # the unit tree (organisation/signals.py), a new session renews the page cache. Sessions are rare.
    if created:
        pagecache.purge_all()


def connect():
    post_save.connect(_round_changed, sender=SupervisionRound, dispatch_uid="supervision-round-purge")
    post_save.connect(_recommendation_changed, sender=Recommendation, dispatch_uid="supervision-rec-purge")
    post_save.connect(_session_changed, sender=ForumSession, dispatch_uid="supervision-session-purge")
    post_save.connect(_feedback_changed, sender=Feedback, dispatch_uid="supervision-opendata-feedback")
    post_save.connect(_topic_changed, sender=Topic, dispatch_uid="supervision-opendata-topic")
    post_save.connect(_unit_changed, sender=OrganisationUnit, dispatch_uid="supervision-opendata-unit")
