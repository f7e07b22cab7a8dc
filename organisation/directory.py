"""The directory of grassroots unions, read from the unit tree (``accounts.OrganisationUnit``), the only
source: a merger, a rename or a new branch edited there shows here at once.

Other apps add links to a unit's page without this app knowing them: a ``portal_unit_links`` hook
returns ``(label, url)`` (or ``None``) for ``(request, unit)``: the news tagged with the unit's name,
the feedback form with the unit chosen."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from wagtail import hooks

from accounts.models import OrganisationUnit, UnitKind
from home.text import fold_vi, slugify_vi

QUERY_MAX = 100


@dataclass
class Node:
    unit: OrganisationUnit
    children: list = field(default_factory=list)


def units():
    """Every unit, in tree order (one query)."""
    return list(OrganisationUnit.objects.order_by("sort_path"))


def tree(all_units):
    """The top units as ``Node``s, each with its children below it (the list is in tree order)."""
    nodes = {unit.pk: Node(unit) for unit in all_units}
    roots = []
    for unit in all_units:
        parent = nodes.get(unit.parent_id)
        (parent.children if parent else roots).append(nodes[unit.pk])
    return roots


def matching(all_units, query):
    """The units whose name holds every word of ``query``, accents or not ("hoa binh" finds "Hòa Bình")."""
    words = fold_vi(query[:QUERY_MAX]).split()
    return [unit for unit in all_units if all(word in fold_vi(unit.name) for word in words)]


def unit_slug(unit):
    return slugify_vi(unit.name, max_length=80) or "don-vi"


def unit_links(request, unit):
    return [link for fn in hooks.get_hooks("portal_unit_links") if (link := fn(request, unit))]


def public_contact(unit):
    """``[(label, text, link)]`` of what the directory shows of ``unit`` (only what is filled in)."""
    chair = _("Chi hội trưởng") if unit.kind == UnitKind.BRANCH else _("Chủ tịch")
    facts = [
        (chair, unit.chair, ""),
        (_("Địa chỉ"), unit.address, ""),
        (_("Điện thoại"), unit.phone, "tel:" + "".join(unit.phone.split())),
        (_("Thư điện tử"), unit.email, f"mailto:{unit.email}"),
        (_("Giờ làm việc"), unit.working_hours, ""),
    ]
    return [fact for fact in facts if fact[1]]
