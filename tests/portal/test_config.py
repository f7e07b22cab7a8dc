import pytest

from portal.config import email_settings, tasks_setting


def test_smtp_url_with_starttls_and_an_encoded_user():
    assert email_settings("smtp://hoi%40example.org:p%3Ass@smtp.example.org:587/?tls=True") == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "hoi@example.org",
        "EMAIL_HOST_PASSWORD": "p:ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }


def test_smtps_and_submission_imply_their_port_and_encryption():
    smtps = email_settings("smtps://smtp.example.org")
    assert (smtps["EMAIL_PORT"], smtps["EMAIL_USE_SSL"], smtps["EMAIL_USE_TLS"]) == (465, True, False)
    submission = email_settings("submission://smtp.example.org")
    assert (submission["EMAIL_PORT"], submission["EMAIL_USE_TLS"]) == (587, True)


def test_the_url_may_set_the_timeout():
    assert email_settings("smtp://smtp.example.org/?timeout=5")["EMAIL_TIMEOUT"] == 5
    assert "EMAIL_TIMEOUT" not in email_settings("smtp://smtp.example.org")


def test_console_and_test_backends():
    assert email_settings("console://")["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert email_settings("memory://")["EMAIL_BACKEND"] == "django.core.mail.backends.locmem.EmailBackend"
    assert email_settings("file:///srv/portal/thu")["EMAIL_FILE_PATH"] == "/srv/portal/thu"


@pytest.mark.parametrize("url", ["http://smtp.example.org", "smtp://h/?tls=1&ssl=1"])
def test_a_wrong_url_stops_the_start(url):
    with pytest.raises(ValueError, match="EMAIL_URL"):
        email_settings(url)


def test_an_unknown_task_backend_stops_the_start():
    assert tasks_setting("database")["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    with pytest.raises(ValueError, match="TASKS_BACKEND"):
        tasks_setting("celery")
