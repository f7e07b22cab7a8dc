"""Password guessing and reset-mail flooding are held back, with a Vietnamese explanation."""

from django.core import mail

import pytest

from accounts.factories import DEFAULT_PASSWORD, editor, learner

pytestmark = pytest.mark.django_db

SIGN_IN = "/tai-khoan/dang-nhap/"
RESET = "/tai-khoan/quen-mat-khau/"
THROTTLED = "Đăng nhập sai quá nhiều lần. Xin thử lại sau 15 phút."


def sign_in(client, username, password, **extra):
    return client.post(SIGN_IN, {"username": username, "password": password}, **extra)


def test_an_account_is_held_after_repeated_wrong_passwords(client, home_page, settings):
    settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT = 3
    learner(username="hocvien1")
    for _ in range(3):
        html = sign_in(client, "hocvien1", "sai").content.decode()
        assert "Tên đăng nhập hoặc mật khẩu không đúng" in html
    response = sign_in(client, "hocvien1", DEFAULT_PASSWORD)  # even the right password waits now
    html = response.content.decode()
    assert response.status_code == 200
    assert THROTTLED in html
    assert 'value="hocvien1"' in html
    assert "_auth_user_id" not in client.session


def test_the_account_hold_ignores_case_and_spacing_but_spares_other_accounts(client, home_page, settings):
    settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT = 2
    learner(username="hocvien2")
    learner(username="hocvien3")
    sign_in(client, "hocvien2", "sai")
    sign_in(client, " HOCVIEN2 ", "sai")
    assert THROTTLED in sign_in(client, "hocvien2", DEFAULT_PASSWORD).content.decode()
    assert sign_in(client, "hocvien3", DEFAULT_PASSWORD).status_code == 302


def test_one_address_trying_many_accounts_is_held(client, home_page, settings):
    settings.SIGN_IN_MAX_FAILURES_PER_ADDRESS = 3
    learner(username="hocvien4")
    for name in ("a", "b", "c"):
        sign_in(client, name, "sai", REMOTE_ADDR="198.51.100.5")
    assert THROTTLED in sign_in(client, "hocvien4", DEFAULT_PASSWORD, REMOTE_ADDR="198.51.100.5").content.decode()
    assert sign_in(client, "hocvien4", DEFAULT_PASSWORD, REMOTE_ADDR="198.51.100.6").status_code == 302


def test_the_admin_sign_in_is_held_too(client, home_page, settings):
    settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT = 2
    editor(username="bientap")
    for _ in range(2):
        client.post("/admin/login/", {"username": "bientap", "password": "sai"})
    response = client.post("/admin/login/", {"username": "bientap", "password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    assert THROTTLED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_reset_mail_to_one_address_stops_after_the_limit_without_saying_so(
    client, home_page, settings, django_capture_on_commit_callbacks
):
    settings.PASSWORD_RESET_MAX_PER_EMAIL = 2
    learner(username="hocvien5", email="lan@example.org")
    for number in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(RESET, {"email": "lan@example.org"}, REMOTE_ADDR=f"198.51.100.{number}")
        assert response.status_code == 302
        assert response["Location"] == "/tai-khoan/quen-mat-khau/da-gui/"
    assert len(mail.outbox) == 2


def test_one_address_asking_too_many_resets_is_told_to_wait(client, home_page, settings):
    settings.PASSWORD_RESET_MAX_PER_ADDRESS = 2
    for number in range(2):
        assert client.post(RESET, {"email": f"nguoi{number}@example.org"}).status_code == 302
    response = client.post(RESET, {"email": "nguoi9@example.org"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "quá nhiều yêu cầu đặt lại mật khẩu" in html
    assert 'value="nguoi9@example.org"' in html
