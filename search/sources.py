"""What the site search covers, discovered rather than listed.

- Pages: every concrete page model with ``search_fields`` (``home.indexing.VietnameseSearchMixin`` gives
  them their group: the model's ``search_group``, else its app's, else "pages"). Only live pages,
  outside view-restricted subtrees, and not among the pages their model declares hidden from the public
  (classmethod ``search_hidden_pages()`` returning a queryset: lessons of members-only courses).
- Other models: whatever the ``portal_search_models`` hook returns (the feedback app registers its
  published, anonymised resolutions there), read through their ``search_public_queryset()``.
"""

from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from home.indexing import VietnameseSearchMixin, search_category_field_of, search_group_of

# Order and names of the type filter; a group no one declared here shows under its own key.
GROUP_LABELS = {
    "news": _("Tin tức"),
    "training": _("Đào tạo"),
    "documents": _("Văn bản"),
    "pages": _("Trang thông tin"),
    "feedback": _("Ý kiến đã trả lời"),
    "consultations": _("Góp ý dự thảo"),
    "questions": _("Hỏi đáp"),
}


def group_label(group):
    return GROUP_LABELS.get(group, group)


def group_order(group):
    keys = list(GROUP_LABELS)
    return keys.index(group) if group in keys else len(keys)


def page_models():
    """Concrete page models that are searchable (root ``Page`` itself is not)."""
    from wagtail.models import get_page_models

    return [
        model
        for model in get_page_models()
        if model is not Page and not model._meta.abstract and model.get_searchable_search_fields()
    ]


def group_of(model):
    return search_group_of(model)


def page_content_types():
    """``{content_type_id: group}`` for every searchable page model."""
    models = page_models()
    content_types = ContentType.objects.get_for_models(*models) if models else {}
    return {content_types[model].pk: group_of(model) for model in models}


def category_models():
    """Page models that declare a category relation: ``{model: field_name}``."""
    return {
        model: field
        for model in page_models()
        if issubclass(model, VietnameseSearchMixin) and (field := search_category_field_of(model))
    }


def hidden_paths():
    """Tree paths of view-restricted pages: the public never finds them or anything below them."""
    paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
    kept = []
    for path in paths:  # a path under another hidden path adds nothing
        if not any(path.startswith(prefix) for prefix in kept):
            kept.append(path)
    return kept


def hidden_page_querysets():
    """Pages their models declare hidden from the public (``search_hidden_pages()``), one queryset each."""
    return [model.search_hidden_pages() for model in page_models() if hasattr(model, "search_hidden_pages")]


def hidden_page_ids():
    """The declared hidden pages' ids, for Elasticsearch (the database engine uses subqueries)."""
    ids = set()
    for queryset in hidden_page_querysets():
        ids.update(queryset.values_list("pk", flat=True))
    return sorted(ids)


def public_pages(paths=None):
    """Live pages of searchable types that the public may read."""
    paths = hidden_paths() if paths is None else paths
    queryset = Page.objects.live().filter(content_type_id__in=list(page_content_types()))
    if paths:
        queryset = queryset.exclude(reduce(or_, (Q(path__startswith=path) for path in paths)))
    for hidden in hidden_page_querysets():
        queryset = queryset.exclude(pk__in=hidden.values("pk"))
    return queryset


def extra_models():
    """Models other apps register with the ``portal_search_models`` hook."""
    models = []
    for hook in hooks.get_hooks("portal_search_models"):
        for model in hook() or ():
            if model not in models:
                models.append(model)
    return models
