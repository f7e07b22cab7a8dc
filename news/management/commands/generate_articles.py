from django.core.management.base import BaseCommand
from django.db import connection

from news.generate import generate_articles


class Command(BaseCommand):
    help = "Adds N generated articles below the news index (for scale tests and the benchmark)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--no-search-index", action="store_true", help="do not add them to the search index")

    def handle(self, count, no_search_index=False, **options):
        def progress(done, total):
            self.stdout.write(f"  {done} / {total}", ending="\r")

        total = generate_articles(count, index_search=not no_search_index, progress=progress)
        with connection.cursor() as cursor:  # planner statistics, as a live database has them
            cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"{count} articles added; {total} in all."))
