"""Rebuilds the Vietnamese catalogue: extract, complete, compile.

The portal's own strings are written in Vietnamese, so a new entry's translation is its source text;
editors of the catalogue may still refine any entry by hand, and that refinement is kept.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

IGNORE = [".venv/*", "tests/*", "static_collected/*", "media/*", "node_modules/*", "test-results/*"]


def catalogue_path():
    return settings.BASE_DIR / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def complete_catalogue(po):
    """Fills every empty translation with its (Vietnamese) source text; returns how many were filled."""
    filled = 0
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            # msgmerge's fuzzy guess is another string's translation ("Thẻ" -> "Thứ Ba"): start afresh.
            entry.msgstr = ""
            if entry.msgid_plural:
                entry.msgstr_plural = {}
            entry.previous_msgid = entry.previous_msgid_plural = None
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


class Command(BaseCommand):
    help = "Extracts the project's strings into locale/vi, completes the catalogue and compiles it."

    def handle(self, *args, **options):
        import polib

        path = catalogue_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        call_command(
            "makemessages", locale=["vi"], ignore_patterns=IGNORE, no_obsolete=True, verbosity=0, no_location=True
        )
        po = polib.pofile(str(path))
        po.metadata_is_fuzzy = False
        filled = complete_catalogue(po)
        po.save(str(path))
        po.save_as_mofile(str(path.with_suffix(".mo")))
        self.stdout.write(f"{len(po)} entries, {filled} completed now: {path}")
