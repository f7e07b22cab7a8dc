"""Rebuilds the Vietnamese and English catalogues: extract, complete, compile.

The portal's own strings are written in Vietnamese, so a new entry's translation is its source text;
editors of the catalogue may still refine any entry by hand, and that refinement is kept.

The English catalogue (``locale/en``) holds the English of what the English pages under /en/ show
(header, footer, menus, dates, the news pages); its translations are written by hand and kept, a new
entry stays empty (Django then shows the Vietnamese text) until someone translates it, and a test
checks that nothing an English page shows is left in Vietnamese.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

IGNORE = [".venv/*", "tests/*", "static_collected/*", "media/*", "node_modules/*", "test-results/*"]


def catalogue_path(language="vi"):
    return settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"


def complete_catalogue(po):
    """Fills every empty translation with its (Vietnamese) source text; returns how many were filled."""
    filled = 0
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            # msgmerge's fuzzy guess is another string's translation ("Người gửi" -> "Người nói"):
            # drop it, the Vietnamese source is the right text.
            entry.msgstr = ""
            entry.msgstr_plural = {}
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        if entry.msgid_plural:
            if not entry.msgstr_plural.get(0):
                entry.msgstr_plural = {0: entry.msgid_plural if "%" in entry.msgid_plural else entry.msgid}
                filled += 1
        elif not entry.msgstr:
            entry.msgstr = entry.msgid
            filled += 1
    po.metadata["Language"] = "vi"
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    return filled


def tidy_english(po):
    """Drops msgmerge's fuzzy guesses (another string's English) and sets the catalogue's header."""
    for entry in po:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.msgstr = ""
            entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    po.metadata["Language"] = "en"
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"


class Command(BaseCommand):
    help = "Extracts the project's strings into locale/vi and locale/en, completes the catalogues, compiles them."

    def handle(self, *args, **options):
        import polib

        path = catalogue_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        catalogue_path("en").parent.mkdir(parents=True, exist_ok=True)
        call_command(
            "makemessages", locale=["vi", "en"], ignore_patterns=IGNORE, no_obsolete=True, verbosity=0, no_location=True
        )
        po = polib.pofile(str(path))
        po.metadata_is_fuzzy = False
        filled = complete_catalogue(po)
        po.save(str(path))
        po.save_as_mofile(str(path.with_suffix(".mo")))
        self.stdout.write(f"{len(po)} entries, {filled} completed now: {path}")
        english_path = catalogue_path("en")
        english = polib.pofile(str(english_path))
        english.metadata_is_fuzzy = False
        tidy_english(english)
        english.save(str(english_path))
        english.save_as_mofile(str(english_path.with_suffix(".mo")))
        self.stdout.write(f"{len(english.translated_entries())} of {len(english)} in English: {english_path}")
