"""Each role's dashboard: its panels, their counts and links, and a query count that does not grow
with 1,000 items behind each dashboard."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.models import Page, Revision

import pytest

from accounts import factories as accounts_factories
from accounts.models import User
from feedback.factories import TopicFactory
from feedback.models import Comment, Feedback
from home.dashboard import DashboardPanel, Figure
from news.models import NewsArticlePage
from outbox.models import Message
from training.factories import CoursePageFactory, TrainingEventPageFactory, TrainingIndexPageFactory
from training.models import Enrolment

from .conftest import make_articles, workflow_states

pytestmark = pytest.mark.django_db
BUDGET = 45  # the whole dashboard page: session, user, sidebar, Wagtail's summary and every panel


def dashboard(client, user):
    client.force_login(user)
    client.get(reverse("wagtailadmin_home"))  # warm: content types, site settings
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode(), len(captured)


def test_editor_sees_drafts_returned_scheduled_and_recent_articles_in_bounded_queries(client, news_index):
    editor = accounts_factories.editor()
    approver = accounts_factories.approver(full_name="Trần Thị Duyệt")
    drafts = make_articles(10, editor, live=False, has_unpublished_changes=True)
    returned = make_articles(5, editor, live=False, has_unpublished_changes=True)
    workflow_states(returned, editor, "needs_changes", "rejected", approver, "Cần bổ sung số liệu của xã.")
    _html, few = dashboard(client, editor)

    drafts += make_articles(400, editor, live=False, has_unpublished_changes=True)
    returned += make_articles(300, editor, live=False, has_unpublished_changes=True)
    workflow_states(returned[5:], editor, "needs_changes", "rejected", approver, "Cần bổ sung số liệu của xã.")
    scheduled = make_articles(295, editor)
    Revision.objects.bulk_create(
        Revision(
            content_type=ContentType.objects.get_for_model(NewsArticlePage),
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(pk),
            object_str=f"Bài hẹn giờ {pk}",
            content={},
            approved_go_live_at=timezone.now() + datetime.timedelta(days=1, minutes=pk),
            created_at=timezone.now(),
        )
        for pk in scheduled
    )
    Comment.objects.bulk_create(
        Comment(page_id=scheduled[-1], name="Bạn đọc", text=f"Ý kiến {n}", status="approved") for n in range(7)
    )
    html, many = dashboard(client, editor)

    assert many <= BUDGET
    assert many == few
    assert "Bị trả lại, cần sửa" in html
    assert "Cần bổ sung số liệu của xã." in html
    assert "Trần Thị Duyệt" in html
    assert '<span class="portal-figure__count">305</span>' in html
    assert any(reverse("wagtailadmin_pages:edit", args=(pk,)) in html for pk in returned)
    assert "Bản nháp của tôi" in html
    assert '<span class="portal-figure__count">410</span>' in html  # drafts, those returned left out
    assert "Đã hẹn giờ đăng" in html and f"Bài hẹn giờ {scheduled[0]}" in html
    assert "Tin bài gần đây của tôi" in html and "Ý kiến (7)" in html
    assert "Tiếp nhận ý kiến, phản ánh" not in html  # not an editor's panel


def test_approver_sees_what_waits_oldest_first_with_the_wait(client, news_index):
    editor = accounts_factories.editor(full_name="Lê Thị Biên")
    approver = accounts_factories.approver()
    pks = make_articles(10, editor, live=False, has_unpublished_changes=True)
    workflow_states(pks, editor, "in_progress", "in_progress")
    _html, few = dashboard(client, approver)
    more = make_articles(990, editor, live=False, has_unpublished_changes=True)
    workflow_states(more, editor, "in_progress", "in_progress", started=timezone.now() - datetime.timedelta(days=9))
    html, many = dashboard(client, approver)

    assert many <= BUDGET
    assert many == few
    assert "Chờ tôi duyệt" in html
    assert '<span class="portal-figure__count">1000</span>' in html
    oldest = Page.objects.get(pk=more[0]).title
    assert oldest in html, html[html.index("Chờ tôi duyệt") - 200 : html.index("Chờ tôi duyệt") + 3000]
    assert "đã chờ 9 ngày" in html
    assert "Lê Thị Biên" in html


def test_moderator_sees_new_overdue_forwarded_and_comments(client, home_page):
    moderator = accounts_factories.moderator()
    topic = TopicFactory(name="Môi trường")
    today = timezone.localdate()

    def items(count, start, **fields):
        Feedback.objects.bulk_create(
            Feedback(code=f"YK{start + n:06d}", topic=topic, content="Nội dung", consent_at=timezone.now(), **fields)
            for n in range(count)
        )

    items(3, 0, status="new")
    _html, few = dashboard(client, moderator)
    items(400, 100, status="new")
    items(300, 1000, status="forwarded", forwarded_to="UBND xã Hòa Bình", deadline=today - datetime.timedelta(days=4))
    items(297, 2000, status="forwarded", forwarded_to="UBND xã An", deadline=today + datetime.timedelta(days=4))
    Comment.objects.bulk_create(Comment(page=home_page, name="Bạn đọc", text=f"Ý kiến {n}") for n in range(1000))
    html, many = dashboard(client, moderator)

    assert many <= BUDGET
    assert many == few
    assert "Tiếp nhận ý kiến, phản ánh" in html
    for count, label in [
        (403, "ý kiến mới chờ xử lý"),
        (300, "ý kiến quá hạn trả lời"),
        (297, "đã chuyển, chờ cơ quan trả lời"),
        (1000, "ý kiến bạn đọc chờ duyệt"),
    ]:
        assert f'<span class="portal-figure__count">{count}</span>\n' in html or f">{count}<" in html, label
        assert label in html
    first_overdue = Feedback.objects.get(code="YK001000")
    assert reverse("wagtailsnippets_feedback_feedback:inspect", args=(first_overdue.pk,)) in html
    assert "quá hạn 4 ngày" in html


def test_training_manager_sees_enrolments_events_and_lowest_completion(client, home_page):
    manager = accounts_factories.training_manager()
    index = TrainingIndexPageFactory(parent=home_page)
    courses = [CoursePageFactory(parent=index, title=f"Khóa {n}") for n in range(4)]
    TrainingEventPageFactory(parent=index, title="Lớp tập huấn kỹ năng giám sát")
    learners = User.objects.bulk_create(User(username=f"hocvien{n}", full_name=f"Học viên {n}") for n in range(1000))
    Enrolment.objects.bulk_create(
        Enrolment(user=learners[n], course=courses[0], completed_at=timezone.now()) for n in range(10)
    )
    _html, few = dashboard(client, manager)
    Enrolment.objects.bulk_create(
        Enrolment(
            user=learners[n],
            course=courses[n % 3 + 1],
            completed_at=timezone.now() if n % 3 != 2 or n % 7 == 0 else None,
        )
        for n in range(10, 1000)
    )
    html, many = dashboard(client, manager)

    assert many <= BUDGET
    assert many == few
    assert "lượt ghi danh trong tháng này" in html and ">1000<" in html
    assert "Lớp tập huấn kỹ năng giám sát" in html
    assert reverse("training_report:index") in html
    # Khóa 3 (n % 3 == 2) completes least, so it leads the list.
    assert html.index("Khóa 3") < html.index("Khóa 1")


def test_administrator_sees_failed_mail_tasks_and_search(client):
    admin = accounts_factories.make_user(is_superuser=True, is_staff=True)
    Message.objects.bulk_create(
        Message(kind="test", recipient=f"a{n}@example.org", subject="Thư", state="failed") for n in range(3)
    )
    _html, few = dashboard(client, admin)
    Message.objects.bulk_create(
        Message(kind="test", recipient=f"b{n}@example.org", subject="Thư", state="failed") for n in range(997)
    )
    html, many = dashboard(client, admin)
    assert many <= BUDGET
    assert many == few
    assert "Tình trạng hệ thống" in html
    assert "thư gửi đi bị lỗi" in html and ">1000<" in html
    assert "Công cụ tìm kiếm" in html and "Hàng đợi tác vụ" in html


def test_an_app_adds_a_panel_through_the_hook_without_touching_the_dashboard(client):
    class ConsultationPanel(DashboardPanel):
        roles = ("Cán bộ tiếp nhận",)
        title = "Góp ý dự thảo đang mở"

        def get_figures(self):
            return [Figure("dự thảo đang lấy ý kiến", 2)]

    with hooks.register_temporarily("portal_dashboard_panels", lambda: [ConsultationPanel]):
        moderator_html, _count = dashboard(client, accounts_factories.moderator())
        editor_html, _count = dashboard(client, accounts_factories.editor())
    assert "Góp ý dự thảo đang mở" in moderator_html
    assert "Góp ý dự thảo đang mở" not in editor_html
