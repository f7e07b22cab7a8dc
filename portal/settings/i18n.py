"""Languages, time zone and catalogues (star-imported by base.py): Vietnamese first, the essentials in
English under /en/.

Wagtail's own internationalisation: each page belongs to a locale (``wagtail.locales`` lets
administrators manage them), English pages are translations of Vietnamese ones, made in the admin with
``wagtail.contrib.simple_translation`` ("Dịch"). The Vietnamese pages keep their addresses
(``i18n_patterns(..., prefix_default_language=False)`` in portal/urls.py) and Vietnamese stays the
default: Django's ``LocaleMiddleware`` takes the language from the address only (an unprefixed address
is always Vietnamese, whatever the browser asks for).
"""

from pathlib import Path

__all__ = [
    "LANGUAGE_CODE",
    "LANGUAGES",
    "LOCALE_PATHS",
    "TIME_ZONE",
    "USE_I18N",
    "USE_TZ",
    "WAGTAILADMIN_PERMITTED_LANGUAGES",
    "WAGTAIL_CONTENT_LANGUAGES",
    "WAGTAIL_I18N_ENABLED",
]

_BASE_DIR = Path(__file__).resolve().parent.parent.parent

LANGUAGE_CODE = "vi"
# Each language named in itself: the language switch shows "English" to a Vietnamese reader and
# "Tiếng Việt" to an English one, the names those readers look for.
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# locale/: the portal's own strings (vi: complete; en: what the English pages show);
# locale_admin/: Vietnamese for Wagtail admin strings its own catalogue lacks.
LOCALE_PATHS = [_BASE_DIR / "locale", _BASE_DIR / "locale_admin"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
