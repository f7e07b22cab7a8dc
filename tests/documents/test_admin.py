"""Editors work on the register in the admin: the document form with its files and replacements, and the
lists (types, fields, issuing bodies) they may add to."""

import pytest

from accounts.factories import approver, editor
from documents.models import DocumentType

pytestmark = pytest.mark.django_db


def test_an_editor_opens_the_new_document_form(client, register):
    client.force_login(editor())
    html = client.get(f"/admin/pages/add/documents/officialdocumentpage/{register.pk}/").content.decode()
    for label in ("Số ký hiệu", "Trích yếu", "Ngày có hiệu lực", "Tệp văn bản", "Văn bản được thay thế"):
        assert label in html


def test_an_editor_edits_a_document(client, sample):
    client.force_login(editor())
    assert client.get(f"/admin/pages/{sample['plan'].pk}/edit/").status_code == 200


def test_editors_add_types_approvers_may_also_remove_them(client, db):
    user = editor()
    assert user.has_perm("documents.add_documenttype") and not user.has_perm("documents.delete_documenttype")
    assert approver().has_perm("documents.delete_issuingbody")
    client.force_login(user)
    assert client.get("/admin/snippets/documents/documenttype/").status_code == 200
    assert DocumentType.objects.count() == 8  # the migration's: nghị quyết ... báo cáo


def test_the_admin_menu_offers_the_import_to_those_who_may_add(client, register):
    client.force_login(editor())
    assert "/admin/van-ban/nhap/" in client.get("/admin/").content.decode()
