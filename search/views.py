from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import service, suggest
from .forms import SearchForm


@require_GET
def search(request):
    params = SearchForm(request.GET).params()
    result = service.search_page(params, request)
    if result.query and params["page"] == 1 and not result.has_filters:
        service.record_query(result.query)
    return render(
        request,
        "search/search.html",
        {
            "search": result,
            "search_query": result.query,
            # The site's sections, offered only when there is nothing else to show.
            "sections": [] if result.results else service.sections(),
        },
    )


@require_GET
@never_cache
def suggestions(request):
    """JSON for the header search box: a few titles for what is being typed."""
    params = SearchForm(request.GET).params()
    return JsonResponse(suggest.suggestions(params["q"]), json_dumps_params={"ensure_ascii": False})
