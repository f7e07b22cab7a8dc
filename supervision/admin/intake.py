"""Recording an item received by phone, by letter, in person or at a forum session, and its receipt slip."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from feedback.intake import can_record, record_item
from feedback.models import Feedback
from home.models import SiteSettings
from home.text import record_id
from outbox.mail import absolute_url

from ..admin_forms import IntakeForm
from ..models import ForumSessionItem


@never_cache
def record_view(request):
    if not can_record(request.user):
        raise PermissionDenied
    initial = {}
    session_id = record_id(request.GET.get("phien"))
    if session_id is not None:
        initial = {"session": session_id, "channel": "forum"}
    form = IntakeForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        item = record_item(
            request.user,
            channel=data["channel"],
            received_on=data["received_on"],
            topic=data["topic"],
            unit=data["unit"],
            content=data["content"],
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            wants_reply=data["wants_reply"],
            consent=data["consent"],
            note=data["note"],
        )
        if data["session"] is not None:
            ForumSessionItem.objects.create(session=data["session"], feedback=item)
        messages.success(request, _("Đã ghi nhận ý kiến, mã tra cứu %(code)s.") % {"code": item.code})
        return redirect("supervision_slip", item.pk)
    return TemplateResponse(
        request,
        "supervision/admin/intake.html",
        {"form": form, "page_title": _("Ghi nhận ý kiến, phản ánh"), "header_title": _("Ghi nhận ý kiến, phản ánh")},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
def slip_view(request, pk):
    """The printable slip handed to the member: the code and how to follow it up, nothing of the content."""
    item = get_object_or_404(Feedback.objects.visible_to(request.user).select_related("topic", "unit"), pk=pk)
    lookup_url = absolute_url(reverse("feedback:lookup"))
    context = {
        "item": item,
        "org": SiteSettings.for_request(request),
        "lookup_url": lookup_url,
        "lookup_code_url": f"{lookup_url}?ma={item.code}",
        "can_open_round": request.user.has_perm("supervision.add_supervisionround"),
        "round_url": reverse("wagtailsnippets_supervision_supervisionround:add") + f"?y_kien={item.pk}",
        "item_url": reverse("wagtailsnippets_feedback_feedback:inspect", args=[item.pk]),
        "record_url": reverse("supervision_intake"),
    }
    return TemplateResponse(request, "supervision/admin/slip.html", context)
