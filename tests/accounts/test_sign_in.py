import re

from django.core import mail

import pytest

from accounts.factories import DEFAULT_PASSWORD, learner


@pytest.mark.django_db
def test_sign_in_page_is_vietnamese(client, home_page):
    html = client.get("/tai-khoan/dang-nhap/").content.decode()
    assert "Tên đăng nhập" in html
    assert "Quên mật khẩu?" in html


@pytest.mark.django_db
def test_learner_signs_in_and_out(client, home_page):
    user = learner(username="hocvien1")
    response = client.post("/tai-khoan/dang-nhap/", {"username": "hocvien1", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk
    response = client.post("/tai-khoan/dang-xuat/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_wrong_password_shows_vietnamese_message_and_keeps_username(client, home_page):
    learner(username="hocvien2")
    response = client.post("/tai-khoan/dang-nhap/", {"username": "hocvien2", "password": "sai"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in html
    assert 'value="hocvien2"' in html


@pytest.mark.django_db
def test_sign_in_redirects_only_to_this_site(client, home_page):
    learner(username="hocvien3")
    response = client.post(
        "/tai-khoan/dang-nhap/?next=https://evil.example.com/",
        {"username": "hocvien3", "password": DEFAULT_PASSWORD, "next": "https://evil.example.com/"},
    )
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_password_reset_by_email(client, home_page, django_capture_on_commit_callbacks):
    learner(username="hocvien4", email="lan@example.org")
    with django_capture_on_commit_callbacks(execute=True):  # sent through the outbox, after the commit
        response = client.post("/tai-khoan/quen-mat-khau/", {"email": "lan@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Đặt lại mật khẩu" in message.subject
    link = re.search(r"http://testserver(/tai-khoan/dat-lai-mat-khau/\S+/)", message.body).group(1)
    response = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in response.content.decode()
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "mot-mat-khau-moi-dai", "new_password2": "mot-mat-khau-moi-dai"},
    )
    assert response.status_code == 302
    assert (
        client.post("/tai-khoan/dang-nhap/", {"username": "hocvien4", "password": "mot-mat-khau-moi-dai"}).status_code
        == 302
    )


@pytest.mark.django_db
def test_password_reset_for_unknown_email_reveals_nothing(client, home_page):
    response = client.post("/tai-khoan/quen-mat-khau/", {"email": "khongco@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []
