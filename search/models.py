"""The search app's own table: :class:`RankVector`, what PostgreSQL ranking reads."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class RankVector(models.Model):
    """On PostgreSQL, the folded words of one search index entry with their positions: what ranking reads.

    ``ts_rank`` of an ``&`` query depends only on the positions and weights of the query's words in the
    document, and a folded query has folded (ASCII) words only, so ranking on these small vectors (about
    a third of the entry's ``body``, stored inline) gives the same scores as the entry's large, TOASTed
    ``body`` without reading it. A trigger on Wagtail's index table keeps them (migration 0003); on
    SQLite the table stays empty and unused.
    """

    entry_id = models.IntegerField(primary_key=True)  # wagtailsearch_indexentry.id
    vector = SearchVectorField()

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"RankVector {self.entry_id}"
