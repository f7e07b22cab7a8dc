"""With the page cache on, a moderator's decision on a comment shows on the article at once."""

import pytest

from feedback import comments
from feedback.factories import CommentFactory
from feedback.models import CommentStatus

pytestmark = pytest.mark.django_db


def test_approving_and_rejecting_a_comment_changes_the_cached_count(
    client, page_cache, article, moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(page=article, status=CommentStatus.PENDING, text="Cảm ơn Hội đã tổ chức.")
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        comments.apply_transition(comment, "approve", moderator)
    html = client.get(article.url).content.decode()
    assert "Ý kiến (1)" in html and "Cảm ơn Hội đã tổ chức." in html
    with django_capture_on_commit_callbacks(execute=True):
        comments.apply_transition(comment, "reject", moderator)
    assert "Ý kiến (0)" in client.get(article.url).content.decode()


def test_a_reply_of_the_editors_shows_on_the_cached_article(
    client, page_cache, article, moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(page=article, status=CommentStatus.APPROVED)
    client.get(article.url)
    with django_capture_on_commit_callbacks(execute=True):
        comments.add_reply(comment, moderator, "Ban biên tập xin cảm ơn bạn.")
    assert "Ban biên tập xin cảm ơn bạn." in client.get(article.url).content.decode()


def test_without_the_page_cache_the_thread_kept_as_a_fragment_follows_every_decision(
    client, article, moderator, django_capture_on_commit_callbacks, shared_fragments
):
    """The thread is kept in the fragment cache (no query per view); a decision, a reply or a deletion
    renews it once committed, and a new comment waiting for moderation leaves it alone."""
    from home import fragments

    shown = CommentFactory(page=article, status=CommentStatus.APPROVED, text="Bài viết rất bổ ích.")
    assert "Ý kiến (1)" in client.get(article.url).content.decode()
    version = fragments.content_version()
    with django_capture_on_commit_callbacks(execute=True):
        waiting = CommentFactory(page=article, status=CommentStatus.PENDING, text="Xin hỏi thêm về lớp học.")
    assert fragments.content_version() == version
    with django_capture_on_commit_callbacks(execute=True):
        comments.apply_transition(waiting, "approve", moderator)
    html = client.get(article.url).content.decode()
    assert "Ý kiến (2)" in html and "Xin hỏi thêm về lớp học." in html
    with django_capture_on_commit_callbacks(execute=True):
        comments.add_reply(waiting, moderator, "Lớp học mở vào tháng Ba.")
    assert "Lớp học mở vào tháng Ba." in client.get(article.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        shown.delete()
    html = client.get(article.url).content.decode()
    assert "Ý kiến (1)" in html and "Bài viết rất bổ ích." not in html
