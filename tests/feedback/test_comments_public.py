"""What readers see of comments under an article, and sending one."""

import pytest

from feedback.factories import CommentFactory, CommentReplyFactory
from feedback.models import Comment, CommentStatus, ModerationEvent

from .comments_helpers import comment_data, submit_url

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_only_approved_comments_are_shown_and_counted(client, article):
    CommentFactory(page=article, status=CommentStatus.APPROVED, text="Ý kiến đã duyệt hiện công khai.")
    CommentFactory(page=article, status=CommentStatus.PENDING, text="Ý kiến đang chờ duyệt.")
    CommentFactory(page=article, status=CommentStatus.REJECTED, text="Ý kiến không được duyệt.")
    CommentFactory(page=article, status=CommentStatus.SPAM, text="Quảng cáo tin rác.")
    html = html_of(client, article.url)
    assert "Ý kiến đã duyệt hiện công khai." in html
    for hidden in ("Ý kiến đang chờ duyệt.", "Ý kiến không được duyệt.", "Quảng cáo tin rác."):
        assert hidden not in html
    assert html.count("Ý kiến (1)") == 2  # near the title (a link to #y-kien) and at the comments heading
    assert 'href="#y-kien"' in html and 'id="y-kien"' in html


def test_comments_of_another_page_are_not_counted(client, article, home_page):
    CommentFactory(page=home_page, status=CommentStatus.APPROVED, text="Ý kiến ở trang khác.")
    html = html_of(client, article.url)
    assert "Ý kiến (0)" in html and "Ý kiến ở trang khác." not in html


def test_comments_are_oldest_first_and_paginated(client, article):
    import datetime

    from django.utils import timezone

    start = timezone.now() - datetime.timedelta(days=2)
    for n in range(25):
        CommentFactory(
            page=article,
            status=CommentStatus.APPROVED,
            text=f"Ý kiến thứ {n:02d}.",
            created_at=start + datetime.timedelta(minutes=n),
        )
    first = html_of(client, article.url)
    assert first.index("Ý kiến thứ 00.") < first.index("Ý kiến thứ 19.")
    assert "Ý kiến thứ 20." not in first and "?binh-luan=2#y-kien" in first
    second = html_of(client, f"{article.url}?binh-luan=2")
    assert "Ý kiến thứ 20." in second and "Ý kiến thứ 24." in second and "Ý kiến thứ 19." not in second
    assert "Ý kiến (25)" in second


@pytest.mark.parametrize("value", ["abc", "0", "-1", "999", "2%00", "1e9"])
def test_bad_comment_page_numbers_never_fail(client, article, value):
    CommentFactory(page=article, status=CommentStatus.APPROVED, text="Ý kiến duy nhất.")
    assert "Ý kiến duy nhất." in html_of(client, f"{article.url}?binh-luan={value}")


def test_editorial_replies_show_under_the_comment_they_answer(client, article):
    answered = CommentFactory(page=article, status=CommentStatus.APPROVED, text="Khi nào có lớp tiếp theo?")
    CommentReplyFactory(comment=answered, text="Lớp tiếp theo mở vào tháng Mười.")
    hidden = CommentFactory(page=article, status=CommentStatus.PENDING, text="Chưa duyệt.")
    CommentReplyFactory(comment=hidden, text="Trả lời cho ý kiến chưa duyệt.")
    html = html_of(client, article.url)
    block = html.split(f'id="y-kien-{answered.pk}"')[1].split("</li>")[0]
    assert "Ban biên tập" in block and "Lớp tiếp theo mở vào tháng Mười." in block
    assert "Trả lời cho ý kiến chưa duyệt." not in html


def test_email_is_never_shown_publicly(client, article):
    CommentFactory(page=article, status=CommentStatus.APPROVED, email="rieng.tu@example.org")
    assert "rieng.tu@example.org" not in html_of(client, article.url)


def test_html_and_script_in_a_comment_are_shown_escaped(client, article):
    CommentFactory(
        page=article,
        status=CommentStatus.APPROVED,
        name='<b onmouseover="x()">Kẻ xấu</b>',
        text="<script>alert('xss')</script> <img src=x onerror=alert(1)>",
    )
    html = html_of(client, article.url)
    assert "<script>alert(" not in html and "<img src=x" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html
    assert "&lt;b onmouseover=&quot;x()&quot;&gt;Kẻ xấu&lt;/b&gt;" in html


def test_the_form_asks_for_name_email_and_text_and_carries_no_token(client, article):
    response = client.get(article.url)
    html = response.content.decode()
    assert f'action="/y-kien/gui/{article.pk}/"' in html
    for field in ('name="name"', 'name="email"', 'name="text"', 'maxlength="2000"', 'name="website"'):
        assert field in html
    # The page is the same for every reader (cacheable): the tokens come from /api/form-token/.
    assert 'name="csrfmiddlewaretoken" value=""' in html and 'name="form_token" value=' not in html
    assert 'data-token-url="/api/form-token/?form=comments"' in html and not response.cookies


def test_a_sent_comment_waits_for_approval_and_the_reader_is_told(client, article):
    response = client.post(submit_url(article), comment_data())
    assert response.status_code == 302 and response["Location"] == f"{article.url}#y-kien"
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING and comment.page_id == article.pk
    assert comment.email == "mai@example.org"
    assert ModerationEvent.objects.filter(action="submit", object_id=comment.pk).exists()
    html = html_of(client, response["Location"])
    assert "Ý kiến sẽ được hiện sau khi ban biên tập xem và duyệt" in html
    assert "Bài viết hay, mong Hội tổ chức thêm" not in html
    assert "Ý kiến (0)" in html


def test_a_too_long_comment_is_refused_and_the_text_kept(client, article):
    text = "Dài quá. " * 300
    response = client.post(submit_url(article), comment_data(text=text))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Ý kiến của bạn chưa được gửi" in html and "Dài quá. Dài quá." in html
    assert "2000" in html and Comment.objects.count() == 0


def test_a_missing_name_is_refused_with_a_vietnamese_message(client, article):
    response = client.post(submit_url(article), comment_data(name="  ", text="Nội dung vẫn được giữ lại."))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Xin kiểm tra lại các ô được đánh dấu" in html and "Nội dung vẫn được giữ lại." in html


def test_a_closed_article_shows_its_comments_and_no_form(client, article):
    CommentFactory(page=article, status=CommentStatus.APPROVED, text="Ý kiến trước khi đóng.")
    article.comments_open = False
    article.save_revision().publish()
    html = html_of(client, article.url)
    assert "Ý kiến trước khi đóng." in html and "Ý kiến (1)" in html
    assert "Bài viết này đã đóng ý kiến." in html and 'name="text"' not in html
    response = client.post(submit_url(article), comment_data())
    assert response.status_code == 403 and "đã đóng ý kiến" in response.content.decode()
    assert Comment.objects.count() == 1


def test_pages_that_take_no_comments_are_not_found(client, article, home_page):
    assert client.post(submit_url(home_page), comment_data()).status_code == 404
    assert client.post("/y-kien/gui/999999/", comment_data()).status_code == 404
    article.unpublish()
    assert client.post(submit_url(article), comment_data()).status_code == 404
    assert client.get(submit_url(home_page)).status_code == 405
    assert Comment.objects.count() == 0


def test_a_private_article_takes_no_comments(client, article):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert client.post(submit_url(article), comment_data()).status_code == 404


def test_search_never_returns_comments(client, article):
    from wagtail.models import Page
    from wagtail.search.index import class_is_indexed

    CommentFactory(page=article, status=CommentStatus.APPROVED, name="Nguyễn Độc Nhất", text="từkhoáđộcnhất")
    CommentFactory(page=article, status=CommentStatus.PENDING, email="an.danh@example.org", text="bímậtriêngtư")
    assert not class_is_indexed(Comment)
    assert list(Page.objects.live().search("khởi nghiệp")) == [article.page_ptr]  # the article itself is found
    for query in ("từkhoáđộcnhất", "Độc Nhất", "an.danh@example.org", "bímậtriêngtư"):
        assert list(Page.objects.live().public().search(query)) == []
        html = client.get("/tim-kiem/", {"q": query}).content.decode()
        assert article.url not in html
