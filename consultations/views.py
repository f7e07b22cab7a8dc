"""The public address a comment on a consultation is posted to: feedback's comment view, with the period."""

from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from feedback.views import CommentSubmitView

from . import services
from .forms import ConsultationCommentForm
from .period import Phase

REFUSALS = {
    Phase.UPCOMING: _("Dự thảo này chưa đến thời gian lấy ý kiến. Xin quay lại từ ngày bắt đầu nhận góp ý."),
    Phase.CLOSED: _("Đã hết hạn góp ý cho dự thảo này, ý kiến mới không được nhận."),
}


class ConsultationCommentView(CommentSubmitView):
    """The server's side of the period: before the open and from the close on, nothing is stored."""

    template_name = "consultations/submit_error.html"
    thanks = _("Cảm ơn bạn đã góp ý. Ý kiến sẽ được hiện sau khi cán bộ tiếp nhận xem và duyệt.")

    def get_page(self, page_id):
        return services.consultation_or_404(page_id)

    def refusal(self, page):
        phase = page.phase
        if phase in REFUSALS:
            return {"closed": True, "refusal": REFUSALS[phase], "phase": phase}
        if not page.comments_open:
            return {"closed": True, "refusal": _("Dự thảo này tạm ngừng nhận góp ý."), "phase": phase}
        return None

    def get_form(self, page, data=None, initial=None):
        return ConsultationCommentForm(data, initial=initial, request=self.request, auto_id="comment_%s", page=page)

    def save(self, form, page):
        services.submit(form, page)


comment_submit = csrf_exempt(never_cache(ConsultationCommentView.as_view()))
