"""Reader comments on any page: ``{% comment_thread page as thread %}`` then the component.

The calling template reads the thread once (count, one page of approved comments, their replies)
and passes it to ``{% include "feedback/comments/section.html" with thread=thread %}`` and to
``{% include "feedback/comments/count_link.html" with thread=thread %}``.
"""

from django import template

from .. import comments
from ..forms import CommentForm

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_thread(context, page):
    request = context.get("request")
    number = request.GET.get(comments.PAGE_PARAM) if request is not None else None
    thread = comments.thread(page, number)
    # No token in the page (it is cached for every anonymous reader): feedback.tokens hands them out.
    thread.form = CommentForm(request=request, auto_id="comment_%s", issue_token=False) if thread.is_open else None
    return thread
