"""`{% comment_section page %}`: the comment section under an article or blog post."""

from django import template
from django.core.exceptions import ValidationError

from dateline.core.inputs import whole_number

from .. import actions
from ..permissions import grant
from ..rendering import heading, live_messages, shared_context
from ..threads import SORT_LABELS, thread_page

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, page):
    request = context.get("request")
    viewer = getattr(request, "user", None)
    query = request.GET if request is not None else {}
    featured = query.get("tab") == "featured"
    try:  # the API's rule for page numbers; a reader who typed a bad one gets the first page
        number = whole_number(query.get("page", "1"), name="page")
    except ValidationError:
        number = 1
    threads = thread_page(
        page, sort=query.get("sort", "oldest"), number=number, viewer=viewer, featured=featured
    )
    grant(threads.nodes, viewer=viewer, page=page)
    return {
        **shared_context(
            page, request=request, csrf_token=context.get("csrf_token"), threads=threads
        ),
        "heading": heading(threads.responses),
        "featured": featured,
        "sorts": SORT_LABELS.items(),
        "live_messages": live_messages(),
    }


@register.filter
def rejection_reason(comment):
    """Why a comment was turned down, in words for its writer."""
    return actions.rejection_reason(comment)
