"""The listening forum (feedback) and the moderation machinery reader comments reuse.

Reusable pieces, none of them tied to :class:`~feedback.models.Feedback`:

- ``feedback.spam``: :class:`~feedback.spam.SpamProtectedForm` (honeypot, signed one-time timestamp,
  per-address rate limit, proof of work with ``static/js/proof-of-work.js`` on a ``data-pow-form``
  form) on top of :mod:`home.ratelimit` (``client_ip``, ``rate_limited``, shared with sign-in),
  :func:`~feedback.spam.content_fingerprint` for duplicate detection;
- ``feedback.workflow``: declare transitions once (:class:`~feedback.workflow.Workflow`), apply them with
  permission and state checks, each recorded as a generic :class:`~feedback.models.ModerationEvent`;
- ``feedback.notifications.queue``: emails through the portal's outbox (:mod:`outbox`), sent by
  django-tasks after the commit, retried (``manage.py retry_outbox``) and listed in the admin;
- ``feedback.moderation_admin``: the admin of anything moderated through a workflow (the queue, the item's
  page with its transitions and history, the counted menu entry, one bulk action per transition);
  ``feedback.viewsets`` and ``feedback.comment_viewsets`` configure it for feedback and comments;
- ``feedback.permissions.RestrictedActionsPolicy``: an admin where nobody deletes.

Reader comments (``feedback.comments``, ``feedback.comment_viewsets``) are built from these pieces; a
page model takes comments by mixing in :class:`~feedback.models.CommentablePageMixin`, and its template
shows them with ``{% comment_thread page as thread %}`` (``comment_tags``) and the
``feedback/comments/`` templates.

The site search finds the published, anonymised resolutions as ``feedback.models.PublishedResolution``,
which this app registers through the ``portal_search_models`` hook (``feedback.wagtail_hooks``);
``feedback.signals`` keeps their index entries in step with the items.
"""
