from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import counter


@csrf_exempt  # no cookie is read or set: a forged beacon is no more than a visit, and counts once an hour
@never_cache
@require_POST
def beacon(request):
    """``POST page=<id>`` from a page's script: counted by ``visits.counter`` rules, always 204."""
    page_id = counter.page_id_of(request.POST.get("page", ""))
    if page_id is not None:
        counter.record(request, page_id)
    return HttpResponse(status=204)
