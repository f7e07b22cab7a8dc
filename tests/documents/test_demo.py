import io

from django.core.management import call_command

import pytest

from documents.models import DocumentStatus, OfficialDocumentPage


@pytest.mark.django_db
def test_demo_register_is_complete_and_loading_it_twice_changes_nothing(settings, client):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    documents = OfficialDocumentPage.objects.live()
    count = documents.count()
    call_command("load_demo", stdout=io.StringIO())
    assert documents.count() == count >= 12
    assert len({document.document_type_id for document in documents}) >= 6
    assert len({document.issue_date.year for document in documents}) >= 4
    assert documents.with_status(DocumentStatus.EXPIRED).count() >= 3
    assert all(document.files.filter(document__file__endswith=".pdf").exists() for document in documents)
    assert OfficialDocumentPage.objects.get(number="03/HD-HLHPN").replaced_by_documents().exists()
    assert "15/KH-HLHPN" in client.get("/van-ban/?q=15/KH").content.decode()
    plan = client.get("/van-ban/15-kh-hlhpn-2024/")
    assert plan.status_code == 200 and "Hết hiệu lực" in plan.content.decode()
