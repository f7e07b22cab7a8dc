"""Demo work for the staff dashboards: a page an approver sent back to the demo editor with a comment,
and one waiting for the approver. Idempotent: pages already there are left alone."""

from django.contrib.auth import get_user_model

from home.models import HomePage, StandardPage

RETURNED = ("quy-che-phoi-hop", "Quy chế phối hợp với các ban, ngành", "Cần ghi số hiệu và ngày ban hành quy chế.")
WAITING = ("chuong-trinh-cong-tac-2027", "Chương trình công tác năm 2027")
BODY = [("paragraph", "<p>Dự thảo do Văn phòng Hội chuẩn bị, trình Ban Thường vụ cho ý kiến.</p>")]


def draft(parent, slug, title, owner):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return None
    page = StandardPage(title=title, slug=slug, intro=title, body=BODY, live=False, owner=owner)
    parent.add_child(instance=page)
    page.save_revision(user=owner)
    return page


def load(command):
    users = get_user_model().objects.in_bulk(["bientap", "duyetbai"], field_name="username")
    home = HomePage.objects.first()
    if home is None or len(users) < 2:
        return
    editor, approver = users["bientap"], users["duyetbai"]
    slug, title, comment = RETURNED
    page = draft(home, slug, title, editor)
    if page is not None:
        state = page.get_workflow().start(page, editor)
        state.current_task_state.reject(user=approver, comment=comment)
    page = draft(home, *WAITING, editor)
    if page is not None:
        page.get_workflow().start(page, editor)
