"""Public pages: published supervision rounds (/giam-sat/) and the open data (/du-lieu-mo/).

The same for every visitor, so the anonymous page cache keeps them; supervision/signals.py purges
them when a round, a recommendation or a published resolution changes.
"""

from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from home.pagination import paginate

from . import opendata
from .models import Recommendation, RecommendationStatus, SupervisionRound

ROUNDS_PER_PAGE = 10
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def round_list(request):
    rounds = (
        SupervisionRound.objects.published()
        .select_related("lead_unit", "area")
        .annotate(
            recommendation_count=Count("recommendations"),
            resolved_count=Count("recommendations", filter=Q(recommendations__status=RecommendationStatus.RESOLVED)),
        )
        .order_by("-actual_end", "-pk")
    )
    page = paginate(request, rounds, ROUNDS_PER_PAGE)
    return render(request, "supervision/round_list.html", {"page_obj": page})


def round_detail(request, pk):
    recommendations = Recommendation.objects.select_related("previous").order_by("sent_on", "pk")
    round = get_object_or_404(
        SupervisionRound.objects.published()
        .select_related("lead_unit", "area")
        .prefetch_related(Prefetch("recommendations", queryset=recommendations)),
        pk=pk,
    )
    return render(
        request, "supervision/round_detail.html", {"round": round, "recommendations": round.recommendations.all()}
    )


def opendata_page(request):
    datasets = [
        {
            "dataset": dataset,
            "files": [(format, opendata.file_url(dataset.slug, format)) for format in opendata.FORMATS],
        }
        for dataset in opendata.DATASETS.values()
    ]
    return render(request, "supervision/opendata.html", {"datasets": datasets, "licence": opendata.LICENCE})


def opendata_file(request, slug, format):
    if slug not in opendata.DATASETS or format not in opendata.FORMATS:
        raise Http404
    response = HttpResponse(opendata.content(slug, format), content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = f'inline; filename="{slug}.{format}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response
