"""Request hygiene before any view runs."""

from django.http import Http404, QueryDict


class NulByteMiddleware:
    """A NUL byte never reaches a view: PostgreSQL refuses it in any string (a 500 where a query used it).

    In the path (``/chung-nhan/AB%00CD/``) no page can match: 404. In the query string the NUL bytes are
    dropped from the values (``?q=dao%00tao`` searches "daotao"). Form fields keep theirs, for the form to
    refuse with a Vietnamese message (``home.forms``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            raise Http404("NUL byte in the path")
        if "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
